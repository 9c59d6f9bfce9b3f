"""The web agenda's parts on their own: the language choice, the calendar links, safe
addresses, the words in both languages, the files the package ships, and pages that come out
the same whatever zone the machine is in."""

from __future__ import annotations

import fnmatch
import time
import tomllib
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient

from bot.domain.agenda import Session
from bot.texts.web import WEB_TEXTS
from bot.web.pages.calendar_links import (
    google_dates,
    google_event,
    google_subscribe,
    outlook_subscribe,
)
from bot.web.pages.language import choose, from_accept_language
from bot.web.pages.views import safe_url
from tests.helpers import ROOT
from tests.web.page_agendas import site

Client = Callable[..., Awaitable[TestClient]]
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("zh-Hans-CN", "zh"),
        ("ZH_tw", "zh"),
        ("*", "en"),
        ("fr, *;q=0.1, zh;q=0.5", "zh"),
        ("zh;q=abc, en;q=0.1", "en"),  # an unreadable q is "not this one"
        ("zh;q=2, en", "en"),  # q above 1 is not a weight
        (",,,;;;q=,", "en"),
        ("de, " * 40 + "zh", "en"),  # past the 32nd range nothing is read
    ],
)
def test_accept_language(header: str | None, language: str) -> None:
    assert from_accept_language(header) == language


def test_the_switch_beats_the_cookie_which_beats_the_browser() -> None:
    assert choose("zh", "en", "en") == "zh"
    assert choose(None, "zh", "en") == "zh"
    assert choose("klingon", "bogus", "zh-CN") == "zh"
    assert choose(None, None, None) == "en"


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=c", True),
        ("http://example.org", True),
        ("mailto:someone@example.org", True),
        ("  https://example.org  ", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("/slides/talk.pdf", False),
        ("//evil.example/x", False),
        ("https://exa mple.org", False),
        ("", False),
        (None, False),
    ],
)
def test_only_absolute_web_and_mail_addresses_become_links(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) is kept


def _session(start: datetime, end: datetime | None, all_day: bool = False) -> Session:
    return Session("s", "A talk", start, end, all_day=all_day)


def test_google_dates_are_exact_utc_instants() -> None:
    talk = _session(
        datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)
    )
    # Berlin moves its clocks at 02:00 that night: one hour of wall time is lost.
    assert google_dates(talk) == "20260329T003000Z/20260329T013000Z"


def test_google_dates_for_a_session_without_an_end_are_an_instant() -> None:
    talk = _session(datetime(2026, 1, 5, 18, tzinfo=ZoneInfo("America/New_York")), None)
    assert google_dates(talk) == "20260105T230000Z/20260105T230000Z"


def test_google_dates_for_all_day_sessions_exclude_the_end_day() -> None:
    one_day = _session(
        datetime(2026, 3, 14, tzinfo=BERLIN), datetime(2026, 3, 15, tzinfo=BERLIN), True
    )
    assert google_dates(one_day) == "20260314/20260315"


def test_calendar_links_encode_every_value() -> None:
    talk = _session(datetime(2026, 1, 5, 18, tzinfo=UTC), datetime(2026, 1, 5, 19, tzinfo=UTC))
    assert google_event(talk, "Q&A #1", "a=b&c", "Hall 1, 2/F") == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Q%26A%20%231"
        "&dates=20260105T180000Z/20260105T190000Z&details=a%3Db%26c"
        "&location=Hall%201%2C%202/F"
    )
    assert google_subscribe("webcal://h/calendars/a.ics") == (
        "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fh%2Fcalendars%2Fa.ics"
    )
    assert outlook_subscribe("https://h/calendars/a.ics", "Meetup & more") == (
        "https://outlook.live.com/calendar/0/addfromweb"
        "?url=https%3A%2F%2Fh%2Fcalendars%2Fa.ics&name=Meetup%20%26%20more"
    )


def test_the_web_words_exist_in_both_languages() -> None:
    assert WEB_TEXTS["en"].keys() == WEB_TEXTS["zh"].keys()
    for lang, words in WEB_TEXTS.items():
        assert all(text.strip() for text in words.values()), lang
    placeholders = {k: v.count("{") for k, v in WEB_TEXTS["en"].items()}
    assert placeholders == {k: v.count("{") for k, v in WEB_TEXTS["zh"].items()}


def test_every_template_and_static_file_is_installed_with_the_package() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = settings["tool"]["setuptools"]["package-data"]["bot.web.pages"]
    package = ROOT / "bot" / "web" / "pages"
    shipped = [
        path.relative_to(package).as_posix()
        for folder in ("templates", "static")
        for path in (package / folder).iterdir()
    ]
    assert len(shipped) >= 8
    assert [f for f in shipped if not any(fnmatch.fnmatch(f, p) for p in patterns)] == []
    assert "jinja2" in " ".join(settings["project"]["dependencies"]).lower()


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


SIGN_IN = datetime(2021, 7, 10, 5, 30, tzinfo=UTC).timestamp()
PATHS = ("/", "/s/istio-meetup", "/s/istio-meetup/late", "/s/festival", "/speakers/huabing-zhao")


async def test_pages_are_the_same_bytes_whatever_zone_the_machine_is_in(
    tmp_path: Path, aiohttp_client: Client, machine_zone: Callable[[str], None]
) -> None:
    seen: dict[str, list[bytes]] = {}
    for zone in ("Pacific/Kiritimati", "America/Los_Angeles", "UTC"):
        machine_zone(zone)
        hours = {"Pacific/Kiritimati": 19, "America/Los_Angeles": 22, "UTC": 5}
        assert time.localtime(SIGN_IN).tm_hour == hours[zone]  # the machine's zone is in force
        web = await site(
            tmp_path / zone.replace("/", "-"), aiohttp_client, "https://cal.example.org"
        )
        for path in PATHS:
            response = await web.client.get(path)
            assert response.status == 200
            seen.setdefault(path, []).append(await response.read())
    for path, bodies in seen.items():
        assert bodies[0] == bodies[1] == bodies[2], path
    assert b">13:30</time>" in seen["/s/istio-meetup"][0]
