"""A small but complete plan, shaped like the real ones, for the validate tests to break."""

GOOD = """\
# yaml-language-server: $schema=../docs/schema/plan.schema.json
tt: 1
document:
  type: quyet-dinh
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
    header: [ỦY BAN NHÂN DÂN, TỈNH HÀ GIANG]
  number: 233
  symbol: QĐ-UBND
  place: Hà Giang
  date: 19/12/2022
  title: Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023
  bases:
    - Luật Tổ chức chính quyền địa phương ngày 19/6/2015
    - type: Nghị quyết
      number: 76/NQ-CP
      date: 15/7/2021
      issuer: Chính phủ
      subject: ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030
  signer:
    position: CHỦ TỊCH
    name: Nguyễn Văn Sơn
  recipients:
    - Như Điều 3
    - Bộ Nội vụ
  archive: VT, PVHCC, ĐM
  copies: 50
decision:
  authority: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
  proposal: Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 năm 2022
  executors:
    - Chánh Văn phòng Ủy ban nhân dân tỉnh
    - Giám đốc Sở Nội vụ
plan:
  title: Tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang
  year: 2023
  sections:
    - heading: Mục đích, yêu cầu
      sections:
        - heading: Mục đích
          kind: purpose
          marker: letter
          items:
            - Thông tin, tuyên truyền kịp thời các chủ trương, đường lối của Đảng.
            - text: Nâng cao sự hài lòng của người dân, doanh nghiệp.
              bullets:
                - Phát huy vai trò giám sát.
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM TUYÊN TRUYỀN CCHC NĂM 2023
  tasks:
    - id: ky-luat-ky-cuong
      content: Đẩy mạnh tuyên truyền kỷ luật, kỷ cương hành chính
      forms: Viết tin, bài đăng trên báo
      lead: Sở Nội vụ
      support: [Báo Hà Giang]
      due: Thường xuyên
    - id: cap-kinh-phi
      content: Cấp kinh phí chi tổ chức tuyên truyền CCHC
      lead: Sở Tài chính
      support: Sở Nội vụ
      due: Quý I/2023
"""
