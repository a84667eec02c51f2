"""Rendering (xuất văn bản): a validated plan → the official .docx (and PDF).

The pipeline reads the same model as every other command::

    Plan (model) ──► docx.DocxBuilder ──► .docx ──► pdf.convert (LibreOffice) ──► .pdf
                        ▲        ▲
          layout.Layout │        │ wording.Wording (templates/*.j2, sandboxed Jinja2)

- :mod:`layout` — the figures of Nghị định 30/2020/NĐ-CP as data (sizes, margins, ranges);
- :mod:`wording` — the fixed wording, overridable per repository;
- :mod:`text` — numbers, dates, numerals, punctuation (pure functions);
- :mod:`metrics` — Times New Roman widths, to fit table columns and rules;
- :mod:`ooxml` — the XML pieces; :mod:`package` — the .docx package (styles, settings, headers);
  :mod:`docx` — the document; :mod:`pdf` — LibreOffice;
- :mod:`tuyentruyen.vn.linebreak` — where a title may break (between Vietnamese words).

The repository's settings (``[render]`` and ``[render.layout]`` of tt.toml, the templates
folder) come from :mod:`tuyentruyen.project.config`, the one reader of tt.toml.

Jinja2 is imported only here, so only the commands that render pay for it; the package is
written without python-docx (the tests read it back with python-docx).
"""

from __future__ import annotations

from tuyentruyen.render.docx import DocxBuilder, build_document, render_bytes, render_docx

__all__ = ["DocxBuilder", "build_document", "render_bytes", "render_docx"]
