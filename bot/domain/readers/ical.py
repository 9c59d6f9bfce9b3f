""".ics files: each VCALENDAR becomes a schedule, each VEVENT a session."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from bot.domain.agenda import (
    Link,
    Recurrence,
    Schedule,
    Session,
    SourceRef,
    slugify,
    text_key,
    unique_ids,
)
from bot.domain.diagnostics import Diagnostics
from bot.domain.patterns import compiled
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown.kinds import kind_from_text, kind_of
from bot.domain.readers.markdown.speakers import parse_speakers
from bot.domain.readers.source import FIRST_YEAR, LAST_YEAR
from bot.domain.recurrence import (
    RecurrenceError,
    check_rule,
    occurrence_id,
    occurrence_starts,
    starts_on_day,
)
from bot.domain.zones.local_time import localize, midnight, shift
from bot.domain.zones.naming import fixed_offset, zone_name
from bot.domain.zones.resolve import iana_names

_BEGIN_EVENT = compiled(r"^BEGIN:VEVENT\s*$", re.MULTILINE | re.IGNORECASE)
_BEGIN_CALENDAR = compiled(r"^BEGIN:VCALENDAR\s*$", re.MULTILINE | re.IGNORECASE)


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
    changed: list[tuple[Component, int]] = []  # RECURRENCE-ID events: one occurrence each
    for event, event_line in zip(events, lines + [line] * (len(events) - len(lines)), strict=True):
        if event.get("RECURRENCE-ID") is not None:
            changed.append((event, event_line))
        elif str(event.get("STATUS", "")).upper() != "CANCELLED":
            drafts.append((event, event_line))
    uids = [_uid(e) for e, _ in drafts]
    ids = unique_ids(text_key(uid) for uid in uids)
    sessions: list[Session] = []
    series: dict[str, Session] = {}  # by UID: the first recurring event with it
    for (event, event_line), session_id, event_uid in zip(drafts, ids, uids, strict=True):
        try:
            session = _session(event, session_id, zone, diag, event_line)
            if event.get("RRULE") is not None:
                session = replace(session, start=_wall_start(event, session))
            repeat = _repeat(event, session, diag, event_line, source)
        except _PropertyError as exc:
            diag.error(_property_line(source, event_line, exc.name), f"event skipped: {exc}")
            continue
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            diag.error(event_line, f"event skipped: {_short(exc)}")
            continue
        if repeat is None:
            sessions.append(session)
        elif event_uid in series:
            diag.warn(event_line, f"a second recurring event with UID {event_uid}; read on its own")
            series[f"{event_uid}\n{session_id}"] = replace(session, repeat=repeat)
        else:
            series[event_uid] = replace(session, repeat=repeat)
    taken = {s.id for s in sessions} | {s.id for s in series.values()}
    overrides = _overrides(
        changed, series, sessions=sessions, taken=taken, zone=zone, diag=diag, source=source
    )
    everything = [*sessions, *series.values()]
    if not everything:
        return None
    name = calendar.get("X-WR-CALNAME") or calendar.get("NAME")
    title = str(name) if name else everything[0].title if len(everything) == 1 else key
    description = calendar.get("X-WR-CALDESC") or calendar.get("DESCRIPTION")
    return Schedule(
        id=slugify(key) or key,
        title=title,
        timezone=zone,
        sessions=tuple(sorted(sessions, key=_order)),
        source=SourceRef(diag.file, line),
        description=str(description) if description else None,
        series=tuple(sorted(series.values(), key=_order)),
        overrides=tuple(sorted(overrides, key=_order)),
    )


def _order(session: Session) -> tuple[datetime, int]:
    return (session.start.astimezone(UTC), session.line)


def _uid(event: Component) -> str:
    return str(event.get("UID") or event.get("SUMMARY") or "event")


def _repeat(
    event: Component, session: Session, diag: Diagnostics, line: int, source: list[str]
) -> Recurrence | None:
    """How a VEVENT repeats (RRULE, EXDATE, RDATE), or None for a one-off event."""
    rules = _as_list(event.get("RRULE"))
    if not rules and event.get("RDATE") is None:
        return None
    if len(rules) > 1:
        diag.warn(
            _property_line(source, line, "RRULE"),
            f"RRULE is given {len(rules)} times; the first is read",
        )
    if rules:
        try:
            rule = check_rule(_raw(rules[0]), session.start)
        except RecurrenceError as exc:
            raise _PropertyError("RRULE", f"RRULE {exc}") from None
    else:
        rule = _RDATES_ONLY
    if not _EARLIEST <= session.start < _LATEST:
        raise _PropertyError(
            "DTSTART",
            f"a recurring event must start between the years {FIRST_YEAR} and {LAST_YEAR} "
            f"(DTSTART {session.start.date().isoformat()})",
        )
    exdates = _occurrence_list(event, "EXDATE", session, diag=diag, line=line, source=source)
    exdates = _whole_days(event, replace(session, repeat=Recurrence(rule)), exdates)
    rdates = _occurrence_list(event, "RDATE", session, diag=diag, line=line, source=source)
    repeat = Recurrence(rule, exdates, rdates)
    try:  # a rule that meets too often, or that dateutil cannot follow, is refused now
        occurrence_starts(replace(session, repeat=repeat), session.start, session.start + _TRIAL)
    except (RecurrenceError, ValueError, OverflowError) as exc:
        raise _PropertyError("RRULE", f"RRULE {_raw(rules[0]) if rules else ''}: {exc}") from None
    return repeat


def _whole_days(
    event: Component, series: Session, exdates: tuple[datetime, ...]
) -> tuple[datetime, ...]:
    """An EXDATE that is a date (no time) skips every meeting of that day, not only the one at
    DTSTART's time (a series that meets twice a day)."""
    if series.all_day:
        return exdates
    found = {m.timestamp(): m for m in exdates}
    for prop in _as_list(event.get("EXDATE")):
        for item in getattr(prop, "dts", []):
            value = item.dt
            if isinstance(value, date) and not isinstance(value, datetime):
                for moment in starts_on_day(series, value):
                    found.setdefault(moment.timestamp(), moment)
    return tuple(found[key] for key in sorted(found))


def _wall_start(event: Component, session: Session) -> datetime:
    """A series' first start as written: a DTSTART that falls into a DST gap keeps its wall
    clock (the same instant, read with the offset before the gap), so that the rule repeats at
    the time the organizer wrote (RFC 5545 section 3.3.10), not at the time the gap moved it to."""
    value = getattr(_first(event.get("DTSTART")), "dt", None)
    if not isinstance(value, datetime) or session.all_day:
        return session.start
    written = value.replace(tzinfo=session.start.tzinfo, fold=0)
    if written.astimezone(UTC) == session.start.astimezone(UTC):
        return written
    return session.start


# RDATE without RRULE: DTSTART and the listed dates, nothing else.
_RDATES_ONLY = "FREQ=DAILY;COUNT=1"
# A new series is expanded over its first year when read, to refuse runaway rules at once.
_TRIAL = timedelta(days=366)
_EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
_LATEST = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC)


def _occurrence_list(
    event: Component,
    name: str,
    series: Session,
    *,
    diag: Diagnostics,
    line: int,
    source: list[str],
) -> tuple[datetime, ...]:
    """The instants of every EXDATE or RDATE value (lists, repeated properties, TZID, UTC,
    floating, DATE), in the series' zone. RDATE PERIODs are reported and left out."""
    found: dict[float, datetime] = {}
    for prop in _as_list(event.get(name)):
        for item in getattr(prop, "dts", []):
            value = item.dt
            if isinstance(value, tuple):
                diag.warn(
                    _property_line(source, line, name),
                    f"{name} {_raw(item)} is a PERIOD; only dates and date-times are read, "
                    "so it is left out",
                )
                continue
            params = {**getattr(prop, "params", {}), **getattr(item, "params", {})}
            moment = _occurrence_moment(value, params, series)
            found.setdefault(moment.timestamp(), moment)
    return tuple(found[key] for key in sorted(found))


def _occurrence_moment(value: object, params: Mapping[str, str], series: Session) -> datetime:
    """An EXDATE, RDATE or RECURRENCE-ID value as an instant in the series' zone: floating
    times read in that zone, a DATE as the series' start time on that day."""
    zone = series.start.tzinfo
    assert zone is not None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return localize(value, zone).moment
        tzid = params.get("TZID")
        iana = _iana(str(tzid)) if tzid else None
        if iana:
            value = localize(value.replace(tzinfo=None), ZoneInfo(iana)).moment
        return value.astimezone(zone)
    if isinstance(value, date):
        if series.all_day:
            return midnight(value, zone)
        return localize(datetime.combine(value, series.start.time()), zone).moment
    raise ValueError(f"{value!r} is not a date or date-time")


def _overrides(
    changed: list[tuple[Component, int]],
    series: dict[str, Session],
    *,
    sessions: list[Session],
    taken: set[str],
    zone: tzinfo,
    diag: Diagnostics,
    source: list[str],
) -> list[Session]:
    """The RECURRENCE-ID events: each changes one occurrence of the series with its UID (a
    cancelled one becomes an EXDATE of it); one without a series is read as a single event
    (added to `sessions`)."""
    found: dict[tuple[str, float], Session] = {}
    for event, line in changed:
        event_uid = _uid(event)
        master = series.get(event_uid)
        cancelled = str(event.get("STATUS", "")).upper() == "CANCELLED"
        where = _property_line(source, line, "RECURRENCE-ID")
        try:
            if master is None or master.repeat is None:
                if cancelled:
                    continue
                diag.warn(
                    where,
                    f"RECURRENCE-ID: no recurring event with UID {event_uid} in this calendar; "
                    "read as a single event",
                )
                session = _session(event, "", zone, diag, line)
                wanted = next(
                    candidate
                    for n in range(1, len(taken) + 2)
                    if (candidate := _numbered(f"{text_key(event_uid)}-{session.start:%Y%m%d}", n))
                    not in taken
                )
                taken.add(wanted)
                sessions.append(replace(session, id=wanted))
                continue
            prop = _first(event.get("RECURRENCE-ID"))
            params = getattr(prop, "params", {})
            if str(params.get("RANGE", "")).upper() == "THISANDFUTURE":
                diag.warn(where, "RANGE=THISANDFUTURE: only this one occurrence is changed")
            recurrence_id = _occurrence_moment(getattr(prop, "dt", None), params, master)
            if cancelled:
                repeat = replace(master.repeat, exdates=(*master.repeat.exdates, recurrence_id))
                series[event_uid] = replace(master, repeat=repeat)
                continue
            key = (event_uid, recurrence_id.timestamp())
            moment = recurrence_id + timedelta(seconds=1)
            if recurrence_id.timestamp() not in {
                m.timestamp() for m in occurrence_starts(master, recurrence_id, moment)
            }:
                diag.warn(
                    where,
                    f"RECURRENCE-ID {_raw(prop)} is not an occurrence of its recurring event; "
                    "this change is left out",
                )
                continue
            if key in found:
                diag.warn(where, f"RECURRENCE-ID {_raw(prop)} is changed twice; the first is kept")
                continue
            session = _session(event, occurrence_id(master, recurrence_id), zone, diag, line)
            found[key] = replace(session, series_id=master.id, recurrence_id=recurrence_id)
        except _PropertyError as exc:
            diag.error(_property_line(source, line, exc.name), f"event skipped: {exc}")
        except (
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            OverflowError,
            RecurrenceError,
        ) as exc:
            diag.error(line, f"event skipped: {_short(exc)}")
    return list(found.values())


def _numbered(key: str, number: int) -> str:
    return key if number == 1 else f"{key}-{number}"


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


_CONTENT_LINE = compiled(r"^(BEGIN|END):(.*)$", re.IGNORECASE)


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
