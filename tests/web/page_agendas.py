"""Agendas and a speaker built directly for the web pages' tests: an afternoon meetup in
Asia/Shanghai (titles in English and Chinese, a speaker with a profile), an all-day event, an
agenda whose text tries to be markup, and one imported in a Discord server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from aiohttp.test_utils import TestClient

from bot.agendas.library import AgendaLibrary
from bot.agendas.snapshot import PUBLIC, Snapshot, Visibility
from bot.domain.agenda import Link, Schedule, Session, SessionKind, SourceRef, Speaker
from bot.domain.feed_tokens import MemoryFeedTokens
from bot.domain.readers.context import ReadOptions
from bot.domain.speakers.profile import Profile, Talk
from bot.web.app import make_app
from bot.web.feed_cache import FeedCache

SHANGHAI = ZoneInfo("Asia/Shanghai")
GUILD = 123456789012345678
PRIVATE_TITLE = "Members-only planning"


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2021, 7, day, hour, minute, tzinfo=SHANGHAI)


PROFILE = Profile(
    id="huabing-zhao",
    name="Huabing Zhao",
    names=("Huabing Zhao", "赵化冰"),
    source=SourceRef("speakers/huabing-zhao.md"),
    language="en",
    affiliation="Tetrate",
    affiliations=(("zh", "Tetrate 公司"),),
    bios=(("en", "Engineer at Tetrate.\n\nCreator of Aeraki Mesh."), ("zh", "Tetrate 工程师。")),
    links=(
        Link("mailto:zhaohuabing@example.org", "Email"),
        Link("https://www.linkedin.com/in/zhaohuabing", "LinkedIn"),
        Link("javascript:alert(1)", "Evil"),
    ),
    talks=(
        Talk(
            "Gateway API and Beyond",
            year=2024,
            city="Hong Kong",
            event="KubeCon China",
            event_url="https://kccncossaidevchn2024.sched.com/",
            url="https://www.zhaohuabing.com/post/2024-08-31-gateway-api/",
            slides="https://example.org/slides.pdf",
            video="https://www.youtube.com/watch?v=qH2byF7SDO8",
            titles=(("zh", "Gateway API 及其扩展"),),
            cities=(("zh", "香港"),),
            events=(("zh", "KubeCon 中国"),),
        ),
        Talk(
            "Service Mesh Practice",
            year=2019,
            city="Xi'an",
            event="ONAP Workshop",
            slides="/slides/relative.pdf",
        ),
    ),
    names_by_language=(("en", "Huabing Zhao"), ("zh", "赵化冰")),
)

MEETUP = Schedule(
    id="istio-meetup",
    title="Istio Meetup China",
    titles=(("zh", "Istio 中国见面会"),),
    language="en",
    timezone=SHANGHAI,
    source=SourceRef("istio-meetup.md"),
    venue="Research Building, Beijing",
    url="https://istio.io/latest/news/",
    sessions=(
        Session(
            "sign-in",
            "Sign in",
            _at(10, 13, 30),
            _at(10, 13, 50),
            kind=SessionKind.REGISTRATION,
            titles=(("zh", "签到"),),
        ),
        Session(
            "aeraki",
            "Full-stack service mesh with Aeraki",
            _at(10, 16, 15),
            _at(10, 16, 45),
            speakers=(
                Speaker("Huabing Zhao", "Tencent Cloud", profile="huabing-zhao"),
                Speaker("Guest Speaker"),
            ),
            location="Hall 2",
            description="Layer-7 traffic, any protocol.",
            links=(Link("https://aeraki.net", "Aeraki"),),
            titles=(("zh", "全栈服务网格"),),
        ),
        # Starts before midnight in Shanghai, so on the day before in UTC.
        Session("late", "Late talk", _at(10, 23, 30), _at(11, 0, 30)),
        Session("early", "Early bird", _at(11, 6, 0), _at(11, 7, 0)),
    ),
)

FESTIVAL = Schedule(
    id="festival",
    title="Open Source Festival",
    timezone=ZoneInfo("Europe/Berlin"),
    source=SourceRef("festival.md"),
    sessions=(
        Session(
            "festival",
            "Festival days",
            datetime(2026, 3, 14, tzinfo=ZoneInfo("Europe/Berlin")),
            datetime(2026, 3, 16, tzinfo=ZoneInfo("Europe/Berlin")),
            all_day=True,
            kind=SessionKind.EVENT,
        ),
    ),
)

HOSTILE = Schedule(
    id="hostile",
    title="<script>alert('agenda')</script>",
    description='"><img src=x onerror=alert(2)>',
    timezone=UTC,
    source=SourceRef("hostile.md"),
    url="javascript:alert(3)",
    sessions=(
        Session(
            "x",
            "<script>alert('session')</script>",
            datetime(2026, 5, 1, 9, tzinfo=UTC),
            datetime(2026, 5, 1, 10, tzinfo=UTC),
            speakers=(Speaker("<b>Bold</b>", "</p><script>alert(4)</script>"),),
            location="<iframe src=//evil>",
            links=(Link("javascript:alert(5)", "click me"),),
        ),
    ),
)

PRIVATE = Schedule(
    id="planning",
    title=PRIVATE_TITLE,
    timezone=UTC,
    source=SourceRef("guilds/123456789012345678/planning.md"),
    sessions=(
        Session(
            "kickoff",
            "Kickoff",
            datetime(2026, 5, 1, 9, tzinfo=UTC),
            datetime(2026, 5, 1, 10, tzinfo=UTC),
            speakers=(Speaker("Huabing Zhao", profile="huabing-zhao"),),
        ),
    ),
)


def snapshot(version: int = 1, **changed: Schedule) -> Snapshot:
    """The test agendas (any replaced by id through `changed`), with the profile."""
    schedules = {s.id: s for s in (MEETUP, FESTIVAL, HOSTILE, PRIVATE)}
    schedules.update(changed)
    visibility = dict.fromkeys(schedules, PUBLIC)
    visibility[PRIVATE.id] = Visibility(guild_id=GUILD)
    return Snapshot(
        version,
        MappingProxyType(dict(sorted(schedules.items()))),
        MappingProxyType({}),
        visibility=MappingProxyType(visibility),
        speakers=MappingProxyType({PROFILE.id: PROFILE}),
    )


@dataclass
class Site:
    client: TestClient
    feeds: FeedCache

    def serve(self, served: Snapshot) -> None:
        """Serve `served` from now on, as a reload of the agendas would."""
        self.feeds.rebuild(served)


async def site(
    tmp_path: Path,
    aiohttp_client: Callable[..., Awaitable[TestClient]],
    base_url: str = "",
) -> Site:
    library = AgendaLibrary(tmp_path, ReadOptions())  # not read: the snapshot is built here
    feeds = FeedCache()
    feeds.rebuild(snapshot())
    client = await aiohttp_client(make_app(library, feeds, MemoryFeedTokens(), base_url))
    return Site(client, feeds)


def retitled(schedule: Schedule, title: str) -> Schedule:
    return replace(schedule, title=title, titles=())
