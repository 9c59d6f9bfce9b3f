"""Which zone an event's times are in: what the page states, else what its context tells.

The walk records every zone *statement* (a date line, a "Time zone:" line, a table header, and a
sentence, bullet, heading or footnote that names a zone) with the event section it sits in, and
every *place* the page names (title, venue line, front matter fields, the site's name). Deciding
happens once the walk is done, strongest first:

1. the front matter zone field (`timezone`, `time_zone`, `tz`, `zone`, ...);
2. a statement in the event's own section;
3. a page-level statement: before the first event, or worded for all ("All times are CET");
4. a zone written on the session rows themselves;
5. a statement in another event's section of the same page, unless the event names its own place;
6. from context, each with a warning naming its source: the offset of a front matter datetime
   narrowed by the places and the language; a place; the page's language;
7. the configured default, with a warning.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cached_property
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.patterns import compiled
from bot.domain.readers.markdown.drafts import EventDraft, offset_on
from bot.domain.timetext.clock import find_clock_spans
from bot.domain.timetext.dates import MONTHS, WEEKDAYS
from bot.domain.zones.abbreviations import Abbreviation
from bot.domain.zones.naming import fixed_offset, format_offset, zone_country, zone_name
from bot.domain.zones.places import find_places, homonym_in
from bot.domain.zones.resolve import ZoneMention

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

# Words that make an abbreviation in prose a statement about times ("All times are CET").
_TIME_WORDS = compiled(
    r"(?i)\b(?:times?|timezone|time\s*zone|zone|clock|local|hora(?:rio|s)?|horário|heures?|"
    r"fuseau|zeit|uhrzeit|uhr|ora(?:rio)?)\b|时间|時間|时区|時區|タイムゾーン|시간|표준시"
)
# Words that make a statement page-wide wherever it stands.
_ALL_WORDS = compiled(
    r"(?i)\b(?:all|every|below|above|throughout|todos?|todas?|toutes?|tous|alle[ns]?|sämtliche)\b"
    r"|所有|全部|以下|すべて|全て|모든"
)
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)  # "15 March": not March, England
_COMPARABLE = 3  # a homonym a third as big as the city a name first finds is a rival for it
_PROSE_PLACE_FROM = 100_000  # a town named in running text counts only if it is a city
_LANGUAGE_ZONES = {
    "Korean": "Asia/Seoul",
    "Japanese": "Asia/Tokyo",
    "Chinese": "Asia/Shanghai",
    "German": "Europe/Berlin",
    "French": "Europe/Paris",
    "Italian": "Europe/Rome",  # (Ticino's Zurich keeps Rome's clock)
    "Dutch": "Europe/Amsterdam",  # (and Brussels')
    "Polish": "Europe/Warsaw",
    "Czech": "Europe/Prague",
}
_STOPWORDS = {
    "English": r"the|and|with|for|we|our|is|are|of|to|will|you",
    "German": r"und|der|die|das|mit|für|wir|uhr|ist|nicht|auf|eine?|zum|zur|bei",
    "French": r"le|la|les|et|des|du|avec|pour|nous|est|une|sur|au|aux",
    "Spanish": r"el|los|las|con|para|y|del|una|es|por|nos",
    "Portuguese": r"com|para|uma|não|são|às|os|do|da|em|no|na|nosso",
    "Italian": r"il|gli|della|delle|degli|per|che|sono|alle|nella|è|ci|si|di",
    "Dutch": r"het|een|van|voor|wij|zijn|niet|ook|bij|naar|deze|uur|wordt",
    "Polish": r"się|nie|jest|oraz|dla|przez|będzie|jak|można|który|która",
    "Czech": r"jsou|pro|není|také|nebo|bude|jsme|který|která|přednáška",
}
_WORDS = {lang: compiled(rf"(?i)(?<!\w)(?:{words})(?!\w)") for lang, words in _STOPWORDS.items()}
_HANGUL = compiled(r"[\uac00-\ud7af]")
_KANA = compiled(r"[\u3040-\u30ff]")
_HAN = compiled(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Statement:
    """A zone the page states, where, and which event section it belongs to (None: the page)."""

    mention: ZoneMention
    line: int
    page_wide: bool
    clock: time | None = None  # the time written with it: "We start at 17:00 CET"


@dataclass(frozen=True, slots=True)
class Place:
    """A place the page names: the text as written, its zone, where, and its event (None: page)."""

    text: str
    zone: str
    line: int
    page_wide: bool
    population: int = 0


class ZoneContext:
    """Collects what a page says about zones during the walk and decides each event's zone."""

    def __init__(self, page: PageReader) -> None:
        self.page = page
        self.statements: list[Statement] = []
        self._stated_on: dict[int, Statement] = {}  # the first statement of each line
        self.places: list[Place] = []

    # ---- collecting (called by the walk) -----------------------------------------------------

    def stated(
        self, mention: ZoneMention, line: int, *, page_wide: bool = False, clock: time | None = None
    ) -> None:
        """A zone stated on the date line, a zone label, a table header or in prose."""
        statement = Statement(mention, line, page_wide, clock)
        self.statements.append(statement)
        self._stated_on.setdefault(line, statement)

    def scan_prose(self, text: str, line: int, *, heading: bool = False) -> None:
        """A sentence, bullet, heading or footnote that names the zone the times are in."""
        for mention in self.page.resolver.find(text):
            if _is_statement(text, mention, heading):
                clock = next(
                    (
                        s.start
                        for s in find_clock_spans(text)
                        if s.end is None and 0 <= mention.start - s.finish <= 2
                    ),
                    None,
                )
                self.stated(mention, line, page_wide=bool(_ALL_WORDS.search(text)), clock=clock)
                return

    def place_in(self, text: str, line: int, *, page_wide: bool = False) -> None:
        """A text that may name the event's place: a title, a venue line, the site's name."""
        place = _best_place(text, line, page_wide)
        if place is not None:
            self.places.append(place)

    @cached_property
    def prose_places(self) -> list[Place]:
        """Cities in running text ("... at our office in Cleveland, OH"): weaker than the above,
        and read only when a page needs them."""
        named = {p.line for p in self.places}
        found = []
        for number, text in self.page.texts:
            place = None if number in named else _best_place(text, number, False)
            if place is not None and place.population >= _PROSE_PLACE_FROM:
                found.append(place)
        return found

    # ---- deciding ----------------------------------------------------------------------------

    def zone_for(self, event: EventDraft, on: date | None = None) -> tzinfo:
        """The zone of `event`'s times; `on` is the day to judge it on when the event has
        none of its own (a page that only states a recurring meeting)."""
        index = self._event_index[id(event)]
        day = event.first_day or next((s.day for s in event.sessions if s.day), None) or on
        explicit = self.page.front_fields.zone
        statement = self._statement_for(event, index)
        if explicit is not None:
            if statement is not None:
                stated = self.page.resolver.decide(statement[0], day).tz
                if day is not None and offset_on(stated, day) != offset_on(explicit, day):
                    self.page.diag.warn(
                        statement[1],
                        f"{statement[0].text!r} differs from the front matter time zone "
                        f"{zone_name(explicit)}, which wins",
                    )
            return explicit
        if statement is not None:
            resolved = self.page.resolver.decide(statement[0], day)
            if self._restated_elsewhere(statement[1], resolved.tz, event, index, day):
                return self._inferred(event, index, day)
            refined = self._refined(resolved.tz, statement[0], index, day)
            if refined is not None and zone_name(refined) != zone_name(resolved.tz):
                if resolved.notes:  # (not "…; assumed Asia/Shanghai": the page's place said)
                    self.page.diag.warn(
                        statement[1],
                        f"{statement[0].text} read as {zone_name(refined)}, the zone of the "
                        "place the page names",
                    )
                return refined
            for note in resolved.notes:
                self.page.diag.warn(statement[1], note)
            if refined is not None:
                return refined
            self._check_places(resolved.tz, statement, index, day)
            return resolved.tz
        return self._inferred(event, index, day)

    def _restated_elsewhere(
        self, line: int, stated: tzinfo, event: EventDraft, index: int, day: date | None
    ) -> bool:
        """ "Watching from Europe? We start at 17:00 CET." on a Tel Aviv page whose agenda starts
        at 18:00: a time given once for viewers elsewhere, the same instant as the first session
        at the venue, not the zone of the page's times."""
        said = self._stated_on.get(line)
        starts = [s.start for s in event.sessions if s.start is not None]
        if said is None or said.clock is None or not starts or day is None:
            return False
        places = self._places_for(index)  # prose places too: read only when it comes to this
        if not places:
            return False
        venue = ZoneInfo(places[0].zone)
        if offset_on(venue, day) == offset_on(stated, day):
            return False
        there = datetime.combine(day, said.clock, stated).astimezone(UTC)
        return datetime.combine(day, min(starts), venue).astimezone(UTC) == there

    def _statement_for(self, event: EventDraft, index: int) -> tuple[ZoneMention, int] | None:
        if event.zone is not None:
            return event.zone, event.zone_line
        agenda = min((s.line for s in event.sessions), default=0)
        for scope in (index, None):
            ours = [s for s in self.statements if self._scope(s) == scope]
            # ("All times below are Auckland time (NZDT)" over the agenda rather than "10:30pm
            # PDT", said for viewers elsewhere before it)
            over = (s for s in ours if s.page_wide and s.line < agenda)
            own = next(over, ours[0] if ours else None)
            if own is not None:
                return own.mention, own.line
        rows = next(((s.zone, s.zone_line) for s in event.sessions if s.zone), None)
        if rows is not None:
            return rows
        if any(self._scope(p) == index for p in self.places):
            return None  # its own venue says more than another event's statement
        other = next((s for s in self.statements), None)
        return (other.mention, other.line) if other is not None else None

    def _places_for(self, index: int, *, prose: bool = True) -> list[Place]:
        own = [p for p in self.places if self._scope(p) == index]
        page = [p for p in self.places if self._scope(p) is None]
        if not prose or own or page:
            return own + page
        inside = [p for p in self.prose_places if self._scope(p) == index]
        return inside + [p for p in self.prose_places if self._scope(p) != index]

    def _scope(self, item: Statement | Place) -> int | None:
        """The event whose section holds a line; None for the page's intro or page-wide words."""
        if item.page_wide or len(self.page.events) == 1:
            return None
        starts = self._section_starts
        if item.line < starts[0]:
            return None
        return max(bisect_right(self._sorted_starts, item.line) - 1, 0) if starts else None

    @cached_property
    def _event_index(self) -> dict[int, int]:
        """Where each event stands on the page, looked up once the walk is done."""
        return {id(event): index for index, event in enumerate(self.page.events)}

    def adopt(self, part: EventDraft, whole: EventDraft) -> None:
        """`part`, one meeting of the series `whole` was read as, stands where `whole` does."""
        self._event_index[id(part)] = self._event_index[id(whole)]

    @cached_property
    def _sorted_starts(self) -> list[int]:
        """Section starts made non-decreasing, so a line's section is found by bisection."""
        ordered: list[int] = []
        for start in self._section_starts:
            ordered.append(max(start, ordered[-1]) if ordered else start)
        return ordered

    @cached_property
    def _section_starts(self) -> list[int]:
        first = self.page.events[0]
        content = [first.section, first.stated_line, *(s.line for s in first.sessions)]
        starts = [min((n for n in content if n), default=first.line)]
        return starts + [e.section or e.line for e in self.page.events[1:]]

    def _refined(
        self, tz: tzinfo, mention: ZoneMention, index: int, day: date | None
    ) -> tzinfo | None:
        """ "CET" on a Vienna page is Europe/Vienna; "AEST" in Melbourne is Australia/Melbourne:
        an abbreviation or offset takes the named place's zone when its clock agrees. So does a
        phrase ("Eastern" on a Toronto page is America/Toronto) when the place's clock agrees
        all year, not only on the day ("Arizona time" stays America/Phoenix beside Denver)."""
        if mention.iana or day is None:
            return None
        places = [  # not the places of another event's section
            *self._places_for(index, prose=False),
            *(p for p in self.prose_places if self._scope(p) in (index, None)),
        ]
        if mention.phrase_zone:
            later = day + timedelta(days=182)
            # "hora del centro" on a CDMX page with "col. San José Insurgentes": a place in the
            # phrase's own country first (Mexico City, not San José, Costa Rica)
            country = zone_country(mention.phrase_zone)
            ordered = sorted(places, key=lambda p: zone_country(p.zone) != country)
            return next(
                (
                    ZoneInfo(p.zone)
                    for p in ordered
                    if offset_on(ZoneInfo(p.zone), day) == offset_on(tz, day)
                    and offset_on(ZoneInfo(p.zone), later) == offset_on(tz, later)
                ),
                None,
            )
        entry = self.page.resolver.abbreviations.get(mention.abbreviation or "")
        if entry is not None and mention.offset is None:
            # "AEST" on a Brisbane page: Brisbane is one of the zones AEST names. "(CST)" on a
            # Mexico City page: the city's own clock is called CST.
            named = next(
                (
                    p
                    for p in places  # its own section's first
                    if goes_by(ZoneInfo(p.zone), mention.abbreviation or "", entry, day)
                ),
                None,
            )
            if named is not None:
                return ZoneInfo(named.zone)
        # (on any of the event's days: "UTC-4" for the Sunday of a Santiago weekend whose
        # Saturday night the clocks go back; the city's zone keeps both days right)
        event = self.page.events[index]
        days = {day, event.last_day or day}
        for place in places:
            zone = ZoneInfo(place.zone)
            if not any(offset_on(zone, d) == offset_on(tz, d) for d in days):
                continue
            # "CET" in Amsterdam in September, "PT" in Vancouver: the place's own clock by a
            # name of its family. Not "JST" made Seoul's by a Tokyo page giving its time there.
            if entry is None or mention.offset is not None or _in_family(zone, mention, day):
                return zone
        return None

    def _check_places(
        self, tz: tzinfo, statement: tuple[ZoneMention, int], index: int, day: date | None
    ) -> None:
        """A Berlin venue with a table header in JST: the statement wins, and the page hears."""
        places = self._places_for(index, prose=False)
        if not places or day is None:
            return
        place = places[0]
        if offset_on(ZoneInfo(place.zone), day) != offset_on(tz, day):
            self.page.diag.warn(
                statement[1],
                f"times read in {zone_name(tz)} as stated ({statement[0].text!r}), although "
                f"{place.text!r} (line {place.line}) is in {place.zone}",
            )

    def _inferred(self, event: EventDraft, index: int, day: date | None) -> tzinfo:
        diag = self.page.diag
        where = event.stated_line or event.line
        places = self._places_for(index)
        language_zone = _LANGUAGE_ZONES.get(self.language or "")
        stated = self.page.front_fields.offset
        # "## 🌳 Manaus — quinta-feira, 18 de setembro" on a page posted from São Paulo: the
        # event's own place says more than the offset its page was published with.
        own = [p for p in places if self._scope(p) == index and len(self.page.events) > 1]
        if stated is not None:
            at = datetime.combine(stated.on, time(12), UTC)
            candidates = [(p.text, p.zone, f"line {p.line}") for p in own or places]
            if language_zone is not None and not own:
                candidates.append((f"the page's language ({self.language})", language_zone, ""))
            for text, zone, line in candidates:
                if at.astimezone(ZoneInfo(zone)).utcoffset() == stated.offset:
                    source = f'"{text}" ({line})' if line else text
                    diag.warn(
                        stated.line,
                        f"zone {zone} from the offset {format_offset(stated.offset)} of front "
                        f"matter {stated.field!r} and {source}",
                    )
                    return ZoneInfo(zone)
            if (stated.offset or not candidates) and not own:
                diag.warn(
                    stated.line,
                    f"zone UTC{format_offset(stated.offset)} (a fixed offset) from front matter "
                    f"{stated.field!r}; name the zone to follow its daylight saving time",
                )
                return fixed_offset(stated.offset)
        if places:
            # "*Amsterdam* — Thursday 4 February, …" dating one of a post's events: its own line's
            # place before "Amsterdam & Singapore" in the lines above it
            on_its_line = [p for p in own if p.line == event.stated_line]
            place = self._in_the_pages_country((on_its_line or places)[0])
            diag.warn(place.line, f'zone {place.zone} from "{place.text}" (line {place.line})')
            return ZoneInfo(place.zone)
        if language_zone is not None:
            diag.warn(where, f"zone {language_zone} from the page's language ({self.language})")
            return ZoneInfo(language_zone)
        default = self.page.resolver.default_zone
        diag.warn(
            where, f"no time zone stated; assumed {zone_name(default)} (the configured default)"
        )
        return default

    def _in_the_pages_country(self, place: Place) -> Place:
        """ "Valencia" on a page whose other places are Madrid, Sevilla and Lisboa: the Spanish
        city, not the bigger one in Venezuela, when the page names nothing else in Venezuela but
        several places in Spain, and the Spanish city is not a village beside the first one
        (Berlin stays in Germany on a page of American meetups)."""
        own = zone_country(place.zone)
        name = place.text.casefold()
        named = [zone_country(p.zone) for p in self.places if p.text.casefold() != name]
        if own in named:
            return place  # (the common case: running text is not scanned for places)
        others = named + [
            zone_country(p.zone) for p in self.prose_places if p.text.casefold() != name
        ]
        if own in others:
            return place
        countries = sorted({c for c in others if c and others.count(c) >= 2}, key=others.count)
        for country in reversed(countries):  # the country the page names most first
            found = homonym_in(place.text, country)
            if found is not None and found[1] * _COMPARABLE >= place.population:
                return replace(place, zone=found[0], population=found[1])
        return place

    @cached_property
    def language(self) -> str | None:
        """The page's language where it hints at a zone: by script for Korean, Japanese and
        Chinese, by common words for the European languages."""
        body = self.page.front.body
        hangul, kana, han = (len(p.findall(body)) for p in (_HANGUL, _KANA, _HAN))
        if hangul >= 10 and hangul >= kana:
            return "Korean"
        if kana >= 10:
            return "Japanese"
        if han >= 10:
            return "Chinese"
        counts = {lang: len(pattern.findall(body)) for lang, pattern in _WORDS.items()}
        best = max(counts, key=lambda lang: counts[lang])
        return best if counts[best] >= 5 and best != "English" else None


def _best_place(text: str, line: int, page_wide: bool) -> Place | None:
    found = [p for p in find_places(text) if p.text.casefold() not in _CALENDAR_WORDS]
    if not found:
        return None
    best = max(found, key=lambda p: (p.qualified, p.kind in ("city", "capital"), p.population))
    return Place(best.text, best.zone, line, page_wide, best.population)


def _is_statement(text: str, mention: ZoneMention, heading: bool) -> bool:
    """Whether a zone named in prose is about the times: a name or offset always is; a bare
    abbreviation only beside a time, a word about times, or in a heading's parenthesis."""
    if mention.iana or mention.phrase_zone or mention.offset is not None:
        return True
    if _TIME_WORDS.search(text) or find_clock_spans(text):
        return True
    before = text[: mention.start].rstrip()
    in_parens = before.endswith(("(", "（", "[")) or len(text.strip()) <= len(mention.text) + 2
    return heading and in_parens


def _in_family(tz: tzinfo, mention: ZoneMention, day: date) -> bool:
    """Whether `tz` goes by the mention's abbreviation in some season, or by one of the names
    the abbreviation stands for: CET in Amsterdam (CEST in summer), AEDT in Melbourne (AEST in
    winter), PT in Vancouver (PST and PDT)."""
    for moment in (day, day + timedelta(days=182)):
        name = datetime.combine(moment, time(12), tz).tzname() or ""
        if mention.abbreviation in (name, name[:-2] + name[-1:]):
            return True
    return False


def goes_by(tz: tzinfo, abbreviation: str, entry: Abbreviation, day: date) -> bool:
    """Whether the clock of `tz` is one `abbreviation` names on `day`: one of the zones it
    stands for ("AEST" in Brisbane), or a clock called so there ("CST" in Mexico City, "IST" in
    Dublin in summer)."""
    return (
        zone_name(tz) in entry.candidates
        or datetime.combine(day, time(12), tz).tzname() == abbreviation
    )


__all__ = ["Place", "Statement", "ZoneContext", "goes_by", "timedelta"]
