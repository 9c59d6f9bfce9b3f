"""/speaker (profiles, autocomplete in any script, sessions in the member's zone), speakers on
/session, and titles in the member's language: through real discord.py against the fake."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.agendas.snapshot import PUBLIC, Snapshot, Visibility
from bot.domain.agenda import Schedule, Session, SourceRef, Speaker
from bot.domain.speakers.profile import Profile, Talk
from tests.discord.conftest import Harness
from tests.domain.ics.speaker_world import HUABING, PROFILES, meetup
from tests.fakes.discord_http import GUILD_ID, Received
from tests.fakes.interactions import slash

EPHEMERAL = 64
BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Agendas:
    """A fixed snapshot in place of the library: profiles and bilingual agendas built here."""

    snapshot: Snapshot


def _guild_agenda(schedule_id: str, title: str, start: datetime) -> Schedule:
    talk = Session(
        id="mesh-office-hours",
        title="Mesh office hours",
        start=start,
        end=start.replace(hour=start.hour + 1),
        speakers=(Speaker("赵化冰", None, "huabing-zhao"),),
    )
    return Schedule(schedule_id, title, start.tzinfo, (talk,), SourceRef(f"{schedule_id}.md"))  # type: ignore[arg-type]


def _install(harness: Harness, profiles: dict[str, Profile], *extra: Schedule) -> None:
    live = harness.library.snapshot
    ours = _guild_agenda("our-meetup", "Our meetup", datetime(2021, 8, 1, 10, 0, tzinfo=BERLIN))
    theirs = _guild_agenda("their-meetup", "Their meetup", datetime(2021, 8, 2, 10, tzinfo=BERLIN))
    schedules = {s.id: s for s in (meetup(), ours, theirs, *extra)}
    visibility = {
        **{s.id: PUBLIC for s in (meetup(), *extra)},
        ours.id: Visibility(guild_id=int(GUILD_ID)),
        theirs.id: Visibility(guild_id=int(GUILD_ID) + 1),  # another server's: never shown here
    }
    snapshot = replace(
        live,
        schedules={**live.schedules, **schedules},
        visibility={**live.visibility, **visibility},
        speakers=profiles,
    )
    harness.bot.services.agendas.source = Agendas(snapshot)


@pytest.fixture
def speakers(harness: Harness) -> Harness:
    _install(harness, PROFILES)
    return harness


@pytest.fixture
def foreign_machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's own zone is neither the agenda's nor the member's."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _embed(replies: list[Received]) -> dict[str, Any]:
    [reply] = replies
    assert reply.data["type"] == 4 and reply.data["data"]["flags"] & EPHEMERAL
    [embed] = reply.data["data"]["embeds"]
    return dict(embed)


def _fields(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


def _content(replies: list[Received]) -> str:
    [reply] = replies
    assert reply.data["type"] == 4 and reply.data["data"]["flags"] & EPHEMERAL
    return str(reply.data["data"]["content"])


def _choices(replies: list[Received]) -> list[dict[str, Any]]:
    [reply] = replies
    assert reply.data["type"] == 8  # APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    return list(reply.data["data"]["choices"])


# ---- autocomplete ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "locale", "expected"),
    [
        ("hua", "en-US", [("Huabing Zhao (赵化冰) · Tetrate", "huabing-zhao")]),
        ("赵", "en-US", [("Huabing Zhao (赵化冰) · Tetrate", "huabing-zhao")]),
        ("song", "zh-CN", [("Jimmy Song (宋净超)", "jimmy-song")]),
        ("化冰", "zh-CN", [("赵化冰 (Huabing Zhao) · Tetrate 公司", "huabing-zhao")]),
        (
            "",
            "en-US",
            [
                ("Huabing Zhao (赵化冰) · Tetrate", "huabing-zhao"),
                ("Jimmy Song (宋净超)", "jimmy-song"),
            ],
        ),
        ("nobody", "en-US", []),
    ],
)
async def test_speaker_names_autocomplete_in_any_script(
    speakers: Harness, typed: str, locale: str, expected: list[tuple[str, str]]
) -> None:
    payload = slash("speaker", {"name": typed}, focused="name", locale=locale)
    choices = _choices(await speakers.run(payload))
    assert [(c["name"], c["value"]) for c in choices] == expected


async def test_speaker_autocomplete_offers_at_most_25_names(harness: Harness) -> None:
    many = {
        f"speaker-{n:02}": replace(HUABING, id=f"speaker-{n:02}", name=f"Speaker {n:02}")
        for n in range(40)
    }
    _install(harness, many)
    payload = slash("speaker", {"name": "speaker"}, focused="name")
    choices = _choices(await harness.run(payload))
    assert len(choices) == 25
    assert choices[0]["value"] == "speaker-00" and choices[-1]["value"] == "speaker-24"


# ---- the profile -----------------------------------------------------------------------------


@pytest.mark.usefixtures("foreign_machine_zone")
async def test_speaker_reply_in_english_with_sessions_in_the_members_zone(
    speakers: Harness,
) -> None:
    speakers.members.set_timezone(42, "Europe/Berlin")
    embed = _embed(await speakers.run(slash("speaker", {"name": "huabing-zhao"})))
    assert embed["title"] == "Huabing Zhao (赵化冰)"
    assert embed["url"] == "https://agenda.example.org/speakers/huabing-zhao"
    assert embed["description"] == (
        "**Tetrate**\n\nHuabing Zhao is an engineer at Tetrate and the creator of Aeraki Mesh."
    )
    assert _fields(embed) == {
        "Links": "[Full profile](https://agenda.example.org/speakers/huabing-zhao)\n"
        "Email: zhaohuabing@example.com\n"
        "[Blog](https://zhaohuabing.com)\n"
        "[GitHub](https://github.com/zhaohuabing)",
        "Recent talks": "**Aeraki Mesh: any layer-7 protocol in Istio** — "
        "[KubeCon China](https://kubecon.example/china-2023), Shanghai, 2023 · "
        "[Slides](https://slides.example/aeraki.pdf) · [Video](https://video.example/aeraki)\n"
        "**Envoy in depth** — Istio Meetup, Beijing, 2022 · [Video](https://video.example/e)\n"
        "**[Service mesh \\[in practice\\]](https://blog.example/mesh)** — 2021",
        # 16:15 in Beijing is 10:15 in Berlin (summer time); the other server's agenda is left out.
        "Sessions here": "Saturday, July 10, 2021, 10:15 (Europe/Berlin) – 10:45 — "
        "**Full-stack service mesh: Aeraki** (Istio Meetup China)\n"
        "Sunday, August 1, 2021, 10:00 (Europe/Berlin) – 11:00 — "
        "**Mesh office hours** (Our meetup)",
    }
    assert "footer" not in embed


@pytest.mark.usefixtures("foreign_machine_zone")
async def test_speaker_reply_in_chinese_found_by_the_chinese_name(speakers: Harness) -> None:
    speakers.members.set_timezone(42, "Asia/Tokyo")
    embed = _embed(await speakers.run(slash("speaker", {"name": "赵化冰"}, locale="zh-CN")))
    assert embed["title"] == "赵化冰 (Huabing Zhao)"
    assert (
        embed["description"] == "**Tetrate 公司**\n\n赵化冰，Tetrate 工程师，Aeraki Mesh 创始人。"
    )
    fields = _fields(embed)
    assert list(fields) == ["链接", "近期演讲", "这里的议程"]
    assert fields["链接"].startswith("[完整资料](https://agenda.example.org/speakers/huabing-zhao)")
    assert (
        "[幻灯片](https://slides.example/aeraki.pdf) · [视频](https://video.example/aeraki)"
        in (fields["近期演讲"])
    )
    assert fields["这里的议程"] == (
        "2021年7月10日 星期六 17:15 (Asia/Tokyo) – 17:45 — **全栈服务网格：Aeraki** "
        "(首届 Istio Meetup China)\n"
        "2021年8月1日 星期日 17:00 (Asia/Tokyo) – 18:00 — **Mesh office hours** (Our meetup)"
    )


async def test_speaker_without_a_zone_gets_discord_timestamps_and_the_hint(
    speakers: Harness,
) -> None:
    embed = _embed(await speakers.run(slash("speaker", {"name": "Zhao Huabing"})))
    aeraki = int(meetup().sessions[0].start.timestamp())
    assert _fields(embed)["Sessions here"].startswith(
        f"<t:{aeraki}:F> – <t:{aeraki + 1800}:t> — **Full-stack service mesh: Aeraki**"
    )
    assert embed["footer"]["text"] == (
        "Times use Discord timestamps. Set your zone with /timezone set to see them written out."
    )


async def test_speaker_without_a_base_url_has_no_page_link(speakers: Harness) -> None:
    box = speakers.bot.services
    box.settings = replace(box.settings, base_url="")
    embed = _embed(await speakers.run(slash("speaker", {"name": "Jimmy Song"})))
    assert embed["title"] == "Jimmy Song (宋净超)"
    assert "url" not in embed
    assert _fields(embed) == {
        "Links": "Email: jimmy@example.com",
        "Sessions here": "<t:1625904900:F> – <t:1625906700:t> — "
        "**Full-stack service mesh: Aeraki** (Istio Meetup China)",
    }


@pytest.mark.parametrize(
    ("typed", "locale", "expected"),
    [
        (
            "Huabing Zhou",
            "en-US",
            "I don't know a speaker named 'Huabing Zhou'. Did you mean **Huabing Zhao**?",
        ),
        (
            "Zhao Huabin",
            "zh-CN",
            "没有名为 'Zhao Huabin' 的讲师。你是不是要找 **赵化冰**？",
        ),
        (
            "n",
            "en-US",
            "I don't know a speaker named 'n'. Did you mean **Huabing Zhao** or **Jimmy Song**?",
        ),
        (
            "Ada Lovelace",
            "en-US",
            "I don't know a speaker named 'Ada Lovelace'. "
            "Start typing a name and pick one from the list.",
        ),
        ("Ada Lovelace", "zh-CN", "没有名为 'Ada Lovelace' 的讲师。请输入姓名，并从列表中选择。"),
    ],
)
async def test_an_unknown_name_is_named_back_with_close_matches(
    speakers: Harness, typed: str, locale: str, expected: str
) -> None:
    reply = _content(await speakers.run(slash("speaker", {"name": typed}, locale=locale)))
    assert reply == expected


async def test_a_very_long_name_typed_is_echoed_clipped(speakers: Harness) -> None:
    reply = _content(await speakers.run(slash("speaker", {"name": "x" * 500})))
    assert reply.startswith("I don't know a speaker named 'xxx")
    assert len(reply) < 200


async def test_a_long_bio_and_many_sessions_fit_discords_limits(harness: Harness) -> None:
    start = datetime(2025, 9, 1, 9, 0, tzinfo=BERLIN)
    talks = tuple(
        Session(
            id=f"talk-{n}",
            title=f"Talk number {n} with a rather long title to fill the field",
            start=start.replace(day=1 + n),
            end=start.replace(day=1 + n, hour=10),
            speakers=(Speaker("Huabing Zhao", None, "huabing-zhao"),),
        )
        for n in range(20)
    )
    busy = Schedule("busy", "Busy", BERLIN, talks, SourceRef("busy.md"))
    wordy = replace(HUABING, bios=(("en", "word " * 3000),))
    _install(harness, {"huabing-zhao": wordy}, busy)
    embed = _embed(await harness.run(slash("speaker", {"name": "Huabing Zhao"})))
    total = (
        len(embed["title"])
        + len(embed["description"])
        + len(embed.get("footer", {}).get("text", ""))
    )
    total += sum(len(f["name"]) + len(f["value"]) for f in embed["fields"])
    assert total <= 6000
    assert len(embed["description"]) <= 1600 and embed["description"].endswith("…")
    sessions = _fields(embed)["Sessions here"]
    assert len(sessions) <= 1024
    # NOW is 9 September 2025, 15:40 in Berlin: listed from the first still to come.
    assert sessions.splitlines()[0].startswith(f"<t:{int(talks[9].start.timestamp())}:F>")
    assert sessions.splitlines()[-1] == "… and 14 more"  # 20 here, 2 in 2021


# ---- /session: speakers with their profile links ----------------------------------------------


async def test_session_lists_speakers_with_their_pages_and_affiliations(speakers: Harness) -> None:
    payload = slash("session", {"schedule": "istio-meetup", "session": "aeraki"})
    embed = _embed(await speakers.run(payload))
    assert _fields(embed)["Speakers"] == (
        "[Huabing Zhao](https://agenda.example.org/speakers/huabing-zhao) (Tetrate)\n"
        "[Jimmy Song](https://agenda.example.org/speakers/jimmy-song) (Tetrate)"
    )


async def test_session_in_chinese_without_a_base_url_links_the_first_web_link(
    speakers: Harness,
) -> None:
    box = speakers.bot.services
    box.settings = replace(box.settings, base_url="")
    payload = slash("session", {"schedule": "istio-meetup", "session": "aeraki"}, locale="zh-CN")
    embed = _embed(await speakers.run(payload))
    assert embed["title"] == "全栈服务网格：Aeraki"
    assert embed["description"] == "首届 Istio Meetup China"
    # The agenda gives no affiliation for Huabing Zhao: his profile's, in Chinese; his name as
    # his Chinese page writes it.
    assert _fields(embed)["讲师"] == (
        "[赵化冰](https://zhaohuabing.com) (Tetrate 公司)\nJimmy Song (Tetrate)"
    )


# ---- titles in the member's language ---------------------------------------------------------


async def test_agenda_next_and_choices_show_titles_in_the_members_language(
    speakers: Harness,
) -> None:
    zh = "zh-CN"
    embed = _embed(await speakers.run(slash("agenda", {"schedule": "istio-meetup"}, locale=zh)))
    assert embed["title"] == "首届 Istio Meetup China"
    [day] = embed["fields"]
    assert [line.split(" ", 1)[1] for line in day["value"].splitlines()] == [
        "全栈服务网格：Aeraki",
        "使用 Istio CNI 保护工作负载部署",
    ]
    english = _embed(await speakers.run(slash("agenda", {"schedule": "istio-meetup"})))
    assert english["title"] == "Istio Meetup China"
    nothing = _content(await speakers.run(slash("next", {"schedule": "istio-meetup"}, locale=zh)))
    assert nothing.splitlines()[0] == "首届 Istio Meetup China 没有后续议程了。"
    # Typed in Chinese, offered in Chinese; the same session typed in English.
    payload = slash(
        "session", {"schedule": "istio-meetup", "session": "服务网格"}, focused="session", locale=zh
    )
    assert [c["name"] for c in _choices(await speakers.run(payload))] == [
        "07-10 08:15 UTC 全栈服务网格：Aeraki"
    ]
    payload = slash("session", {"schedule": "istio-meetup", "session": "aeraki"}, focused="session")
    assert [c["name"] for c in _choices(await speakers.run(payload))] == [
        "07-10 08:15 UTC Full-stack service mesh: Aeraki"
    ]
    payload = slash("agenda", {"schedule": "首届"}, focused="schedule", locale=zh)
    assert _choices(await speakers.run(payload)) == [
        {"name": "首届 Istio Meetup China (istio-meetup)", "value": "istio-meetup"}
    ]


async def test_star_mine_and_ics_name_the_session_in_the_members_language(
    speakers: Harness,
) -> None:
    zh = "zh-CN"
    starred = _content(
        await speakers.run(
            slash("star", {"schedule": "istio-meetup", "session": "aeraki"}, locale=zh)
        )
    )
    assert starred.startswith("⭐ 已将 **全栈服务网格：Aeraki** 加入你的日程")
    mine = _embed(await speakers.run(slash("mine", locale=zh)))
    assert mine["description"].endswith("— **全栈服务网格：Aeraki** (首届 Istio Meetup China)")
    mine_en = _embed(await speakers.run(slash("mine")))
    assert mine_en["description"].endswith(
        "— **Full-stack service mesh: Aeraki** (Istio Meetup China)"
    )
    [reply] = await speakers.run(
        slash("ics", {"schedule": "istio-meetup", "session": "aeraki"}, locale=zh)
    )
    assert reply.data["data"]["content"] == "这是 全栈服务网格：Aeraki 的日历文件。"
    [(name, data)] = reply.files
    assert name == "istio-meetup-aeraki.ics"
    text = data.decode()
    assert "PARTICIPANT-TYPE:SPEAKER" in text
    assert "URL:https://agenda.example.org/speakers/huabing-zhao" in text


async def test_long_conference_links_give_way_to_slides_and_videos(harness: Harness) -> None:
    long = "https://conference.example/schedule/" + "x" * 600
    talks = tuple(
        Talk(f"Talk {n}", 2024 - n, "Hong Kong", "KubeCon", long, long, f"https://s.example/{n}")
        for n in range(3)
    )
    _install(harness, {"huabing-zhao": replace(HUABING, talks=talks)})
    embed = _embed(await harness.run(slash("speaker", {"name": "Huabing Zhao"})))
    assert _fields(embed)["Recent talks"].splitlines() == [
        f"**Talk {n}** — KubeCon, Hong Kong, {2024 - n} · [Slides](https://s.example/{n})"
        for n in range(3)
    ]
