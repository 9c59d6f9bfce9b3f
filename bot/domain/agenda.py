"""The agenda model: schedules and their sessions, with aware datetimes only."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from bot.domain.patterns import compiled
from bot.domain.zones.naming import zone_name


class SessionKind(StrEnum):
    TALK = "talk"
    KEYNOTE = "keynote"
    PANEL = "panel"
    WORKSHOP = "workshop"
    LIGHTNING = "lightning"
    BREAK = "break"
    MEAL = "meal"
    REGISTRATION = "registration"
    OPENING = "opening"
    CLOSING = "closing"
    NETWORKING = "networking"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person on a session. `profile` is the id of their speaker profile
    (`bot.domain.speakers`), when one is known by any of their names. `language` is set when
    the speaker was named only in a translation of the agenda (`石泽寰` on the Chinese page of
    an English one): see `Session.speakers_in`."""

    name: str
    affiliation: str | None = None
    profile: str | None = None
    language: str | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class SourceRef:
    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class Recurrence:
    """How a recurring session repeats (see `bot.domain.recurrence`).

    `rule` is the value of an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;BYDAY=1WE"),
    read in the zone of the series' first start: the wall clock stays ("every Thursday 10:00
    America/Los_Angeles" is 17:00 or 18:00 UTC by season; in UTC it stays at UTC). `exdates` are
    starts of occurrences that do not happen (a skipped date, a cancelled meeting), `rdates`
    starts of extra ones; both aware.
    """

    rule: str
    exdates: tuple[datetime, ...] = ()
    rdates: tuple[datetime, ...] = ()


@dataclass(frozen=True, slots=True)
class Session:
    """One entry of an agenda.

    `start` and `end` are aware. `end` is exclusive and None when the agenda does not say. An
    all-day session starts at local midnight of its first day in the schedule's zone and ends at
    midnight after its last day, as in iCalendar.

    Recurring meetings: a series is a session with `repeat` set (its `start` is the first
    occurrence, iCalendar's DTSTART), kept in `Schedule.series`. Each occurrence, as the agenda
    views, reminders and commands see it, is a plain session with `series_id` (the series' id)
    and `recurrence_id` (its start as the rule gives it, iCalendar's RECURRENCE-ID); an
    occurrence changed on its own (moved, retitled) is kept in `Schedule.overrides`.
    """

    id: str
    title: str
    start: datetime
    end: datetime | None = None
    all_day: bool = False
    speakers: tuple[Speaker, ...] = ()
    kind: SessionKind = SessionKind.TALK
    track: str | None = None
    location: str | None = None
    links: tuple[Link, ...] = ()
    description: str | None = None
    line: int = 0
    repeat: Recurrence | None = None
    series_id: str | None = None
    recurrence_id: datetime | None = None
    # The title in other languages, as (language, title) pairs ("zh", "..."), when the agenda
    # is published in more than one (a page and its translation merged into one schedule).
    titles: tuple[tuple[str, str], ...] = ()

    def speakers_in(self, language: str | None) -> tuple[Speaker, ...]:
        """The speakers to show a reader of `language` (None: the agenda's own): those the
        agenda names in its own language, those named only in a translation when it is the
        reader's, and every speaker with a profile (whose name it gives in any language)."""
        wanted = primary_language(language)
        own = [s for s in self.speakers if s.language is None]
        theirs = [
            s
            for s in self.speakers
            if s.language is not None and wanted is not None
            if primary_language(s.language) == wanted
        ]
        # The translation's own list when it names the speakers for this reader, else the
        # agenda's; then whoever else has a profile (named in any language), once each.
        shown = theirs or own
        seen = {s.profile for s in shown if s.profile is not None}
        for speaker in self.speakers:
            if speaker.profile is not None and speaker.profile not in seen:
                seen.add(speaker.profile)
                shown.append(speaker)
        return tuple(shown)

    def title_in(self, language: str | None) -> str:
        """The title in `language` ("zh", "zh-CN", "en-US": matched on the primary subtag),
        or `title` when the agenda has none in it."""
        return _in_language(self.title, self.titles, language)

    def __post_init__(self) -> None:
        for name in ("start", "end", "recurrence_id"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"session {self.id!r}: {name} must be an aware datetime")

    @property
    def first_day(self) -> date:
        """The first day as the organizers see it (meaningful for all-day sessions)."""
        return self.start.date()

    @property
    def last_day(self) -> date:
        """The last day, inclusive, as the organizers see it."""
        if self.end is None:
            return self.start.date()
        return (self.end - timedelta(microseconds=1)).date() if self.all_day else self.end.date()


@dataclass(frozen=True, slots=True)
class Schedule:
    """One event's agenda: where it came from, its zone, and its sessions in start order.

    `series` are its recurring sessions (each with `repeat`), `overrides` the single occurrences
    of a series changed on their own. `sessions` holds the one-off sessions and, once the agenda
    is expanded over a window of time (`bot.domain.recurrence.expanded`), the occurrences in it.
    """

    id: str
    title: str
    timezone: tzinfo
    sessions: tuple[Session, ...]
    source: SourceRef
    description: str | None = None
    url: str | None = None
    venue: str | None = None
    series: tuple[Session, ...] = ()
    overrides: tuple[Session, ...] = ()
    capacity: int | None = None  # seats, when the page limits them ("限额 100 人", `capacity: 80`)
    language: str | None = None  # the language `title` and the sessions' titles are in
    titles: tuple[tuple[str, str], ...] = ()  # the title in other languages, as for sessions

    def title_in(self, language: str | None) -> str:
        return _in_language(self.title, self.titles, language)

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language the agenda is published in, its own first."""
        own = (self.language,) if self.language else ()
        return own + tuple(lang for lang, _ in self.titles if lang != self.language)

    @property
    def timezone_name(self) -> str:
        return zone_name(self.timezone)


def primary_language(tag: str | None) -> str | None:
    """ "zh" for "zh-CN", "zh_Hans" or "ZH"; None for nothing."""
    if not tag:
        return None
    return tag.replace("_", "-").split("-", 1)[0].strip().lower() or None


def text_in(pairs: Iterable[tuple[str, str]], language: str | None) -> str | None:
    """The text of the (language, text) pair in `language` (matched on the primary subtag:
    "zh-CN" finds "zh"); None when there is none, or no language is asked for."""
    wanted = primary_language(language)
    if wanted is None:
        return None
    return next((text for lang, text in pairs if primary_language(lang) == wanted), None)


def _in_language(title: str, titles: tuple[tuple[str, str], ...], language: str | None) -> str:
    found = text_in(titles, language)
    return title if found is None else found


_NON_WORD = compiled(r"[^a-z0-9]+")


def slugify(text: str, limit: int = 48) -> str:
    """An ASCII slug for ids and file names; empty when the text has no Latin letters or digits."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = _NON_WORD.sub("-", folded).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug


def text_key(text: str, prefix: str = "s") -> str:
    """A slug of the text, or a short digest of it when it has nothing to slug (CJK titles)."""
    slug = slugify(text)
    if slug:
        return slug
    digest = hashlib.sha1(text.strip().encode(), usedforsecurity=False).hexdigest()[:10]
    return f"{prefix}-{digest}"


def unique_ids(keys: Iterable[str]) -> list[str]:
    """Number repeated keys in order: the second "coffee-break" becomes "coffee-break-2".

    Ids built this way survive re-reading: an unchanged row keeps its id as long as no row with
    the same title is inserted before it. A numbered id never takes a key another row has.
    """
    wanted = list(keys)
    taken = set(wanted)
    seen: Counter[str] = Counter()
    result: list[str] = []
    for key in wanted:
        seen[key] += 1
        candidate = key
        if seen[key] > 1:
            number = seen[key]
            candidate = f"{key}-{number}"
            while candidate in taken:
                number += 1
                candidate = f"{key}-{number}"
            taken.add(candidate)
        result.append(candidate)
    return result
