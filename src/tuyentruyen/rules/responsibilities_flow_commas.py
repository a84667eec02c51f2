"""Tên đơn vị bị dấu phẩy tách thành nhiều mục trong danh sách viết trong ngoặc vuông.

## Quy tắc này làm gì

Trong YAML, một danh sách viết trên một dòng trong ngoặc vuông (`[a, b, c]`) dùng dấu phẩy để
tách các mục. Tên đơn vị tiếng Việt lại thường có dấu phẩy: "UBND các xã, phường, đặc khu",
"Các sở, ban, ngành". Viết `support: [UBND các xã, phường, đặc khu]` là ba đơn vị: "UBND các
xã", "phường" và "đặc khu". Quy tắc báo, ở dòng của mục, những mục của một danh sách đơn vị
(chủ trì, phối hợp, đơn vị trong Tổ chức thực hiện, Nơi nhận, Điều 3) là mảnh của một tên dài
hơn:

- ghép với các mục bên cạnh (bằng ", ") thì thành một đơn vị có trong sổ đơn vị; hoặc
- đứng riêng là một từ trơn chỉ loại đơn vị ("ban", "ngành", "phường", "thị trấn", "đặc
  khu"…, danh sách ở `data/unit_words.yaml`, mục `fragments`), theo sau một mục kết thúc cũng
  bằng một từ như vậy ("UBND các xã", "Các sở").

Lời nhắc kèm cách sửa: đặt cả tên trong ngoặc kép, `- "UBND các xã, phường, đặc khu"`. Mục đã
đặt trong ngoặc kép, và danh sách viết mỗi mục một dòng (`- …`), không bị báo. `tt validate`
kiểm tra cùng lỗi này trong sổ đơn vị (`short`, `aliases` của units.yaml).

## Vì sao quan trọng

Tên bị tách làm sai dữ liệu mà không có lời báo nào: kế hoạch giao việc cho "phường" và "đặc
khu" như hai đơn vị; trong sổ đơn vị, `aliases: [Các sở, ban, ngành thành phố]` đăng ký "ban" là
tên gọi khác của nhóm. Lời gợi ý "có phải ý bạn là …" của các quy tắc khác (TT-R005) trên từng
mảnh lại càng làm người soạn hiểu sai.

## Ví dụ sai

Nơi nhận viết trên một dòng: YAML đọc thành năm nơi nhận, trong đó có "ban" và "ngành".

```yaml
tt: 1
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
    short: UBND tỉnh
  number: 25
  symbol: KH-UBND
  place: Hà Giang
  date: 15/01/2024
  title: Tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Hà Giang
  signer:
    position: CHỦ TỊCH
  recipients: [Sở Nội vụ, Sở Tài chính, Các sở, ban, ngành]
  archive: VT, NC
plan:
  year: 2024
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2024
```

## Nên viết

Tên có dấu phẩy đặt trong ngoặc kép:

```yaml
tt: 1
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
    short: UBND tỉnh
  number: 25
  symbol: KH-UBND
  place: Hà Giang
  date: 15/01/2024
  title: Tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Hà Giang
  signer:
    position: CHỦ TỊCH
  recipients: [Sở Nội vụ, Sở Tài chính, "Các sở, ban, ngành"]
  archive: VT, NC
plan:
  year: 2024
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2024
```

Hoặc mỗi nơi nhận một dòng:

```yaml
tt: 1
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
    short: UBND tỉnh
  number: 25
  symbol: KH-UBND
  place: Hà Giang
  date: 15/01/2024
  title: Tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Hà Giang
  signer:
    position: CHỦ TỊCH
  recipients:
    - Sở Nội vụ
    - Sở Tài chính
    - Các sở, ban, ngành
  archive: VT, NC
plan:
  year: 2024
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2024
```
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import yaml

CODE = "TT-R013"
TITLE = "Tên đơn vị bị dấu phẩy tách trong danh sách [ ]"
SEVERITY = "warning"

_LONGEST = 6  # items a split name may have been cut into


@dataclass(frozen=True)
class Split:
    """Items start..end-1 of a flow list that read as one name cut at its commas."""

    start: int
    end: int
    first_fragment: int  # the first item that is a fragment (start, or start + 1 when start is the head)
    name: str  # the items joined again with ", "
    known: bool  # the joined name is a unit (or a name of the registry)

    @property
    def fix(self) -> str:
        return f'- "{self.name}"'


@functools.cache
def fragment_words() -> frozenset[str]:
    """The bare words that name a kind of unit ("ban", "ngành", "phường"…): data/unit_words.yaml."""
    from importlib.resources import files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(files("tuyentruyen.data").joinpath("unit_words.yaml").read_text("utf-8"), Loader=loader)
    return frozenset(_key(w) for w in raw.get("fragments") or ())


def _key(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _bare(item: str) -> bool:
    """"ban", "phường", "các phường" (not "Các sở": a capital starts a name)."""
    k = _key(item)
    return k in fragment_words() or (_lower_start(item) and k.removeprefix("các ") in fragment_words())


def _ends_bare(item: str) -> bool:
    words = _key(item).split()
    return any(" ".join(words[-n:]) in fragment_words() for n in (1, 2) if len(words) > n)


def _lower_start(item: str) -> bool:
    first = item.strip()[:1]
    return first.isalpha() and first.islower()


def find_splits(items: list[str], known: Callable[[str], bool], *, plain: list[bool] | None = None) -> list[Split]:
    """The runs of items that are one name split at its commas (pure: the caller says what is known).

    plain[i]: item i was written unquoted (only those can be fragments). A run starts where items
    joined are known, or at a bare word ("ban", "phường"); it goes on over the bare words and the
    items that start in lower case ("ngành thành phố") that follow.
    """
    n = len(items)
    plain = plain if plain is not None else [True] * n
    out: list[Split] = []
    i = 0
    while i < n:
        found = None
        for j in range(min(n, i + _LONGEST), i + 1, -1):  # the longest joined window that is known
            if all(plain[i + 1:j]) and known(", ".join(items[i:j])):
                found = Split(i, j, i + 1, ", ".join(items[i:j]), True)
                break
        if found is None and i + 1 < n and plain[i + 1] and _bare(items[i + 1]):
            j = i + 2
            while j < n and plain[j] and (_bare(items[j]) or _lower_start(items[j])):
                j += 1
            # the name starts at the item before the first fragment when that item ends with such a
            # word too ("UBND các xã" + "phường"); else the fragments alone are the name ("cơ quan,
            # đơn vị liên quan"), unless a lone word is left: then it was cut from the item before
            head = i if (_ends_bare(items[i]) or j - (i + 1) < 2) else i + 1
            found = Split(head, j, i + 1, ", ".join(items[head:j]), False)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.end
    return out


def flow_items(node) -> tuple[list[str], list[bool]] | None:
    """The items of a flow sequence node ([a, b, c]) and whether each is a plain scalar; None otherwise."""
    if not isinstance(node, yaml.SequenceNode) or not node.flow_style:
        return None
    if not all(isinstance(v, yaml.ScalarNode) for v in node.value):
        return None
    return [v.value for v in node.value], [not v.style for v in node.value]  # plain: style None or ""


def message(split: Split, items: list[str], unit_name: str | None, what: str = "mục") -> str:
    parts = ", ".join(f"“{x}”" for x in items[split.start:split.end])
    text = (f"Dấu phẩy trong danh sách [ … ] tách “{split.name}” thành {split.end - split.start} {what} "
            f"({parts})")
    if unit_name is not None:
        text += f"; ghép lại là tên của “{unit_name}” trong sổ đơn vị"
    return text + "."


def hint(split: Split) -> str:
    return (f"Đặt cả tên trong ngoặc kép, hoặc viết mỗi mục một dòng: `{split.fix}`; trên một dòng: "
            f"`[\"{split.name}\"]`.")


def _unit_lists(ctx):
    """(path, node) of every list of units the plan writes: lead, support, duty units, recipients, Điều 3."""
    for p, _task in ctx.tasks():
        yield p + ("lead",)
        yield p + ("support",)
    for p, _duty in ctx.duties():
        yield p + ("unit",)
    yield ("document", "recipients")
    yield ("decision", "executors")


def check(ctx):
    def resolved(name: str):
        return ctx.resolve(name) if ctx.units is not None else None

    for path in _unit_lists(ctx):
        got = flow_items(ctx.node(path))
        if got is None:
            continue
        items, plain = got
        for split in find_splits(items, lambda name: resolved(name) is not None, plain=plain):
            r = resolved(split.name)
            yield ctx.report(path + (split.first_fragment,), message(split, items, r.unit.name if r else None),
                             hint(split))
