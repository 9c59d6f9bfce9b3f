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


_LAST_YEAR = 9999


class _PropertyError(ValueError):
    """A property whose value cannot be used; knows the property, to point at its line."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def read_ical(text: str, diag: Diagnostics, options: ReadOptions, stem: str) -> list[Schedule]:
    """Schedules from an iCalendar stream. Broken events are reported and skipped; no value,
    however far out of range, ends in an exception."""
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # ValueError, or other exceptions on some broken structures
        line, problem = _structure_problem(text, exc)
        diag.error(line, f"not a valid iCalendar file: {problem}")
        return []
    source = text.split("\n")
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
            calendar,
            events=events,
            lines=lines,
            diag=diag,
            options=options,
            key=key,
            line=line,
            source=source,
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
    source: list[str],
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
        except _PropertyError as exc:
            diag.error(_property_line(source, event_line, exc.name), f"event skipped: {exc}")
            continue
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
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
        prop = _first(event.get("DTSTART"))
        tzid = getattr(prop, "params", {}).get("TZID")
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
    if isinstance(prop, list):
        raise _PropertyError(name, f"{name} is given {len(prop)} times")
    try:
        return _instant(prop, zone, diag, line, name)
    except OverflowError:
        raise _PropertyError(
            name, f"{name} {_raw(prop)} is out of range (dates run from year 1 to {_LAST_YEAR})"
        ) from None


def _instant(
    prop: object, zone: tzinfo, diag: Diagnostics, line: int, name: str
) -> tuple[datetime, bool]:
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
        raise _PropertyError(str(name).upper(), f"{name}: {problem}")
    start, all_day = _moment(event.get("DTSTART"), zone, diag, line, "DTSTART")
    end: datetime | None = None
    if event.get("DTEND") is not None:
        end, _ = _moment(event.get("DTEND"), zone, diag, line, "DTEND")
    elif event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        if not isinstance(duration, timedelta):
            raise _PropertyError(
                "DURATION", f"DURATION {_raw(event.get('DURATION'))} is not a length"
            )
        try:
            end = shift(start, duration)
        except OverflowError:
            raise _PropertyError(
                "DURATION",
                f"DURATION {_raw(event.get('DURATION'))} from DTSTART {_raw(event.get('DTSTART'))} "
                f"ends out of range (dates run from year 1 to {_LAST_YEAR})",
            ) from None
    elif all_day:
        try:
            end = midnight(start.date() + timedelta(days=1), zone)
        except OverflowError:
            raise _PropertyError(
                "DTSTART",
                f"DTSTART {_raw(event.get('DTSTART'))} is the last day of year {_LAST_YEAR}; "
                "its end is out of range",
            ) from None
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


def _first(value: object) -> object:
    """A property given several times (against RFC 5545) counts once, as first written."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _raw(prop: object) -> str:
    """A property's value as written in the file."""
    to_ical = getattr(prop, "to_ical", None)
    if to_ical is not None:
        try:
            written = to_ical()
        except Exception:  # a value icalendar read but cannot write back
            return "(unreadable)"
        return written.decode("utf-8", "replace") if isinstance(written, bytes) else str(written)
    return str(prop)


def _property_line(source: list[str], event_line: int, name: str) -> int:
    """The line of property `name` in the event starting at `event_line` (1-based)."""
    for index in range(max(event_line - 1, 0), len(source)):
        written = source[index].upper()
        if written.startswith((f"{name}:", f"{name};")):
            return index + 1
        if written.startswith("END:VEVENT"):
            break
    return event_line


_CONTENT_LINE = re.compile(r"^(BEGIN|END):(.*)$", re.IGNORECASE)


def _structure_problem(text: str, exc: Exception) -> tuple[int, str]:
    """Where a calendar that icalendar could not take apart goes wrong: an END that closes
    nothing or another component, a BEGIN never closed; else icalendar's own words."""
    open_components: list[tuple[str, int]] = []
    for number, written in enumerate(text.split("\n"), start=1):
        match = _CONTENT_LINE.match(written.strip())
        if match is None:
            continue
        kind, component = match.group(1).upper(), match.group(2).strip().upper()
        if kind == "BEGIN":
            open_components.append((component, number))
        elif not open_components or open_components[-1][0] != component:
            expected = f"END:{open_components[-1][0]}" if open_components else "nothing open"
            return number, f"END:{component} does not match ({expected} expected)"
        else:
            open_components.pop()
    if open_components:
        component, number = open_components[-1]
        return number, f"BEGIN:{component} is never closed"
    if isinstance(exc, ValueError):
        return 0, _short(exc)
    return 0, f"its structure could not be read ({type(exc).__name__}: {_short(exc)})"


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
