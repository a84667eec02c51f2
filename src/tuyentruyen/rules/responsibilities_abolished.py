"""Cơ quan ban hành, nơi nhận hay đơn vị hành chính không còn (hoặc chưa có) vào thời điểm của kế hoạch.

## Quy tắc này làm gì

Đối chiếu với thời điểm của kế hoạch — ngày ký, hoặc cả năm kế hoạch khi bản dự thảo chưa có
ngày — hai điều:

- **Cơ quan ban hành, cơ quan chủ quản, Nơi nhận và Điều 3** (những người thi hành): đơn vị tra
  được trong sổ đơn vị (kể cả các đơn vị hành chính mà sổ lấy từ danh sách quốc gia, khi sổ ghi
  `extends: national`) mà đã hết hiệu lực trước thời điểm đó, hoặc chỉ thành lập sau đó, bị báo
  kèm đơn vị kế thừa. Đơn vị chủ trì, phối hợp và đơn vị có nhiệm vụ do TT-R007 kiểm tra.
- **Đơn vị hành chính được nhắc trong tên đơn vị** — ở mọi chỗ ghi tên đơn vị: chủ trì, phối hợp,
  nhiệm vụ, Nơi nhận, Điều 3, tên cơ quan ở phần đầu văn bản, dòng thẩm quyền: "huyện Bắc Mê",
  "tỉnh Hà Giang", "UBND các xã, thị trấn", "Phòng Nội vụ huyện", "Thường trực Huyện ủy". tt đối
  chiếu chúng với danh sách đơn vị hành chính quốc gia có sẵn: một huyện, quận, thị xã, thành phố
  thuộc tỉnh hay thị trấn (không còn từ ngày 01/7/2025), một tỉnh hay xã đã sáp nhập, bị báo kèm
  đơn vị kế thừa — tỉnh mới, hay các xã, phường nhận địa bàn của huyện. Việc này không cần sổ đơn
  vị: thêm "UBND huyện Bắc Mê" vào units.yaml không làm lỗi biến mất. Khi sổ đơn vị ghi
  `province`, đơn vị cùng tên được tìm trước trong tỉnh đó.

Kế hoạch năm 2024 nhắc các huyện, thị trấn là đúng: quy tắc chỉ báo điều sai vào thời điểm của
chính kế hoạch.

## Vì sao quan trọng

Từ ngày 01/7/2025 cả nước còn 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu; không còn cấp
huyện. Kế hoạch năm 2027 chép từ kế hoạch cũ mà còn gửi "UBND các huyện", giao việc cho "Phòng
Nội vụ huyện" hay ghi phần đầu "UBND HUYỆN XUÂN LỘC" là văn bản của một cơ quan không còn, gửi
cho những nơi không còn: việc sẽ không ai nhận.

## Ví dụ sai

```yaml
document:
  issuer:
    name: Ủy ban nhân dân tỉnh Tuyên Quang
    header: [ỦY BAN NHÂN DÂN, TỈNH TUYÊN QUANG]
    short: UBND tỉnh
  place: Tuyên Quang
  date: 12/01/2027
  title: Tuyên truyền cải cách hành chính năm 2027 trên địa bàn tỉnh Tuyên Quang
  recipients:
    - Bộ Nội vụ
    - Các sở, ban, ngành
    - UBND các huyện, thành phố
plan:
  year: 2027
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2027
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [UBND huyện Vị Xuyên]
      due: Quý II/2027
```

## Nên viết

```yaml
document:
  issuer:
    name: Ủy ban nhân dân tỉnh Tuyên Quang
    header: [ỦY BAN NHÂN DÂN, TỈNH TUYÊN QUANG]
    short: UBND tỉnh
  place: Tuyên Quang
  date: 12/01/2027
  title: Tuyên truyền cải cách hành chính năm 2027 trên địa bàn tỉnh Tuyên Quang
  recipients:
    - Bộ Nội vụ
    - Các sở, ban, ngành
    - UBND các xã, phường
plan:
  year: 2027
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2027
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2027
```

## Căn cứ

Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp
tỉnh; các Nghị quyết của Ủy ban Thường vụ Quốc hội (tháng 6/2025) về sắp xếp đơn vị hành chính
cấp xã của từng tỉnh; Luật Tổ chức chính quyền địa phương năm 2025 (chính quyền địa phương hai
cấp từ ngày 01/7/2025). Danh sách đơn vị, nguồn và giấy phép: `tuyentruyen/data/admin/NOTICE.md`.
"""

from __future__ import annotations

from tuyentruyen.rules.common import fmt_date, short
from tuyentruyen.vn.units import plan_window

CODE = "TT-R014"
TITLE = "Cơ quan, nơi nhận hay đơn vị hành chính không còn vào thời điểm của kế hoạch"
SEVERITY = "error"

ROLES = {
    "issuer": "Cơ quan ban hành", "short": "Tên viết tắt của cơ quan ban hành", "parent": "Cơ quan chủ quản",
    "header": "Tên cơ quan ở phần đầu văn bản", "issued_by": "Cơ quan ban hành ở dòng “Kèm theo”",
    "recipient": "Nơi nhận", "executor": "Điều 3", "authority": "Dòng thẩm quyền của Quyết định",
    "lead": "Đơn vị chủ trì", "support": "Đơn vị phối hợp", "duty": "Đơn vị", "item": "Đơn vị",
}
# the names whose units this rule judges against the registry (the tasks' units are TT-R007's)
_DOCUMENT_UNITS = frozenset({"issuer", "parent", "issued_by", "recipient", "executor"})
_REFS = frozenset({"lead", "support", "duty", "item"})
_LISTED = 12  # successors listed in a hint, then "…"


def check(ctx):
    first, last = plan_window(ctx.date, ctx.year)
    when = f"ngày ký kế hoạch ({fmt_date(ctx.date)})" if ctx.date else f"năm kế hoạch {ctx.year}"
    names = unit_sites(ctx)
    done: set[tuple] = set()
    if ctx.units is not None:
        executors = tuple(ctx.plan.decision.executors) if ctx.plan.decision is not None else ()
        for path, text, role in names:
            if role not in _DOCUMENT_UNITS:
                continue
            late = [r for r in ctx.units.parties(text, executors if role == "recipient" else ())
                    if not ctx.units.exists(r.unit)]
            if late:
                done.add(path)
                yield _report_units(ctx, path, text, role, late, when)

    from tuyentruyen.vn import admin

    if not admin.ceased_levels(first):
        return  # nothing the national list records had ended by then (read from its meta alone)
    within = _family(ctx)
    for path, text, role in names:
        if path in done:
            continue
        if role in _REFS and ctx.units is not None:
            r = ctx.resolve(text)
            if r is not None and (not ctx.units.exists(r.unit) or ctx.units.is_national(r.unit)):
                continue  # TT-R007 reports a unit that ended; a unit of the national list that exists is right
        issues = [g for m in admin.mentions(text) if (g := admin.gone(m, first, last, within=within)) is not None]
        if issues:
            yield _report_mentions(ctx, path, text, role, issues, when)


def unit_sites(ctx) -> list[tuple[tuple, str, str]]:
    """(path, text, role) of every place the plan writes a unit's name (also `tt new --from`)."""
    doc, decision = ctx.plan.document, ctx.plan.decision
    out: list[tuple[tuple, str, str]] = [(("document", "issuer", "name"), doc.issuer.name, "issuer")]
    out += [(("document", "issuer", key), value, key) for key, value in
            (("short", doc.issuer.short), ("parent", doc.issuer.parent)) if value]
    out += [(("document", "issuer", "header", i), line, "header") for i, line in enumerate(doc.issuer.header or ())]
    if doc.issued_by:
        out.append((("document", "issued_by"), doc.issued_by, "issued_by"))
    out += [(("document", "recipients", i), line, "recipient") for i, line in enumerate(doc.recipients)
            if not _is_article(line)]
    if decision is not None:
        if decision.authority:
            out.append((("decision", "authority"), decision.authority, "authority"))
        out += [(("decision", "executors", i), line, "executor") for i, line in enumerate(decision.executors)]
    out += [(ref.path, ref.written, ref.role) for ref in ctx.unit_refs()]
    return out


def _is_article(line: str) -> bool:
    """"Như Điều 3": the executors, judged at their own lines."""
    return line.strip().casefold().startswith("như điều")


def _family(ctx):
    """The administrative units of the registry's province (`extends: national`), looked among first."""
    layer = getattr(ctx.units, "national", None) if ctx.units is not None else None
    if layer is None or layer.province is None:
        return None
    return layer.all_admin


def _label(idx, unit) -> str:
    return unit.short[0] if idx.is_national(unit) and unit.short else unit.name


def _report_units(ctx, path, text, role, late, when):
    idx = ctx.units
    what, hints = [], []
    for u in {r.unit.id: r.unit for r in late}.values():
        if u.valid_until is not None and u.valid_until < plan_window(ctx.date, ctx.year)[0]:
            what.append(f"{u.name} chỉ tồn tại đến ngày {fmt_date(u.valid_until)}, trước {when}")
            heirs = idx.heirs(u)
            named = _named_heirs(ctx, text)
            if heirs:
                hints.append(f"thay “{_label(idx, u)}” bằng " + _listing([_label(idx, h) for h in heirs]))
            elif named:
                hints.append(named)
            elif idx.is_national(u):
                hints.append(f"thay “{_label(idx, u)}” bằng đơn vị đang tồn tại")
            else:
                hints.append(f"thay “{u.name}” bằng đơn vị đang tồn tại, hoặc sửa `valid_until` trong sổ đơn vị "
                             "nếu ghi nhầm")
        else:
            what.append(f"{u.name} chỉ được thành lập từ ngày {fmt_date(u.valid_from)}, sau {when}")
            hints.append(f"ghi đơn vị tồn tại vào {when}, hoặc sửa `valid_from` của “{u.name}” trong sổ đơn vị "
                         "nếu ghi nhầm")
    message = f"{ROLES[role]} “{short(text, 80)}”: " + "; ".join(what) + "."
    at = text.find(late[0].written.strip()) if late[0].written.strip() else -1
    if at < 0:
        return ctx.report(path, message, _sentence("; ".join(hints)))
    return ctx.report(path, message, _sentence("; ".join(hints)), start=at, end=at + len(late[0].written.strip()))


def _named_heirs(ctx, text: str) -> str | None:
    """What the national list says took over the administrative units a name mentions, if anything."""
    from tuyentruyen.vn import admin

    first, last = plan_window(ctx.date, ctx.year)
    if not admin.ceased_levels(first):
        return None
    for m in admin.mentions(text):
        g = admin.gone(m, first, last, within=_family(ctx))
        if g is not None and (g.successors or g.kind == "level"):
            return _describe(text, g, "")[1]
    return None


def _report_mentions(ctx, path, text, role, issues, when):
    what, hints = [], []
    for g in issues:
        w, h = _describe(text, g, when)
        what.append(w)
        hints.append(h)
    message = f"{ROLES[role]} “{short(text, 80)}”: " + "; ".join(what) + "."
    first = issues[0].mention
    return ctx.report(path, message, _sentence("; ".join(hints)), start=first.start, end=first.end)


def _describe(text: str, g, when: str) -> tuple[str, str]:
    """What is wrong with one mention, and how to put it right."""
    from tuyentruyen.vn import admin

    m = g.mention
    if g.kind == "level":
        words = _level_words(m.levels)
        what = f"từ ngày {fmt_date(g.since)} không còn đơn vị hành chính {words}, trước {when}"
        return what, _level_hint(m, g.since)
    if g.kind == "not_yet":
        return (f"{m.text} chỉ có từ ngày {fmt_date(g.since)}, sau {when}",
                f"ghi đơn vị hành chính tồn tại vào {when}")
    nat = admin.national()
    where = ""
    if len(g.units) == 1:
        u = g.units[0]
        parts = [x.full_name for x in (nat.district_of(u), nat.province_of(u)) if x is not None]
        where = f" ({', '.join(parts)})" if parts else ""
    elif len({u.province_code for u in g.units}) > 1:
        where = f" (có {len(g.units)} đơn vị cùng tên)"
    what = f"{m.text}{where} không còn từ ngày {fmt_date(g.since)}, trước {when}"
    heirs = g.successors
    if len(heirs) == 1:
        fixed = text[:m.start] + m.spelled_like(heirs[0]) + text[m.end:]
        return what, f"{m.text} nay là {heirs[0].full_name}: sửa thành “{fixed}”"
    if heirs:
        return what, (f"địa bàn {m.text} nay thuộc {_listing([h.full_name for h in heirs])}: ghi đơn vị "
                      f"(hoặc UBND) của nơi đó thay cho {m.text}")
    return what, ("ghi đơn vị đang tồn tại; để tt chỉ ra đơn vị kế thừa, ghi tỉnh của sổ đơn vị "
                  "(`extends: national` và `province: …` trong units.yaml)")


def _level_words(levels) -> str:
    from tuyentruyen.vn.admin import LEVELS

    return ", ".join(LEVELS[lv][1] for lv in LEVELS if lv in levels)


def _level_hint(mention, since) -> str:
    """What took the place of a level that ceased: the other levels of its tier, else the tiers left."""
    from tuyentruyen.vn.admin import LEVELS, level_spans

    spans = level_spans()
    alive = [lv for lv, (start, end) in spans.items() if end is None and (start is None or start <= since)]
    tiers = {LEVELS[lv][2] for lv in mention.levels if lv in LEVELS}
    same_tier = [LEVELS[lv][0] for lv in LEVELS if lv in alive and LEVELS[lv][2] in tiers]
    if same_tier:
        return (f"bỏ “{mention.word}” khỏi tên (từ ngày {fmt_date(since)} chỉ còn "
                f"{', '.join(dict.fromkeys(same_tier))}), hoặc ghi tên đơn vị mới")
    # the first level of each tier names it: cấp tỉnh, cấp huyện, cấp xã
    tier_word = {}
    for lv, (word, _, tier) in LEVELS.items():
        tier_word.setdefault(tier, word)
    left = [f"cấp {tier_word[t]}" for t in dict.fromkeys(LEVELS[lv][2] for lv in LEVELS if lv in alive)]
    gone_tier = " và ".join(f"cấp {tier_word[t]}" for t in tiers)
    return (f"từ ngày {fmt_date(since)} không còn {gone_tier}: giao việc cho cơ quan, đơn vị "
            f"{' hoặc '.join(left)} tương ứng")


def _listing(items: list[str]) -> str:
    if len(items) > _LISTED:
        return ", ".join(items[:_LISTED]) + f"… ({len(items)} đơn vị)"
    return ", ".join(items)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
