"""The native YAML agenda format: exact, for organizers who want no guessing.

Its JSON Schema is `agenda.schema.json` beside this file; every document is checked against it
before it is read. A bad session is reported and skipped; the other sessions stay.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from bot.domain.agenda import (
    Link,
    Recurrence,
    Schedule,
    Session,
    SessionKind,
    SourceRef,
    Speaker,
    primary_language,
    slugify,
    text_key,
    unique_ids,
)
from bot.domain.diagnostics import Diagnostics
from bot.domain.patterns import compiled
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.languages import language_tag
from bot.domain.readers.markdown.kinds import kind_of
from bot.domain.readers.markdown.speakers import parse_speaker
from bot.domain.readers.safe_yaml import LineDict, YamlError, load_yaml_documents
from bot.domain.recurrence import (
    RecurrenceError,
    check_rule,
    occurrence_starts,
    rule_start,
    starts_on_day,
)
from bot.domain.timetext.dates import DateError
from bot.domain.timetext.recurrence_phrases import (
    ANCHOR,
    DAY_CODES,
    Repetition,
    first_matching_day,
    looks_like_rrule,
    read_repetition,
    rule_part,
)
from bot.domain.zones.local_time import elapsed, localize, midnight, shift
from bot.domain.zones.resolve import UnknownZoneError


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the native format."""
    text = resources.files(__package__).joinpath("agenda.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


def read_native(
    text: str, diagnostics: Diagnostics, options: ReadOptions, stem: str
) -> list[Schedule]:
    """Every schedule in a YAML stream (one per document)."""
    try:
        documents = load_yaml_documents(text)
    except YamlError as exc:
        diagnostics.error(exc.line + 1, f"invalid YAML: {exc}")
        return []
    documents = [d for d in documents if d is not None]
    keys = [stem if len(documents) == 1 else f"{stem}-{i + 1}" for i in range(len(documents))]
    schedules = []
    for document, key in zip(documents, keys, strict=True):
        schedule = _read_document(document, diagnostics, options, key)
        if schedule is not None:
            schedules.append(schedule)
    return schedules


def _line_of(document: Any, path: list[str | int]) -> int:
    """The line of the deepest mapping key along a JSON path."""
    node = document
    line = getattr(document, "line", 1)
    for part in path:
        if isinstance(node, LineDict) and isinstance(part, str):
            line = node.key_lines.get(part, line)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line


def _read_document(
    document: Any, diag: Diagnostics, options: ReadOptions, key: str
) -> Schedule | None:
    # Lines come from the YAML marks, which count from the start of the whole stream.
    if not isinstance(document, dict):
        diag.error(0, "an agenda document must be a mapping with title, timezone and sessions")
        return None
    bad_sessions: set[int] = set()
    bad_capacity = False
    unread: set[str] = set()  # `language` or `titles` that failed the schema: read without
    fatal = False
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path))):
        path = list(error.absolute_path)
        where = ".".join(str(p) for p in path) or "document"
        diag.error(_line_of(document, path), f"{where}: {error.message}")
        if len(path) >= 2 and path[0] == "sessions" and isinstance(path[1], int):
            bad_sessions.add(path[1])
        elif path[:1] == ["capacity"]:
            bad_capacity = True  # reported; the agenda is read without it
        elif path[:1] in (["language"], ["titles"]):
            unread.add(str(path[0]))  # reported; the agenda is read in its one language
        else:
            fatal = True
    if fatal:
        return None
    line = getattr(document, "line", 1)
    try:
        day = _day(document["date"], "date") if "date" in document else None
    except _FieldError as exc:
        diag.error(_line_of(document, ["date"]), str(exc))
        return None
    try:
        tz = options.resolver.parse(document["timezone"], day).tz
    except (UnknownZoneError, ValueError, OverflowError) as exc:
        diag.error(_line_of(document, ["timezone"]), f"timezone: {exc}")
        return None
    language = None if "language" in unread else _language(document, diag)
    raw_sessions = document["sessions"]
    keep = [i for i in range(len(raw_sessions)) if i not in bad_sessions]
    explicit = [raw_sessions[i].get("id") for i in keep]
    generated = unique_ids(text_key(raw_sessions[i]["title"]) for i in keep)
    ids = [e or g for e, g in zip(explicit, generated, strict=True)]
    duplicates = {i for i in ids if ids.count(i) > 1}
    sessions = []
    series = []
    for index, session_id in zip(keep, ids, strict=True):
        raw = raw_sessions[index]
        at = getattr(raw, "line", line)
        if session_id in duplicates:
            diag.error(at, f"sessions.{index}: id {session_id!r} is used twice; skipped")
            continue
        try:
            if "repeat" in raw:
                repeat = _Repeat(raw, default_day=day, tz=tz, options=options, diag=diag, line=at)
                series.append(
                    repeat.session(
                        _session(
                            raw, session_id, repeat.day, tz, diag=diag, line=at, language=language
                        )
                    )
                )
            else:
                sessions.append(
                    _session(raw, session_id, day, tz, diag=diag, line=at, language=language)
                )
        except _FieldError as exc:
            diag.error(raw.key_lines.get(exc.field, at), f"sessions.{index}: {exc}")
        except (ValueError, OverflowError) as exc:
            diag.error(at, f"sessions.{index}: {exc}")
    if not sessions and not series:
        diag.error(line, "no session could be read")
        return None
    sessions.sort(key=lambda s: (s.start.astimezone(UTC), s.line))
    series.sort(key=lambda s: (s.start.astimezone(UTC), s.line))
    return Schedule(
        id=document.get("id") or slugify(key) or key,
        title=document["title"],
        timezone=tz,
        sessions=tuple(sessions),
        source=SourceRef(diag.file, line),
        description=document.get("description"),
        url=document.get("url"),
        venue=document.get("venue"),
        series=tuple(series),
        capacity=None if bad_capacity or "capacity" not in document else int(document["capacity"]),
        language=language,
        titles=() if "titles" in unread else _titles(document, language, diag, line),
    )


def _language(document: Mapping[str, Any], diag: Diagnostics) -> str | None:
    """The agenda's `language`, in its usual spelling; one no reader knows is a warning."""
    if "language" not in document:
        return None
    tag = language_tag(document["language"])
    if tag is None:
        diag.warn(
            _line_of(document, ["language"]),
            f"language {document['language']!r} is not a language this bot knows; ignored",
        )
    return tag


def _titles(
    raw: Mapping[str, Any], language: str | None, diag: Diagnostics, line: int = 0
) -> tuple[tuple[str, str], ...]:
    """`titles` of an agenda or a session as (language, title) pairs; a language no reader
    knows, or the agenda's own, is a warning and left out."""
    found: list[tuple[str, str]] = []
    at = raw.key_lines.get("titles", line) if isinstance(raw, LineDict) else line
    for key, title in (raw.get("titles") or {}).items():
        tag = language_tag(key)
        if tag is None:
            diag.warn(at, f"titles: {key!r} is not a language this bot knows; ignored")
        elif language is not None and primary_language(tag) == primary_language(language):
            diag.warn(at, f"titles: {key!r} is the agenda's own language; `title` is used")
        elif all(primary_language(tag) != primary_language(lang) for lang, _ in found):
            found.append((tag, title.strip()))
    return tuple(found)


_CLOCK = compiled(r"^(\d{1,2}):(\d{2})$")
_LONGEST_MINUTES = 43200  # 30 days, as the schema bounds a duration given in minutes
_RANGE = "dates run from year 1 to 9999"


class _FieldError(ValueError):
    """A session value that passed the schema but makes no sense; knows which field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _FieldError(what, f"{what} {value!r} is not a calendar date") from None


def _moment(
    value: str, day: date | None, tz: tzinfo, *, diag: Diagnostics, line: int, what: str
) -> tuple[datetime, bool]:
    """A start or end: (instant, is_date_only). A value that is no date, or out of range in
    `tz`, is an error that names its field."""
    try:
        return _read_moment(value, day, tz, diag=diag, line=line, what=what)
    except _FieldError:
        raise
    except OverflowError:
        raise _FieldError(what, f"{what} {value!r} is out of range ({_RANGE})") from None
    except ValueError as exc:
        raise _FieldError(what, f"{what} {value!r} is not a date and time ({exc})") from None


def _read_moment(
    value: str, day: date | None, tz: tzinfo, *, diag: Diagnostics, line: int, what: str
) -> tuple[datetime, bool]:
    value = value.strip()
    clock = _CLOCK.match(value)
    if clock:
        if day is None:
            raise _FieldError(
                what, f"{what} {value!r} needs a date (set `date` on the session or the agenda)"
            )
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise _FieldError(what, f"{what} {value!r} is not a time of day")
        wall = datetime.combine(day, time(hour, minute))
        return _localized(wall, tz, diag, line), False
    if len(value) == 10:
        return midnight(date.fromisoformat(value), tz), True
    parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
    if parsed.tzinfo is not None:
        return parsed.astimezone(tz), False
    return _localized(parsed, tz, diag, line), False


def _localized(wall: datetime, tz: tzinfo, diag: Diagnostics, line: int) -> datetime:
    result = localize(wall, tz)
    if result.note:
        diag.warn(line, result.note)
    return result.moment


def _duration(value: int | str) -> timedelta:
    if isinstance(value, int):
        minutes = value
    else:
        hours = re.search(r"(\d+)\s*h", value)
        parts = re.search(r"(\d+)\s*m", value)
        minutes = (int(hours.group(1)) * 60 if hours else 0) + (int(parts.group(1)) if parts else 0)
    if minutes > _LONGEST_MINUTES:
        raise _FieldError("duration", f"duration {value!r} is longer than 30 days")
    return timedelta(minutes=minutes)


def _session(
    raw: dict[str, Any],
    session_id: str,
    default_day: date | None,
    tz: tzinfo,
    *,
    diag: Diagnostics,
    line: int,
    language: str | None = None,
) -> Session:
    day = _day(raw["date"], "date") if "date" in raw else default_day
    start, date_only = _moment(raw["start"], day, tz, diag=diag, line=line, what="start")
    all_day = bool(raw.get("all_day", date_only))
    if all_day:
        first_day = start.astimezone(tz).date() if not date_only else _day(raw["start"], "start")
        start = _in_range("start", raw["start"], lambda: midnight(first_day, tz))
    end: datetime | None = None
    if "end" in raw:
        end_day = start.astimezone(tz).date() if _CLOCK.match(raw["end"].strip()) else day
        end, end_date_only = _moment(raw["end"], end_day, tz, diag=diag, line=line, what="end")
        if all_day and end_date_only:
            last_day = _day(raw["end"], "end")
            end = _in_range("end", raw["end"], lambda: midnight(last_day + timedelta(days=1), tz))
        if elapsed(end, start) <= timedelta(0):
            raise _FieldError(
                "end",
                f"end {raw['end']} is before start {raw['start']}"
                if elapsed(end, start) < timedelta(0)
                else f"end {raw['end']} is the same as start",
            )
    elif "duration" in raw:
        length = _duration(raw["duration"])
        end = _in_range("duration", raw["duration"], lambda: shift(start, length))
    elif all_day:
        end = _in_range(
            "start", raw["start"], lambda: midnight(start.date() + timedelta(days=1), tz)
        )
    kind = SessionKind(raw["kind"]) if "kind" in raw else kind_of(raw["title"])
    return Session(
        id=session_id,
        title=raw["title"].strip(),
        start=start,
        end=end,
        all_day=all_day,
        speakers=tuple(_speaker(s) for s in raw.get("speakers", [])),
        kind=SessionKind.EVENT if all_day and "kind" not in raw else kind,
        track=raw.get("track"),
        location=raw.get("location"),
        links=tuple(_link(link) for link in raw.get("links", [])),
        description=raw.get("description"),
        line=line,
        titles=_titles(raw, language, diag, line),
    )


class _Repeat:
    """A session's `repeat` and `except`: the rule (an RRULE value or words), the first day when
    `start` gives only a time, and the skipped meetings."""

    def __init__(
        self,
        raw: dict[str, Any],
        *,
        default_day: date | None,
        tz: tzinfo,
        options: ReadOptions,
        diag: Diagnostics,
        line: int,
    ) -> None:
        self.raw = raw
        self.tz = tz
        self.diag = diag
        self.line = raw.key_lines.get("repeat", line) if isinstance(raw, LineDict) else line
        text = raw["repeat"].strip()
        self.phrase: Repetition | None = None
        if looks_like_rrule(text):
            self.rule = text[6:] if text.upper().startswith("RRULE:") else text
        else:
            phrase = read_repetition(text, options.resolver.find)
            if phrase is None:
                raise _FieldError(
                    "repeat",
                    f"repeat {text!r} is neither an RRULE (FREQ=WEEKLY;BYDAY=TH) nor a "
                    "recurrence in words (every Thursday, first Wednesday of every month)",
                )
            if phrase.problems:
                raise _FieldError("repeat", f"repeat: {'; '.join(phrase.problems)}")
            for note in phrase.notes:
                diag.warn(self.line, f"repeat: {note}")
            self.phrase = phrase
            self.rule = phrase.rule
        day = _day(raw["date"], "date") if "date" in raw else default_day
        start_text = raw["start"].strip()
        if _CLOCK.match(start_text) is None:
            day = date.fromisoformat(start_text[:10])
        elif self.phrase is not None and self.phrase.first is not None and "date" not in raw:
            try:
                day = self.phrase.first.resolve(None)[0]
            except DateError as exc:
                raise _FieldError("repeat", f"repeat: {exc}") from None
        if day is None and self.phrase is not None and self.phrase.needs_a_day:
            raise _FieldError("repeat", f"repeat: {self.phrase.day_problem(text)}")
        if day is None:
            if _interval(self.rule) > 1:
                raise _FieldError(
                    "repeat",
                    f"repeat {text!r} does not say which weeks: give `start` (or `date`) the "
                    "date of one meeting",
                )
            day = ANCHOR
        self.stated = _CLOCK.match(start_text) is None or "date" in raw or day != ANCHOR
        if rule_part(self.rule, "FREQ") == "WEEKLY" and rule_part(self.rule, "BYDAY") is None:
            self.rule = f"{self.rule};BYDAY={DAY_CODES[day.weekday()]}"
        try:
            first = first_matching_day(self.rule, day)
        except (ValueError, TypeError) as exc:
            raise _FieldError(
                "repeat", f"repeat {text!r} does not read as an RRULE: {exc}"
            ) from None
        if first is None:
            raise _FieldError("repeat", f"repeat {text!r} never meets")
        if first != day and self.stated:
            diag.warn(
                self.line,
                f"repeat: {day.isoformat()} is not a day {text!r} meets; the first meeting is "
                f"{first.isoformat()}",
            )
        self.day = first

    def session(self, session: Session) -> Session:
        """`session` (its start on the first meeting) as a series."""
        start = session.start
        clock = self._written_clock(start)
        if start.astimezone(self.tz).date() != self.day:
            moved = localize(datetime.combine(self.day, clock), self.tz)
            length = None if session.end is None else elapsed(session.end, start)
            start = moved.moment
            session = replace(
                session, start=start, end=None if length is None else shift(start, length)
            )
        # Written wall clock kept: a first start in a DST gap moves, the rule's time does not.
        start = rule_start(start, datetime.combine(self.day, clock))
        session = replace(session, start=start)
        self._check_phrase(start)
        try:
            rule = check_rule(self.rule, start)
        except RecurrenceError as exc:
            raise _FieldError("repeat", f"repeat: {exc}") from None
        exdates = self._exdates(session, rule)
        return replace(session, repeat=Recurrence(rule, exdates=tuple(exdates)))

    def _written_clock(self, start: datetime) -> time:
        """The time of day `start` gives as written ("02:30", even where a DST gap moved the
        instant to 03:30); a start with its own offset is an instant, taken as it reads."""
        text = self.raw["start"].strip()
        clock = _CLOCK.match(text)
        if clock is not None:
            return time(int(clock.group(1)), int(clock.group(2)))
        if len(text) > 10:
            with contextlib.suppress(ValueError):
                written = datetime.fromisoformat(text.replace(" ", "T", 1))
                if written.tzinfo is None:
                    return written.time()
        return start.astimezone(self.tz).time()

    def _check_phrase(self, start: datetime) -> None:
        """Words with a time or zone ("every Wednesday at 5pm UTC") must agree with `start`."""
        phrase = self.phrase
        if phrase is None or phrase.clock is None:
            return
        local = start.astimezone(self.tz)
        if phrase.clock.start != local.time().replace(second=0, microsecond=0):
            raise _FieldError(
                "repeat",
                f"repeat says {phrase.clock.start:%H:%M} but start is {local:%H:%M}; give the "
                "time in `start` only",
            )

    def _exdates(self, session: Session, rule: str) -> list[datetime]:
        series = replace(session, repeat=Recurrence(rule))
        clock = session.start.astimezone(self.tz).time()
        found: list[datetime] = []
        words = []
        if self.phrase is not None:
            words = [d.resolve(session.start.date())[0] for d in self.phrase.skipped]
        values: list[date | str] = [*words, *self.raw.get("except", [])]
        for value in values:
            if isinstance(value, str) and len(value.strip()) > 10:
                moment, _ = _moment(
                    value, None, self.tz, diag=self.diag, line=self.line, what="except"
                )
            else:
                day = value if isinstance(value, date) else _day(value, "except")
                on_day = starts_on_day(series, day)  # a date skips every meeting that day
                if on_day:
                    found.extend(on_day)
                    continue
                moment = localize(datetime.combine(day, clock), self.tz).moment
            if occurrence_starts(series, moment, moment + timedelta(minutes=1)):
                found.append(moment)
            else:
                self.diag.warn(
                    self.line,
                    f"except: {value} is not a meeting of {session.title!r}; nothing skipped",
                )
        return sorted(set(found))


def _interval(rule: str) -> int:
    value = rule_part(rule, "INTERVAL") or "1"
    return int(value) if value.isdigit() else 1


def _in_range(what: str, value: object, compute: Callable[[], datetime]) -> datetime:
    """`compute()`, or an error naming `what` when it leaves the range of dates."""
    try:
        return compute()
    except OverflowError:
        raise _FieldError(
            what, f"{what} {value!r} takes the session out of range ({_RANGE})"
        ) from None


def _speaker(value: str | dict[str, str]) -> Speaker:
    if isinstance(value, str):
        return parse_speaker(value)
    return Speaker(value["name"].strip(), (value.get("affiliation") or "").strip() or None)


def _link(value: str | dict[str, str]) -> Link:
    if isinstance(value, str):
        return Link(value)
    return Link(value["url"], value.get("label", ""))
