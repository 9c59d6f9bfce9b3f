"""Schedules to iCalendar bytes: feeds (subscribed) and downloads (one session, imported once).

A recurring session (a series) is one VEVENT with RRULE, EXDATE and RDATE; an occurrence changed
on its own is a VEVENT with the series' UID and RECURRENCE-ID. The occurrences an agenda holds
among its sessions once expanded (`series_id` set) are not written as events of their own: they
are the series'. Only where one occurrence is asked for alone (a download, a starred occurrence
in a personal feed) is it written as a standalone event with its own UID.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from icalendar import Alarm, Calendar, Component, Event
from icalendar.prop import vDuration, vRecur

from bot.domain.agenda import Schedule, Session, primary_language
from bot.domain.ics.revisions import Revision, revision_key
from bot.domain.ics.speakers import (
    NO_SPEAKER_LINKS,
    PARTICIPANT_DOMAIN,
    ShownSpeaker,
    SpeakerLinks,
)
from bot.domain.ics.timezones import vtimezone, window
from bot.domain.recurrence import RecurrenceError, check_rule, occurrence_starts

PRODID = "-//agenda-bot//agenda-bot//EN"
REFRESH_INTERVAL = timedelta(hours=6)
# The domain part of every UID. Fixed: never the server's host or base_url, so that a session
# keeps its UID whoever serves it (feeds, `agenda-bot ics`, Discord downloads) and whatever
# base_url is set to later; a changed UID would duplicate every event in subscribers' calendars.
UID_DOMAIN = "agenda-bot"

Include = Callable[[str, str], bool]


def uid(schedule_id: str, session_id: str) -> str:
    """`<schedule>-<session>@agenda-bot`: the same session always has the same UID, so a refresh
    updates the event instead of duplicating it."""
    return f"{schedule_id}-{session_id}@{UID_DOMAIN}"


def feed_calendar(
    name: str,
    schedules: Iterable[Schedule],
    revisions: Mapping[str, Revision],
    *,
    description: str | None = None,
    include: Include | None = None,
    speakers: SpeakerLinks = NO_SPEAKER_LINKS,
) -> bytes:
    """A subscribable calendar: NAME/X-WR-CALNAME, refresh hints, every session of the schedules
    that `include` keeps, plus the cancelled ones still in their grace period. No VALARM: Google
    and Outlook ignore alarms in feeds and reminders are the bot's job. `speakers` gives the
    speakers' profiles and links (`bot.domain.ics.speakers`)."""
    calendar = _calendar()
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    chosen = list(schedules)
    zones = {s.timezone_name for s in chosen if isinstance(s.timezone, ZoneInfo)}
    # Clients that follow X-WR-TIMEZONE repeat a series written in UTC on that zone's wall
    # clock (an hour off for half the year): no hint when a series is in another zone.
    zones |= {_iana(s.start.tzinfo) or "UTC" for c in chosen for s in c.series}
    if len(zones) == 1:
        calendar.add("x-wr-timezone", next(iter(zones)))  # a hint for Google; never relied on
    entries: list[tuple[Schedule, _Entry]] = []
    for schedule in chosen:
        entries.extend((schedule, entry) for entry in _entries_of(schedule, revisions, include))
    return _serialize(calendar, entries, alarm=None, speakers=speakers)


def session_download(
    schedule: Schedule,
    session: Session,
    revision: Revision | None = None,
    *,
    alarm: timedelta | None = None,
    speakers: SpeakerLinks = NO_SPEAKER_LINKS,
) -> bytes:
    """One session to import once: no calendar name (Outlook would create a new calendar for
    it), and a VALARM `alarm` before the start when asked for."""
    calendar = _calendar()
    if revision is None:
        revision = Revision(schedule.id, session, "", 0, _default_stamp(session))
    role = _SERIES if revision.session.repeat is not None else _ALONE
    entries = [(schedule, _Entry(revision, role))]
    return _serialize(calendar, entries, alarm=alarm, speakers=speakers)


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


# What a VEVENT is: a plain event (a one-off session, or one occurrence standing alone), a
# series (RRULE), or one changed occurrence of a series (its UID and RECURRENCE-ID).
_ALONE = "alone"
_SERIES = "series"
_OVERRIDE = "override"


@dataclass(frozen=True, slots=True)
class _Entry:
    revision: Revision
    role: str = _ALONE
    recurrence: date | datetime | None = None  # an override's RECURRENCE-ID, as written
    series_zone: str | None = None  # the zone its series is written in (None: UTC or dates)


def _entries_of(
    schedule: Schedule, revisions: Mapping[str, Revision], include: Include | None
) -> list[_Entry]:
    """The VEVENTs of a schedule that `include` keeps: its one-off sessions, its series whole
    (with their overrides), occurrences kept one by one (a starred occurrence of a series not
    kept whole) on their own, and its cancelled sessions and series still in their grace
    period. Materialised occurrences never count as events of their own."""

    def kept(session: Session) -> bool:
        return include is None or include(schedule.id, session.id)

    def revision_of(session: Session) -> Revision:
        known = revisions.get(revision_key(schedule.id, session.id))
        return known or Revision(schedule.id, session, "", 0, _default_stamp(session))

    found = [_Entry(revision_of(s)) for s in schedule.sessions if s.series_id is None and kept(s)]
    whole = {s.id: s for s in schedule.series if kept(s)}
    found.extend(_Entry(revision_of(s), _SERIES) for s in whole.values())
    live = {i for i, s in whole.items() if not revision_of(s).cancelled}
    for override in schedule.overrides:
        series = whole.get(override.series_id or "")
        if series is not None and series.id in live and override.recurrence_id is not None:
            found.append(_override_entry(revision_of(override), series, override.recurrence_id))
    if include is not None:
        for session in schedule.sessions:
            if session.series_id is not None and session.series_id not in whole and kept(session):
                found.append(_Entry(_occurrence_revision(schedule, session, revisions)))
    written = {e.revision.key for e in found}
    for revision in revisions.values():
        session = revision.session
        if (
            revision.schedule_id == schedule.id
            and revision.cancelled
            and revision.key not in written
            and session.series_id is None
            and kept(session)
        ):
            found.append(_Entry(revision, _SERIES if session.repeat is not None else _ALONE))
    return found


def _override_entry(revision: Revision, series: Session, recurrence_id: datetime) -> _Entry:
    """An override, its RECURRENCE-ID written as its series' DTSTART is: a date for an all-day
    series, else in the series' zone (TZID) or in UTC."""
    local = recurrence_id.astimezone(series.start.tzinfo)
    if series.all_day:
        return _Entry(revision, _OVERRIDE, local.date())
    return _Entry(revision, _OVERRIDE, _when(local), _iana(series.start.tzinfo))


def _occurrence_revision(
    schedule: Schedule, occurrence: Session, revisions: Mapping[str, Revision]
) -> Revision:
    """One occurrence written alone: SEQUENCE and stamp of its override if it has one, else of
    its series (occurrences have no revisions of their own)."""
    for key in (occurrence.id, occurrence.series_id or ""):
        known = revisions.get(revision_key(schedule.id, key))
        if known is not None and not known.cancelled:
            return Revision(schedule.id, occurrence, "", known.sequence, known.changed_at)
    return Revision(schedule.id, occurrence, "", 0, _default_stamp(occurrence))


def _default_stamp(session: Session) -> datetime:
    """Without a revision there is no change time; the session's own start is stable and
    deterministic, unlike "now"."""
    return session.start.astimezone(UTC).replace(microsecond=0)


def _serialize(
    calendar: Calendar,
    entries: list[tuple[Schedule, _Entry]],
    alarm: timedelta | None,
    speakers: SpeakerLinks,
) -> bytes:
    """The calendar's bytes: its own properties and VTIMEZONEs, then every VEVENT in start order.

    Each VEVENT is serialized on its own and memoized by its revision, so that rebuilding a feed
    after one session moved, or building a personal feed from the same sessions, re-encodes only
    what changed.
    """
    spans: dict[str, list[date]] = {}
    events: list[tuple[datetime, str, int, bytes]] = []
    for schedule, entry in entries:
        session = entry.revision.session
        zone = _iana(session.start.tzinfo)
        if zone is not None and not session.all_day:
            days = spans.setdefault(zone, [])
            days.extend(_dates_shown(session, entry.role, ZoneInfo(zone)))
        if entry.series_zone is not None:
            assert isinstance(entry.recurrence, datetime)
            spans.setdefault(entry.series_zone, []).append(entry.recurrence.date())
        facts = _Facts(schedule.id, schedule.title, schedule.venue, schedule.url, schedule.titles)
        people = speakers.shown(session)
        page = _page(speakers, schedule.id, entry)
        data = (
            _event_bytes(facts, entry, alarm, people, page)
            if entry.revision.fingerprint
            else _event(facts, entry, alarm, people, page).to_ical()
        )
        order = 1 if entry.role == _OVERRIDE else 0
        events.append((session.start, _uid_of(schedule.id, entry), order, data))
    for zone in sorted(spans):
        first, last = window(min(spans[zone]), max(spans[zone]))
        calendar.add_component(vtimezone(zone, first, last))
    head = bytes(calendar.to_ical())
    assert head.endswith(_END)
    events.sort(key=lambda item: (item[0], item[1], item[2]))
    return b"".join([head[: -len(_END)], *(data for _, _, _, data in events), _END])


def _page(links: SpeakerLinks, schedule_id: str, entry: _Entry) -> str | None:
    """The event's web page on the feed server: the session's, or for a whole series the
    agenda's (each meeting has a page, the series none); none for a cancelled event, which
    the agenda no longer shows."""
    if entry.revision.cancelled:
        return None
    session = entry.revision.session
    return links.page_of(schedule_id, None if entry.role == _SERIES else session.id)


def _uid_of(schedule_id: str, entry: _Entry) -> str:
    session = entry.revision.session
    if entry.role == _OVERRIDE and session.series_id is not None:
        return uid(schedule_id, session.series_id)
    return uid(schedule_id, session.id)


# An open-ended series' VTIMEZONE lists the zone's changes at least this far from its first start,
# and at least up to the end of _OPEN_END: clients keep the last listed offset after that.
_OPEN_YEARS = 10
_OPEN_END = date(2037, 12, 31)


def _dates_shown(session: Session, role: str, zone: ZoneInfo) -> list[date]:
    """The days a VTIMEZONE must cover for this VEVENT: its start and end, and for a series every
    day its rule can reach (up to UNTIL or COUNT, or years ahead when the rule has no end), its
    EXDATEs and RDATEs."""
    days = [session.start.astimezone(zone).date()]
    if session.end is not None:
        days.append(session.end.astimezone(zone).date())
    repeat = session.repeat
    if role != _SERIES or repeat is None:
        return days
    days.extend(m.astimezone(zone).date() for m in (*repeat.exdates, *repeat.rdates))
    last = _rule_end(session)
    if last is None:
        first = days[0]
        last = max(date(min(first.year + _OPEN_YEARS, 9999), 12, 31), _OPEN_END)
    days.append(last)
    return days


@lru_cache(maxsize=4096)
def _rule_end(series: Session) -> date | None:
    """The day of the last occurrence the rule may give (in UTC: the window has a week's
    margin), None when it never ends."""
    assert series.repeat is not None
    parts = _rule_parts(series)
    if "UNTIL" in parts:
        return _until(parts["UNTIL"]).date()
    if "COUNT" in parts:
        far = series.start + timedelta(days=366 * 200)
        try:
            starts = occurrence_starts(series, series.start, far)
        except (RecurrenceError, OverflowError):
            return None
        return starts[-1].astimezone(UTC).date() if starts else None
    return None


def _rule_parts(series: Session) -> dict[str, str]:
    """The series' rule as `check_rule` normalises it (UNTIL in UTC), by part name."""
    assert series.repeat is not None
    try:
        rule = check_rule(series.repeat.rule, series.start)
    except RecurrenceError:
        rule = series.repeat.rule.upper()
    return {name: value for name, _, value in (p.partition("=") for p in rule.split(";")) if name}


def _until(value: str) -> datetime:
    """UNTIL as `check_rule` writes it (UTC, 20261231T235959Z)."""
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


_END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a VEVENT shows of its schedule."""

    id: str
    title: str
    venue: str | None
    url: str | None
    titles: tuple[tuple[str, str], ...] = ()  # the agenda's title in other languages


def clear_caches() -> None:
    """Forget memoized VEVENT bytes (benchmarks measure cold builds with it)."""
    _event_bytes.cache_clear()


@lru_cache(maxsize=50_000)
def _event_bytes(
    facts: _Facts,
    entry: _Entry,
    alarm: timedelta | None,
    people: tuple[ShownSpeaker, ...],
    page: str | None,
) -> bytes:
    return bytes(_event(facts, entry, alarm, people, page).to_ical())


def _iana(tz: tzinfo | None) -> str | None:
    return tz.key if isinstance(tz, ZoneInfo) and tz.key != "UTC" else None


def _when(moment: datetime) -> datetime:
    """IANA zones are written with TZID; fixed offsets and UTC as UTC (`Z`), never floating.
    So is the second of a wall time that happens twice (1:30 MST after 1:30 MDT): a client
    reads a local time in the hour the clocks go back as the first (RFC 5545, 3.3.5)."""
    if _iana(moment.tzinfo) is not None and (
        moment.replace(fold=0).utcoffset() == moment.utcoffset()
    ):
        return moment
    return moment.astimezone(UTC)


def _event(
    schedule: _Facts,
    entry: _Entry,
    alarm: timedelta | None,
    people: tuple[ShownSpeaker, ...],
    page: str | None = None,
) -> Event:
    """The VEVENT of `entry`. Its URL is the session's own link, else its `page` on the feed
    server, else the agenda's URL; DESCRIPTION ends with the page (not every client shows URL)."""
    revision = entry.revision
    session = revision.session
    event = Event()
    event_uid = _uid_of(schedule.id, entry)
    event.add("uid", event_uid)
    if entry.role == _OVERRIDE and entry.recurrence is not None:
        event.add("recurrence-id", entry.recurrence)
    event.add("dtstamp", revision.changed_at)
    event.add("last-modified", revision.changed_at)
    event.add("sequence", revision.sequence)
    event.add("summary", session.title)
    if session.all_day:
        event.add("dtstart", session.first_day)
        event.add("dtend", session.last_day + timedelta(days=1))
    else:
        event.add("dtstart", _when(session.start))
        if session.end is not None:
            event.add("dtend", _when(session.end))
    if entry.role == _SERIES and session.repeat is not None:
        _add_repeat(event, session)
    event.add("status", "CANCELLED" if revision.cancelled else "CONFIRMED")
    location = ", ".join(p for p in (session.location, schedule.venue) if p)
    if location:
        event.add("location", location)
    url = session.links[0].url if session.links else page or schedule.url
    if url:
        event.add("url", url)
    description = _description(schedule, session, url, people, page)
    if description:
        event.add("description", description)
    categories = [session.kind.value, *([session.track] if session.track else [])]
    event.add("categories", categories)
    for person in people:
        event.add_component(participant(event_uid, person))
    if alarm is not None and not revision.cancelled:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", session.title)
        reminder.add("trigger", -alarm)
        event.add_component(reminder)
    return event


class Participant(Component):
    """RFC 9073's PARTICIPANT component (icalendar has no class of its own for it)."""

    name = "PARTICIPANT"


def participant(event_uid: str, speaker: ShownSpeaker) -> Component:
    """An RFC 9073 PARTICIPANT for a speaker: type SPEAKER, the name as SUMMARY, the link as
    URL; no CALENDAR-ADDRESS (see `bot.domain.ics.speakers`). Its UID is the event's, made
    distinct per speaker and kept out of the events' UID domain."""
    component = Participant()
    local = event_uid.rsplit("@", 1)[0]
    component.add("uid", f"{local}-{speaker.key}@{PARTICIPANT_DOMAIN}")
    component.add("participant-type", "SPEAKER")
    component.add("summary", speaker.name)
    if speaker.url:
        component.add("url", speaker.url)
    return component


def _add_repeat(event: Event, series: Session) -> None:
    """RRULE, EXDATE and RDATE, each written as DTSTART is: dates for an all-day series (UNTIL
    too), else in the series' zone (TZID) or in UTC, with UNTIL in UTC as RFC 5545 asks."""
    repeat = series.repeat
    assert repeat is not None
    zone = series.start.tzinfo
    parts = _rule_parts(series)
    if series.all_day and parts.get("UNTIL", "").endswith("Z"):
        parts["UNTIL"] = f"{_until(parts['UNTIL']).astimezone(zone):%Y%m%d}"
    event.add("rrule", vRecur.from_ical(";".join(f"{k}={v}" for k, v in parts.items())))
    for name, moments in (("exdate", repeat.exdates), ("rdate", repeat.rdates)):
        if not moments:
            continue
        local = sorted((m.astimezone(zone) for m in moments), key=lambda m: m.timestamp())
        if series.all_day:
            event.add(name, [m.date() for m in local])
        elif name == "rdate":
            # RDATEs in UTC: libical's expansion reads an RDATE's TZID as UTC.
            event.add(name, [m.astimezone(UTC) for m in local])
        else:
            event.add(name, [_when(m) for m in local])


def _description(
    schedule: _Facts,
    session: Session,
    url: str | None,
    people: tuple[ShownSpeaker, ...],
    page: str | None = None,
) -> str:
    """Speakers with their links, the title in the agenda's other languages, the abstract,
    every link, the session URL again (not every client shows URL, nor PARTICIPANT), the
    agenda, and last the session's web page, when the feed server shows one."""
    parts: list[str] = []
    if people:
        label = "Speaker" if len(people) == 1 else "Speakers"
        parts.append(f"{label}: " + ", ".join(str(p) for p in people))
    parts.extend(f"{_language_name(lang)}: {title}" for lang, title in _others(session))
    if session.track:
        parts.append(f"Track: {session.track}")
    if session.description:
        parts.append(session.description)
    for link in session.links:
        parts.append(f"{link.label}: {link.url}" if link.label else link.url)
    if url and url != page and all(link.url != url for link in session.links):
        parts.append(url)
    agenda = " / ".join([schedule.title, *(t for _, t in schedule.titles if t != schedule.title)])
    parts.append(f"Agenda: {agenda}")
    if page:
        parts.append(page)
    return "\n".join(parts)


def _others(session: Session) -> list[tuple[str, str]]:
    """The session's title in the agenda's other languages, where it differs."""
    return [(lang, title) for lang, title in session.titles if title != session.title]


@lru_cache(maxsize=64)
def _language_name(tag: str) -> str:
    """A language named in itself ("中文" for zh, "English" for en): the line that carries a
    title in that language is read by those who read it. The tag itself when Babel has no
    name for it."""
    primary = primary_language(tag) or tag
    try:
        name = Locale.parse(primary).get_language_name(primary)
    except (UnknownLocaleError, ValueError):
        return tag
    return name or tag
