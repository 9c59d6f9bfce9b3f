"""Schedules to iCalendar bytes: feeds (subscribed) and downloads (one session, imported once)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event
from icalendar.prop import vDuration

from bot.domain.agenda import Schedule, Session
from bot.domain.ics.revisions import Revision, revision_key
from bot.domain.ics.timezones import vtimezone, window

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
) -> bytes:
    """A subscribable calendar: NAME/X-WR-CALNAME, refresh hints, every session of the schedules
    that `include` keeps, plus the cancelled ones still in their grace period. No VALARM: Google
    and Outlook ignore alarms in feeds and reminders are the bot's job."""
    calendar = _calendar()
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    chosen = list(schedules)
    zones = {s.timezone_name for s in chosen if isinstance(s.timezone, ZoneInfo)}
    if len(zones) == 1:
        calendar.add("x-wr-timezone", next(iter(zones)))  # a hint for Google; never relied on
    entries = []
    for schedule in chosen:
        for revision in _revisions_of(schedule, revisions):
            if include is None or include(schedule.id, revision.session.id):
                entries.append((schedule, revision))
    return _serialize(calendar, entries, alarm=None)


def session_download(
    schedule: Schedule,
    session: Session,
    revision: Revision | None = None,
    *,
    alarm: timedelta | None = None,
) -> bytes:
    """One session to import once: no calendar name (Outlook would create a new calendar for
    it), and a VALARM `alarm` before the start when asked for."""
    calendar = _calendar()
    if revision is None:
        revision = Revision(schedule.id, session, "", 0, _default_stamp(session))
    return _serialize(calendar, [(schedule, revision)], alarm=alarm)


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _revisions_of(schedule: Schedule, revisions: Mapping[str, Revision]) -> list[Revision]:
    """The schedule's sessions as revisions (stamped now-free defaults when none are known),
    followed by its cancelled sessions."""
    found = []
    for session in schedule.sessions:
        revision = revisions.get(revision_key(schedule.id, session.id))
        found.append(revision or Revision(schedule.id, session, "", 0, _default_stamp(session)))
    found.extend(r for r in revisions.values() if r.schedule_id == schedule.id and r.cancelled)
    return found


def _default_stamp(session: Session) -> datetime:
    """Without a revision there is no change time; the session's own start is stable and
    deterministic, unlike "now"."""
    return session.start.astimezone(UTC).replace(microsecond=0)


def _serialize(
    calendar: Calendar,
    entries: list[tuple[Schedule, Revision]],
    alarm: timedelta | None,
) -> bytes:
    """The calendar's bytes: its own properties and VTIMEZONEs, then every VEVENT in start order.

    Each VEVENT is serialized on its own and memoized by its revision, so that rebuilding a feed
    after one session moved, or building a personal feed from the same sessions, re-encodes only
    what changed.
    """
    spans: dict[str, list[date]] = {}
    events: list[tuple[datetime, str, bytes]] = []
    for schedule, revision in entries:
        session = revision.session
        zone = _iana(session.start.tzinfo)
        if zone is not None and not session.all_day:
            days = spans.setdefault(zone, [])
            days.append(session.start.astimezone(ZoneInfo(zone)).date())
            if session.end is not None:
                days.append(session.end.astimezone(ZoneInfo(zone)).date())
        facts = _Facts(schedule.id, schedule.title, schedule.venue, schedule.url)
        data = (
            _event_bytes(facts, revision, alarm)
            if revision.fingerprint
            else _event(facts, revision, alarm).to_ical()
        )
        events.append((session.start, uid(schedule.id, session.id), data))
    for zone in sorted(spans):
        first, last = window(min(spans[zone]), max(spans[zone]))
        calendar.add_component(vtimezone(zone, first, last))
    head = bytes(calendar.to_ical())
    assert head.endswith(_END)
    events.sort(key=lambda item: (item[0], item[1]))
    return b"".join([head[: -len(_END)], *(data for _, _, data in events), _END])


_END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a VEVENT shows of its schedule."""

    id: str
    title: str
    venue: str | None
    url: str | None


def clear_caches() -> None:
    """Forget memoized VEVENT bytes (benchmarks measure cold builds with it)."""
    _event_bytes.cache_clear()


@lru_cache(maxsize=50_000)
def _event_bytes(facts: _Facts, revision: Revision, alarm: timedelta | None) -> bytes:
    return bytes(_event(facts, revision, alarm).to_ical())


def _iana(tz: tzinfo | None) -> str | None:
    return tz.key if isinstance(tz, ZoneInfo) and tz.key != "UTC" else None


def _when(moment: datetime) -> datetime:
    """IANA zones are written with TZID; fixed offsets and UTC as UTC (`Z`), never floating."""
    if _iana(moment.tzinfo) is not None:
        return moment
    return moment.astimezone(UTC)


def _event(schedule: _Facts, revision: Revision, alarm: timedelta | None) -> Event:
    session = revision.session
    event = Event()
    event.add("uid", uid(schedule.id, session.id))
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
    event.add("status", "CANCELLED" if revision.cancelled else "CONFIRMED")
    location = ", ".join(p for p in (session.location, schedule.venue) if p)
    if location:
        event.add("location", location)
    url = session.links[0].url if session.links else schedule.url
    if url:
        event.add("url", url)
    description = _description(schedule, session, url)
    if description:
        event.add("description", description)
    categories = [session.kind.value, *([session.track] if session.track else [])]
    event.add("categories", categories)
    if alarm is not None and not revision.cancelled:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", session.title)
        reminder.add("trigger", -alarm)
        event.add_component(reminder)
    return event


def _description(schedule: _Facts, session: Session, url: str | None) -> str:
    """Speakers, the abstract, every link, and the session URL again: not every client shows URL."""
    parts: list[str] = []
    if session.speakers:
        label = "Speaker" if len(session.speakers) == 1 else "Speakers"
        parts.append(f"{label}: " + ", ".join(str(s) for s in session.speakers))
    if session.track:
        parts.append(f"Track: {session.track}")
    if session.description:
        parts.append(session.description)
    for link in session.links:
        parts.append(f"{link.label}: {link.url}" if link.label else link.url)
    if url and all(link.url != url for link in session.links):
        parts.append(url)
    parts.append(f"Agenda: {schedule.title}")
    return "\n".join(parts)
