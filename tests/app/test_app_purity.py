"""The use cases and the text catalogue import only inner layers, the standard library and the
named pure libraries: never Discord, aiohttp, SQLAlchemy, APScheduler, or the adapter packages
(bot.storage, bot.discord, bot.web, bot.delivery, bot.dispatch, bot.agendas, bot.config).
Storage is reached through the Protocols in bot/app/ports.py. The checker is the domain's
(tests/domain/test_domain_purity.py): relative imports, imports in functions and under
`if TYPE_CHECKING:` all count.
"""

from __future__ import annotations

from pathlib import Path

from tests.domain.test_domain_purity import PURE_LIBRARIES, imports_outside
from tests.helpers import ROOT

# bot.agendas (the library and its snapshot) is not here: the use cases see it through
# `AgendaSnapshot`/`AgendaSource` in ports.py, and none imports it.
APP_ALLOWED = ("bot.app", "bot.domain", "bot.texts")
TEXTS_ALLOWED = ("bot.texts", "bot.domain")
TEXTS_LIBRARIES = frozenset(("babel",))


def test_app_imports_only_the_domain_texts_itself_and_pure_libraries() -> None:
    assert imports_outside(ROOT / "bot" / "app", ROOT, APP_ALLOWED, PURE_LIBRARIES) == []


def test_texts_import_only_the_domain_itself_and_babel() -> None:
    assert imports_outside(ROOT / "bot" / "texts", ROOT, TEXTS_ALLOWED, TEXTS_LIBRARIES) == []


def test_app_purity_check_refuses_storage_and_adapter_libraries(tmp_path: Path) -> None:
    package = tmp_path / "bot" / "app"
    package.mkdir(parents=True)
    (package / "stars.py").write_text(
        "import asyncio\nfrom bot.domain.agenda import Schedule\nfrom bot.texts import text_for\n"
        "from ..storage.people import People\nfrom bot.agendas.library import Snapshot\n"
        "def later() -> None:\n    import sqlalchemy\n",
        encoding="utf-8",
    )
    assert imports_outside(package, tmp_path, APP_ALLOWED, PURE_LIBRARIES) == [
        "bot/app/stars.py:4: from ..storage.people import People (bot.storage.people.People)",
        "bot/app/stars.py:5: from bot.agendas.library import Snapshot (bot.agendas.library.Snapshot)",
        "bot/app/stars.py:7: import sqlalchemy (sqlalchemy)",
    ]
