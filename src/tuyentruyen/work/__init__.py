"""The plan at work (kế hoạch khi triển khai): each unit's tasks, their dates, their progress.

A plan is signed once and carried out all year by the units it names. This package turns
the signed plan (and its progress file, :mod:`tuyentruyen.model.progress`) into what the
units and the issuer work with; the commands `tt tasks`, `tt calendar`, `tt status` and
`tt render --report` only wire it to the command line:

- :mod:`when` — the time of a task as dates: "Quý II/2027" → 01/04–30/06/2027, the
  occurrences of "Định kỳ hằng quý", the date by which it is due;
- :mod:`items` — the work items of a plan: the tasks of the appendix and the duties of
  "Tổ chức thực hiện" (each item of a duty its own), with their key, number and units;
- :mod:`assign` — who does what: the units of an item resolved through the registry,
  groups ("Các sở, ban, ngành") standing for each of their members; a unit's task list;
- :mod:`status` — progress as of a date: done, late, due soon, per unit and overall;
- :mod:`events` — the calendar of a unit (deadlines, windows, recurrences) and its .ics;
- :mod:`load` — a plan with its registry, configuration and progress file, loaded once;
- :mod:`check` — the lint rules across a plan and its progress (rules/progress_*.py).

Nothing here prints or writes files; reporters live in :mod:`tuyentruyen.report.tasks`,
documents in :mod:`tuyentruyen.render.assignments` and :mod:`tuyentruyen.render.report`.
"""
