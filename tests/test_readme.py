"""The README's two commands are the ones CI and newcomers run."""

from __future__ import annotations

import re

from tests.helpers import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_exactly_two_commands() -> None:
    install_run, install_test = _commands()
    assert "pip install -e ." in install_run and "agenda-bot" in install_run
    assert "pip install -e '.[test]'" in install_test and "pytest" in install_test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()
