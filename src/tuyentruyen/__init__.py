"""tt — kế hoạch tuyên truyền dưới dạng mã (communications plans as code)."""

__version__ = "0.1.0"
