"""Speakers and titles in other languages in the .ics we write: DESCRIPTION for every client,
RFC 9073 PARTICIPANT for those that read it; SEQUENCE rises when speakers change."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import recurring_ical_events
from icalendar import Calendar, Component

from bot.domain.agenda import Link, Speaker
from bot.domain.ics.calendars import feed_calendar, session_download
from bot.domain.ics.revisions import (
    advance,
    fingerprint,
    revision_from_json,
    revision_to_json,
)
from bot.domain.ics.speakers import SpeakerLinks, profile_link, speaker_page
from tests.domain.ics.speaker_world import BASE_URL, HUABING, JIMMY, PROFILES, meetup

T0 = datetime(2021, 7, 1, 12, 0, tzinfo=UTC)
LINKED = SpeakerLinks(PROFILES, BASE_URL)


def _events(data: bytes) -> dict[str, Component]:
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def _participants(event: Component) -> list[dict[str, str]]:
    return [
        {name: str(value) for name, value in c.items()}
        for c in event.subcomponents
        if c.name == "PARTICIPANT"
    ]


def test_description_names_speakers_with_their_pages_and_the_title_in_the_other_language() -> None:
    schedule = meetup()
    events = _events(feed_calendar(schedule.title, [schedule], {}, speakers=LINKED))
    aeraki = events["istio-meetup-aeraki@agenda-bot"]
    assert str(aeraki["DESCRIPTION"]).splitlines() == [
        "Speakers: Huabing Zhao (Tetrate) <https://agenda.example.org/speakers/huabing-zhao>, "
        "Jimmy Song (Tetrate) <https://agenda.example.org/speakers/jimmy-song>",
        "中文: 全栈服务网格：Aeraki",
        "Slides: https://example.org/aeraki",
        "Agenda: Istio Meetup China / 首届 Istio Meetup China",
    ]
    cni = events["istio-meetup-cni@agenda-bot"]
    assert str(cni["DESCRIPTION"]).splitlines() == [
        "Speaker: Zhang Zhihan (Tetrate)",
        "中文: 使用 Istio CNI 保护工作负载部署",
        "https://istio.io/meetup",  # the session URL, as before
        "Agenda: Istio Meetup China / 首届 Istio Meetup China",
    ]
    assert str(aeraki["URL"]) == "https://example.org/aeraki"


def test_without_a_base_url_speakers_link_to_their_first_web_page_never_an_email() -> None:
    schedule = meetup()
    links = SpeakerLinks(PROFILES)
    [event, _] = _events(feed_calendar("x", [schedule], {}, speakers=links)).values()
    assert str(event["DESCRIPTION"]).splitlines()[0] == (
        "Speakers: Huabing Zhao (Tetrate) <https://zhaohuabing.com>, Jimmy Song (Tetrate)"
    )
    assert profile_link(HUABING) == "https://zhaohuabing.com"
    assert profile_link(JIMMY) is None
    assert profile_link(JIMMY, BASE_URL + "/") == "https://agenda.example.org/speakers/jimmy-song"
    assert speaker_page(BASE_URL, "a b/c") == "https://agenda.example.org/speakers/a%20b%2Fc"


def test_each_speaker_is_a_participant_of_type_speaker_with_a_stable_uid_and_no_address() -> None:
    schedule = meetup()
    data = feed_calendar(schedule.title, [schedule], {}, speakers=LINKED)
    events = _events(data)
    assert _participants(events["istio-meetup-aeraki@agenda-bot"]) == [
        {
            "PARTICIPANT-TYPE": "SPEAKER",
            "SUMMARY": "Huabing Zhao",
            "UID": "istio-meetup-aeraki-huabing-zhao@speakers.agenda-bot",
            "URL": "https://agenda.example.org/speakers/huabing-zhao",
        },
        {
            "PARTICIPANT-TYPE": "SPEAKER",
            "SUMMARY": "Jimmy Song",
            "UID": "istio-meetup-aeraki-jimmy-song@speakers.agenda-bot",
            "URL": "https://agenda.example.org/speakers/jimmy-song",
        },
    ]
    assert _participants(events["istio-meetup-cni@agenda-bot"]) == [
        {
            "PARTICIPANT-TYPE": "SPEAKER",
            "SUMMARY": "Zhang Zhihan",
            "UID": "istio-meetup-cni-zhang-zhihan@speakers.agenda-bot",
        }
    ]
    # Emails on profiles stay out of subscribers' calendars; no meeting semantics either.
    for absent in (b"CALENDAR-ADDRESS", b"mailto:", b"ATTENDEE", b"ORGANIZER"):
        assert absent not in data


def test_a_download_carries_the_same_speakers_as_the_feed() -> None:
    schedule = meetup()
    session = schedule.sessions[0]
    [event] = _events(session_download(schedule, session, speakers=LINKED)).values()
    [in_feed, _] = _events(feed_calendar("x", [schedule], {}, speakers=LINKED)).values()
    assert _participants(event) == _participants(in_feed)
    assert event["DESCRIPTION"] == in_feed["DESCRIPTION"]


def test_speakers_without_profiles_are_written_as_the_agenda_gives_them() -> None:
    schedule = meetup(linked=False)
    [event, _] = _events(feed_calendar("x", [schedule], {}, speakers=LINKED)).values()
    assert str(event["DESCRIPTION"]).splitlines()[0] == (
        "Speakers: Huabing Zhao, Jimmy Song (Tetrate)"
    )
    assert [p.get("URL") for p in _participants(event)] == [None, None]


def test_unchanged_speakers_give_byte_identical_feeds() -> None:
    schedule = meetup()
    book = advance({}, schedule, now=T0, first_seen=T0, speakers=PROFILES)
    first = feed_calendar(schedule.title, [schedule], book, speakers=LINKED)
    later = advance(book, meetup(), now=T0 + timedelta(days=2), first_seen=T0, speakers=PROFILES)
    assert later == book
    assert feed_calendar(schedule.title, [meetup()], later, speakers=LINKED) == first


def test_sequence_rises_when_a_sessions_speakers_change() -> None:
    schedule = meetup(linked=False)
    book = advance({}, schedule, now=T0, first_seen=T0, speakers=PROFILES)
    # The readers link the speakers to their profiles: what the event shows changed.
    linked = advance(book, meetup(), now=T0 + timedelta(days=1), first_seen=T0, speakers=PROFILES)
    sequences = {key: r.sequence for key, r in linked.items()}
    assert sequences == {"istio-meetup/aeraki": 1, "istio-meetup/cni": 0}
    # A speaker added to the second talk.
    talks = list(meetup().sessions)
    talks[1] = replace(talks[1], speakers=(*talks[1].speakers, Speaker("Jimmy Song")))
    more = replace(meetup(), sessions=tuple(talks))
    after = advance(linked, more, now=T0 + timedelta(days=2), first_seen=T0, speakers=PROFILES)
    assert {key: r.sequence for key, r in after.items()} == {
        "istio-meetup/aeraki": 1,
        "istio-meetup/cni": 1,
    }
    [_, cni] = _events(feed_calendar("x", [more], after, speakers=LINKED)).values()
    assert cni["SEQUENCE"] == 1 and len(_participants(cni)) == 2


def test_sequence_rises_when_a_profile_changes_what_the_event_shows() -> None:
    schedule = meetup()
    book = advance({}, schedule, now=T0, first_seen=T0, speakers=PROFILES)
    moved = {**PROFILES, "huabing-zhao": replace(HUABING, links=(Link("https://hb.example"),))}
    after = advance(book, schedule, now=T0 + timedelta(days=1), first_seen=T0, speakers=moved)
    assert {key: r.sequence for key, r in after.items()} == {
        "istio-meetup/aeraki": 1,
        "istio-meetup/cni": 0,
    }
    # A bio or another name changes nothing the event shows: SEQUENCE stays.
    rewritten = {**PROFILES, "huabing-zhao": replace(HUABING, bios=(("en", "New bio."),))}
    same = advance(book, schedule, now=T0 + timedelta(days=1), first_seen=T0, speakers=rewritten)
    assert same == book


def test_sessions_without_titles_or_profiles_keep_the_fingerprint_they_had() -> None:
    schedule = replace(meetup(linked=False), titles=())
    plain = replace(schedule.sessions[1], titles=())
    # The digest as it was computed before profiles and other languages existed.
    assert fingerprint(plain, schedule, PROFILES) == fingerprint(plain, schedule)
    assert fingerprint(plain, schedule) != fingerprint(
        replace(plain, titles=(("zh", "别的标题"),)), schedule
    )
    assert fingerprint(plain, schedule) != fingerprint(
        plain, replace(schedule, titles=(("zh", "别的"),))
    )


def test_stored_revisions_keep_profile_links_and_titles() -> None:
    schedule = meetup()
    book = advance({}, schedule, now=T0, first_seen=T0, speakers=PROFILES)
    for revision in book.values():
        again = revision_from_json(json.loads(json.dumps(revision_to_json(revision))))
        assert again == revision
    stored = revision_to_json(book["istio-meetup/aeraki"])["session"]
    assert stored["speakers"] == [
        ["Huabing Zhao", None, "huabing-zhao"],
        ["Jimmy Song", "Tetrate", "jimmy-song"],
    ]
    assert stored["titles"] == [["zh", "全栈服务网格：Aeraki"]]
    unlinked = revision_to_json(
        advance({}, meetup(linked=False), now=T0, first_seen=T0)["istio-meetup/cni"]
    )["session"]
    assert unlinked["speakers"] == [["Zhang Zhihan", "Tetrate"]]


def test_round_trips_keep_every_instant_and_participant() -> None:
    schedule = meetup()
    data = feed_calendar(schedule.title, [schedule], {}, speakers=LINKED)
    calendar = Calendar.from_ical(data)
    assert Calendar.from_ical(calendar.to_ical()) == calendar
    starts = {str(e["UID"]): e["DTSTART"].dt for e in calendar.walk("VEVENT")}
    assert starts == {
        "istio-meetup-aeraki@agenda-bot": schedule.sessions[0].start,
        "istio-meetup-cni@agenda-bot": schedule.sessions[1].start,
    }
    assert len(calendar.walk("PARTICIPANT")) == 3
    found = recurring_ical_events.of(calendar).between(
        datetime(2021, 7, 1, tzinfo=UTC), datetime(2021, 8, 1, tzinfo=UTC)
    )
    assert sorted(e["DTSTART"].dt.astimezone(UTC) for e in found) == [
        s.start.astimezone(UTC) for s in schedule.sessions
    ]
