"""The install documents say what tt does (issue 19): the README's first commands, the pins, the samples."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import ROOT, run_tt
from tuyentruyen import __version__
from tuyentruyen.about import PROJECT_URL

DOCS = ["README.md", "docs/install.md", "docs/ci.md", ".pre-commit-hooks.yaml", "action.yml"]


def text(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def test_the_readme_starts_with_its_two_commands():
    first = text("README.md").split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split("#")[0].strip() for line in first] == ["make demo", "make test"]
    committed = subprocess.run(["git", "show", "HEAD:README.md"], cwd=ROOT, capture_output=True, text=True)
    if committed.returncode == 0:  # the two lines exactly as they were
        assert committed.stdout.split("```sh\n", 1)[1].split("```", 1)[0].splitlines() == first
    readme = text("README.md")
    assert readme.index("make test") < readme.index(".venv/bin/tt") < readme.index("pipx install")


@pytest.mark.parametrize("rel", DOCS)
def test_every_pin_is_this_version_at_the_project_url(rel):
    doc = text(rel)
    assert "OWNER" not in doc and "<owner>" not in doc
    for spec in re.findall(r"git\+(https://[^\s\"'`@]+)@v([\d.]+)", doc):
        assert spec == (PROJECT_URL, __version__) or "cơ-quan" in spec[0], spec  # or an organisation's example
    owner_name = PROJECT_URL.removeprefix("https://github.com/")
    for name, version in re.findall(r"uses: ([\w.-]+/tt)@v([\d.]+)", doc):
        assert (name, version) == (owner_name, __version__), (name, version)


def test_the_version_sample_is_what_tt_prints():
    sample = text("docs/install.md").split("$ tt --version\n", 1)[1].split("```", 1)[0]
    assert sample == run_tt("--version").out


def test_the_local_hooks_shown_are_the_ones_init_writes():
    from tuyentruyen.edit.init import _render

    written = _render("pre-commit-config.yaml.j2", version=__version__)
    shown = text("docs/ci.md").split("`tt` đã cài trên máy nên **không cần mạng**:\n\n   ```yaml\n", 1)[1]
    shown = "\n".join(line[3:] for line in shown.split("   ```", 1)[0].splitlines())
    assert shown.strip() == written.strip()


@pytest.mark.parametrize("rel", ["docs/install.md", "README.md"])
def test_the_install_docs_name_files_that_exist(rel):
    doc = text(rel)
    for link in re.findall(r"\]\(([^)#:]+)\)", doc):
        assert (ROOT / rel).parent.joinpath(link).resolve().exists(), f"{rel}: {link}"
