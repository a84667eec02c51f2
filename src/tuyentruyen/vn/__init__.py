"""Pure Vietnamese helpers (tiếng Việt và hành chính): no file system, no CLI, table-tested.

- :mod:`text` — NFC, spacing, the one diacritic fold, "did you mean";
- :mod:`dates` — reading and writing Vietnamese dates, the one "impossible date" wording;
- :mod:`numerals` — Roman numerals and the Vietnamese item letters a), b)… đ)…;
- :mod:`calendar` — days off: public holidays (the `holidays` library), Tết, swap days;
- :mod:`units` — resolving unit names against a registry (tone placement, "và"/"&", abbreviations);
- :mod:`admin` — the national administrative units (provinces, communes) before and after 1/7/2025;
- :mod:`timeexpr` — the time column ("Quý II/2027", "Thường xuyên") read into a normalized value;
- :mod:`citations` — document numbers and symbols, citations in running text;
- :mod:`textcheck` — text hygiene: NFC, legacy encodings, known typos, spaces.
"""
