"""The domain imports no adapter library: no Discord, HTTP, scheduler or database."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

FORBIDDEN = ("discord", "aiohttp", "apscheduler", "sqlalchemy", "alembic", "watchfiles", "bot.cli")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_domain_imports_no_adapter_library() -> None:
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "bot" / "domain").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN or name.startswith(FORBIDDEN)
    }
    assert offenders == set()


def test_domain_purity_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import discord\nfrom aiohttp import web\n", encoding="utf-8")
    assert _imports(bad) == ["discord", "aiohttp"]
