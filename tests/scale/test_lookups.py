"""The check cache asks the file system folder by folder (tuyentruyen.project.cache.Lookups): its
answers must be those of the one config lookup and the one registry lookup every command uses
(project.config.find_config / config_for, project.discover.find_registry), on every layout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tuyentruyen.project.cache import Lookups
from tuyentruyen.project.config import ConfigError, config_for, find_config
from tuyentruyen.project.discover import find_registry

UNITS = "tt: 1\nunits:\n  - id: a\n    name: A\n    kind: so\n"


@pytest.fixture
def layout(tmp_path: Path) -> list[Path]:
    """Plans in every situation a lookup can meet; returns them."""
    root = tmp_path / "kho"
    (root / "plans" / "a" / "b").mkdir(parents=True)
    (root / "tt.toml").write_text("[lint]\n", encoding="utf-8")
    (root / "plans" / "a" / "tt.toml").write_text('units = "../../don-vi.yaml"\n', encoding="utf-8")
    (root / "don-vi.yaml").write_text(UNITS, encoding="utf-8")
    (root / "plans" / "units.yaml").write_text(UNITS, encoding="utf-8")
    (root / "plans" / "c").mkdir()
    (root / "plans" / "c" / "units.yml").write_text(UNITS, encoding="utf-8")  # only the .yml spelling
    (root / "plans" / "d").mkdir()
    (root / "plans" / "d" / "units.yaml").write_text(UNITS, encoding="utf-8")
    (root / "plans" / "d" / "units.yml").write_text(UNITS, encoding="utf-8")
    (root / "plans" / "e").mkdir()
    (root / "plans" / "e" / "tt.toml").mkdir()  # a folder named tt.toml: not a configuration
    (root / "plans" / "f").mkdir()
    (root / "plans" / "f" / "tt.toml").write_text("[lint\n", encoding="utf-8")  # cannot be used
    plans = [root / "plans" / "2027.yaml", root / "plans" / "a" / "2027.yaml", root / "plans" / "a" / "b" / "2027.yaml",
             root / "plans" / "c" / "2027.yaml", root / "plans" / "d" / "2027.yaml", root / "plans" / "e" / "2027.yaml",
             root / "plans" / "f" / "2027.yaml"]
    if hasattr(os, "mkfifo"):
        (root / "plans" / "g").mkdir()
        os.mkfifo(root / "plans" / "g" / "tt.toml")  # a FIFO named tt.toml
        plans.append(root / "plans" / "g" / "2027.yaml")
    (tmp_path / "khac").mkdir()
    (tmp_path / "khac" / "units.yaml").write_text(UNITS, encoding="utf-8")
    (tmp_path / "khac" / "tt.toml").write_text("[lint]\n", encoding="utf-8")
    (root / "plans" / "lien-ket").symlink_to(tmp_path / "khac", target_is_directory=True)  # a linked folder
    plans.append(root / "plans" / "lien-ket" / "2027.yaml")
    for p in plans:
        p.write_text("tt: 1\n", encoding="utf-8")
    (root / "plans" / "tro.yaml").symlink_to(tmp_path / "khac" / "that.yaml")  # a plan that is a link
    (tmp_path / "khac" / "that.yaml").write_text("tt: 1\n", encoding="utf-8")
    plans.append(root / "plans" / "tro.yaml")
    return plans


def test_the_folder_by_folder_answers_are_the_lookups_every_command_makes(layout, monkeypatch):
    monkeypatch.chdir(layout[0].parent)
    lookups = Lookups()
    for plan in layout:
        for given in (plan, Path(os.path.relpath(plan))):
            found = find_config(given)
            assert lookups.config_file(given) == (str(found) if found is not None else None), plan
            try:
                expected = config_for(given)
            except ConfigError:
                expected = None
            assert lookups.config(given) == expected, plan
            if expected is None:
                continue
            for units in (None, "", "../don-vi.yaml"):
                beside = lookups.registry_beside(given, units, expected)
                registry, _ = find_registry(given, units, expected)
                if beside is not None:  # when it answers, it is find_registry's answer
                    assert beside == str(registry), plan
                else:  # and it declines only when find_registry does not answer with the file beside
                    assert registry is None or registry != Path(lookups.real_folder(os.path.dirname(
                        os.path.abspath(given)))) / "units.yaml" or os.path.islink(given), plan
