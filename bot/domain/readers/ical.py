""".ics files: each VCALENDAR becomes a schedule, each VEVENT a session."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from bot.domain.agenda import Link, Schedule, Session, SourceRef, slugify, text_key, unique_ids
from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown.kinds import kind_from_text, kind_of
from bot.domain.readers.markdown.speakers import parse_speakers
from bot.domain.zones.local_time import localize, midnight, shift
from bot.domain.zones.naming import fixed_offset, zone_name
from bot.domain.zones.resolve import iana_names

_BEGIN_EVENT = re.compile(r"^BEGIN:VEVENT\s*$", re.MULTILINE | re.IGNORECASE)
_BEGIN_CALENDAR = re.compile(r"^BEGIN:VCALENDAR\s*$", re.MULTILINE | re.IGNORECASE)


def read_ical(text: str, diag: Diagnostics, options: ReadOptions, stem: str) -> list[Schedule]:
    """Schedules from an iCalendar stream. Broken events are reported and skipped."""
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        diag.error(0, f"not a valid iCalendar file: {_short(exc)}")
        return []
    event_lines = [text.count("\n", 0, m.start()) + 1 for m in _BEGIN_EVENT.finditer(text)]
    calendar_lines = [text.count("\n", 0, m.start()) + 1 for m in _BEGIN_CALENDAR.finditer(text)]
    schedules: list[Schedule] = []
    event_index = 0
    for number, calendar in enumerate(calendars):
        events = list(calendar.walk("VEVENT"))
        lines = event_lines[event_index : event_index + len(events)]
        event_index += len(events)
        key = stem if len(calendars) == 1 else f"{stem}-{number + 1}"
        line = calendar_lines[number] if number < len(calendar_lines) else 1
        schedule = _calendar(
            calendar, events=events, lines=lines, diag=diag, options=options, key=key, line=line
        )
        if schedule is not None:
            schedules.append(schedule)
    if not schedules:
        diag.error(0, "no event could be read from this calendar")
    return schedules


def _calendar(
    calendar: Component,
    *,
    events: list[Component],
    lines: list[int],
    diag: Diagnostics,
    options: ReadOptions,
    key: str,
    line: int,
) -> Schedule | None:
    zone = _calendar_zone(calendar, events, options)
    drafts: list[tuple[Component, int]] = []
    for event, event_line in zip(events, lines + [line] * (len(events) - len(lines)), strict=True):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        drafts.append((event, event_line))
    uids = [str(e.get("UID") or e.get("SUMMARY") or "event") for e, _ in drafts]
    ids = unique_ids(text_key(uid) for uid in uids)
    sessions = []
    for (event, event_line), session_id in zip(drafts, ids, strict=True):
        try:
            session = _session(event, session_id, zone, diag, event_line)
        except (ValueError, KeyError, TypeError) as exc:
            diag.error(event_line, f"event skipped: {_short(exc)}")
            continue
        sessions.append(session)
    if not sessions:
        return None
    name = calendar.get("X-WR-CALNAME") or calendar.get("NAME")
    title = str(name) if name else sessions[0].title if len(sessions) == 1 else key
    description = calendar.get("X-WR-CALDESC") or calendar.get("DESCRIPTION")
    return Schedule(
        id=slugify(key) or key,
        title=title,
        timezone=zone,
        sessions=tuple(sorted(sessions, key=lambda s: (s.start.astimezone(UTC), s.line))),
        source=SourceRef(diag.file, line),
        description=str(description) if description else None,
    )


def _calendar_zone(calendar: Component, events: list[Component], options: ReadOptions) -> tzinfo:
    """X-WR-TIMEZONE, else the TZID most events use, else the configured default."""
    hint = calendar.get("X-WR-TIMEZONE")
    if hint and _iana(str(hint)):
        return ZoneInfo(_iana(str(hint)) or "UTC")
    counts: dict[str, int] = {}
    for event in events:
        prop = event.get("DTSTART")
        tzid = prop.params.get("TZID") if prop is not None else None
        if tzid and _iana(str(tzid)):
            name = _iana(str(tzid)) or ""
            counts[name] = counts.get(name, 0) + 1
    if counts:
        return ZoneInfo(max(counts, key=lambda n: counts[n]))
    return options.resolver.default_zone


def _iana(tzid: str) -> str | None:
    cleaned = tzid.strip().strip('"').removeprefix("/")
    if cleaned in iana_names():
        return cleaned
    return WINDOWS_TO_OLSON.get(cleaned)


def _moment(
    prop: object, zone: tzinfo, diag: Diagnostics, line: int, name: str
) -> tuple[datetime, bool]:
    """A DTSTART/DTEND as an aware instant, and whether it was a DATE."""
    value = getattr(prop, "dt", None)
    params = getattr(prop, "params", {})
    if isinstance(value, datetime):
        if value.tzinfo is None:
            diag.warn(line, f"{name} has no time zone (floating time); read in {zone_name(zone)}")
            return _localize(value, zone, diag, line), False
        tzid = params.get("TZID")
        iana = _iana(str(tzid)) if tzid else None
        if iana:
            # Re-read the wall time in the real IANA zone rather than the file's VTIMEZONE copy.
            return _localize(value.replace(tzinfo=None), ZoneInfo(iana), diag, line), False
        if value.utcoffset() == timedelta(0):
            return value.astimezone(UTC), False
        return value.astimezone(fixed_offset(value.utcoffset() or timedelta())), False
    if isinstance(value, date):
        return midnight(value, zone), True
    raise ValueError(f"{name} is missing or not a date")


def _localize(wall: datetime, zone: tzinfo, diag: Diagnostics, line: int) -> datetime:
    result = localize(wall, zone)
    if result.note:
        diag.warn(line, result.note)
    return result.moment


def _session(
    event: Component, session_id: str, zone: tzinfo, diag: Diagnostics, line: int
) -> Session:
    if event.errors:
        name, problem = event.errors[0]
        raise ValueError(f"{name}: {problem}")
    start, all_day = _moment(event.get("DTSTART"), zone, diag, line, "DTSTART")
    end: datetime | None = None
    if event.get("DTEND") is not None:
        end, _ = _moment(event.get("DTEND"), zone, diag, line, "DTEND")
    elif event.get("DURATION") is not None:
        end = shift(start, event.decoded("DURATION"))
    elif all_day:
        end = midnight(start.date() + timedelta(days=1), zone)
    if end is not None and end < start:
        raise ValueError("DTEND is before DTSTART")
    if event.get("RRULE") is not None:
        diag.warn(line, "recurring event: only its first occurrence is read")
    title = str(event.get("SUMMARY") or "").strip() or "(untitled)"
    categories = [
        str(c) for prop in _as_list(event.get("CATEGORIES")) for c in getattr(prop, "cats", [])
    ]
    kind = next((k for c in categories if (k := kind_from_text(c)) is not None), None)
    url = event.get("URL")
    organizer = event.get("ORGANIZER")
    speakers = parse_speakers(str(organizer.params.get("CN", ""))) if organizer is not None else []
    return Session(
        id=session_id,
        title=title,
        start=start,
        end=end,
        all_day=all_day,
        speakers=tuple(speakers),
        kind=kind or kind_of(title),
        location=str(event.get("LOCATION")) if event.get("LOCATION") else None,
        links=(Link(str(url)),) if url else (),
        description=str(event.get("DESCRIPTION")) if event.get("DESCRIPTION") else None,
        line=line,
    )


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
