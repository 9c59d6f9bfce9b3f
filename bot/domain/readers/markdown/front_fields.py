"""What a page's front matter says about its event, under the many names sites give the fields.

Event times (`start`, `start_time`, `starts_at`, `event_date`, `end`, `end_time`, `date_end`...)
are the event's own; `date`/`publishdate` is usually when the post was published, so it is only
the reference for dates written without a year, and the event's date when the body gives none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.markdown.drafts import EventDraft, datetime_value, text_field, year_in
from bot.domain.readers.markdown.front_matter import FrontMatter
from bot.domain.timetext.clock import find_clock_spans
from bot.domain.zones.places import place_zone
from bot.domain.zones.resolve import UnknownZoneError, ZoneResolver, misnamed_zone

EVENT_START_FIELDS = (
    "event_date",
    "eventdate",
    "event_start",
    "start_date",
    "startdate",
    "start_time",
    "starttime",
    "starts_at",
    "startsat",
    "start_at",
    "starts",
    "start",
    "begin",
    "begins",
    "event_datetime",
    "datetime",
)
# Fields that give the event's hours as text ("horario: 18:30 a 21:30 hrs").
HOURS_FIELDS = ("time", "hours", "horario", "hora", "horaire", "heure", "uhrzeit", "orario", "tijd")
EVENT_END_FIELDS = (
    "date_end",
    "end_date",
    "enddate",
    "event_end",
    "end_time",
    "endtime",
    "ends_at",
    "endsat",
    "end_at",
    "ends",
    "end",
    "finish",
)
PUBLICATION_FIELDS = (
    "date",
    "publishdate",
    "publish_date",
    "published",
    "pubdate",
    "date_published",
    "publication_date",
    # "fecha: 2025-06-12", "datum:", "data:" as Spanish, German, Dutch, Italian, Portuguese sites write it
    "fecha",
    "datum",
    "data",
)
# The page's address, whose path often holds its year ("/meetups/2026/spring-series/")
ADDRESS_FIELDS = ("permalink", "url", "slug", "link")
CAPACITY_FIELDS = ("capacity", "seats", "max_attendees", "limit")
ZONE_FIELDS = ("timezone", "time_zone", "time-zone", "tz", "zone", "timezone_name", "tzid")
# Fields that name where the event happens or who runs it: places for the zone from context.
PLACE_FIELDS = (
    "city",
    "venue",
    "location",
    "place",
    "address",
    "where",
    "region",
    "country",
    "site",
    "sitename",
    "site_name",
    "group",
    "chapter",
    "community",
    "organizer",
    "organiser",
    "meetup",
    # the same in the languages pages are written in: "lugar", "ort", "lieu", "ciudad"...
    "lugar",
    "local",
    "sede",
    "ciudad",
    "cidade",
    "ort",
    "veranstaltungsort",
    "stadt",
    "lieu",
    "ville",
    "luogo",
    "città",
    "citta",
    "plaats",
    "locatie",
    "miejsce",
    "miasto",
)


@dataclass(frozen=True, slots=True)
class StatedOffset:
    """The UTC offset written on a front matter datetime ("date: 2024-05-16 19:00:00 +0100")."""

    offset: timedelta
    on: date
    field: str
    line: int


class FrontFields:
    """The front matter's event fields, read once per page."""

    def __init__(self, front: FrontMatter, diag: Diagnostics, resolver: ZoneResolver) -> None:
        self.front = front
        self.fields = front.fields
        self.diag = diag
        self.resolver = resolver
        self.reference = self._reference_date()
        # A date the front matter really gives (not a year taken from the title): the event's
        # date when the body names none.
        self.stated_date = self.reference if self._has_date() else None
        self.zone, self.zone_line = self._zone()
        self.offset = self._stated_offset()
        self.capacity = self._capacity()

    @property
    def has_event_start(self) -> bool:
        return any(k in self.fields for k in EVENT_START_FIELDS)

    def line_of(self, key: str) -> int:
        return self.front.lines.get(key, 1)

    def _reference_date(self) -> date | None:
        """The event's date from its fields, else the publication date, else a year in the title
        ("KubeDay 2025"), else a year in its address ("permalink: /events/2027/research-day/"):
        the reference for dates written without a year."""
        for key in self._present(*EVENT_START_FIELDS, *PUBLICATION_FIELDS):
            parsed = datetime_value(self.fields[key])
            if isinstance(parsed, datetime):
                return parsed.date()
            if parsed is not None:
                return parsed
        return year_in(text_field(self.fields, ("title", "name"))) or year_in(
            text_field(self.fields, ADDRESS_FIELDS)
        )

    def _present(self, *keys: str) -> list[str]:
        """Those of `keys` the front matter has, in their order (most pages have few)."""
        return [key for key in keys if key in self.fields]

    def _has_date(self) -> bool:
        return any(
            datetime_value(self.fields[k]) is not None
            for k in self._present(*EVENT_START_FIELDS, *PUBLICATION_FIELDS)
        )

    def _zone(self) -> tuple[tzinfo | None, int]:
        for key in ZONE_FIELDS:
            value = self.fields.get(key)
            if value is None or not str(value).strip():
                continue
            line = self.line_of(key)
            try:
                resolved = self.resolver.parse(str(value), self.reference)
            except UnknownZoneError as exc:
                place = place_zone(str(value))
                if place is not None:
                    return self.resolver.parse(place.zone).tz, line
                misnamed = misnamed_zone(str(value).strip())
                if misnamed is not None:  # "timezone: Asia/Beijing", as pages write it
                    self.diag.warn(line, f"front matter {key}: {exc}; read as {misnamed}")
                    return self.resolver.parse(misnamed).tz, line
                self.diag.error(line, f"front matter {key}: {exc}")
                return None, 0
            for note in resolved.notes:
                self.diag.warn(line, note)
            return resolved.tz, line
        return None, 0

    def _capacity(self) -> tuple[int, str] | None:
        """The seats a `capacity`, `seats`, `max_attendees` or `limit` field gives, and the
        field's name; any other value is reported and left out."""
        for key in CAPACITY_FIELDS:
            if key not in self.fields:
                continue
            value = self.fields[key]
            seats = value if isinstance(value, int) and not isinstance(value, bool) else None
            if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 7:
                seats = int(value.strip())
            if seats is not None and 0 < seats < 10_000_000:
                return seats, key
            self.diag.warn(
                self.line_of(key), f"front matter {key} {value!r} is not a number of seats; ignored"
            )
        return None

    def _stated_offset(self) -> StatedOffset | None:
        for key in self._present(*EVENT_START_FIELDS, *PUBLICATION_FIELDS, *EVENT_END_FIELDS):
            parsed = datetime_value(self.fields[key])
            if isinstance(parsed, datetime) and parsed.tzinfo is not None:
                offset = parsed.utcoffset()
                if offset is not None:
                    return StatedOffset(offset, parsed.date(), key, self.line_of(key))
        return None

    def places(self) -> list[tuple[str, int]]:
        """Texts that may name the event's place, with their lines, most telling first."""
        found = []
        for key in self._present(*PLACE_FIELDS, "title", "name"):
            value = self.fields[key]
            if isinstance(value, str) and value.strip():
                found.append((value.strip(), self.line_of(key)))
            elif isinstance(value, dict):  # location: {city: Lyon, venue: ...}
                found.extend(
                    (str(v), self.line_of(key)) for v in value.values() if isinstance(v, str)
                )
        return found

    def fill_event(self, event: EventDraft) -> None:
        """The event's date and times from its fields, when the body gives none.

        "start: 2024-05-16T19:00+02:00", or "date: 2024-05-16" with "start_time: '19:00'".
        """
        starts = [(k, self.fields[k]) for k in EVENT_START_FIELDS if k in self.fields]
        ends = [(k, self.fields[k]) for k in EVENT_END_FIELDS if k in self.fields]
        if not starts and not ends:
            return
        dated = [
            (k, v)
            for k, v in (
                *starts,
                *((k, self.fields[k]) for k in PUBLICATION_FIELDS if k in self.fields),
            )
            if datetime_value(v) is not None
        ]
        if not dated:
            key, value = (starts or ends)[0]
            self.diag.error(self.line_of(key), f"front matter {key} {value!r} is not a date")
            return
        key, value = dated[0]
        start = datetime_value(value)
        assert start is not None
        if isinstance(start, datetime):
            event.first_day, event.start = start.date(), start.time()
        else:
            event.first_day = start
            event.start = next((c for _, v in starts if (c := clock_value(v)) is not None), None)
        event.last_day = event.first_day
        for _, end_value in ends:
            end = datetime_value(end_value)
            if isinstance(end, datetime):
                if isinstance(start, datetime) and start.tzinfo and end.tzinfo:
                    end = end.astimezone(start.tzinfo)
                event.last_day, event.end = end.date(), end.time()
            elif isinstance(end, date):
                event.last_day = end
            else:
                event.end = clock_value(end_value)
            if event.end is not None or end is not None:
                break
        event.stated_line = self.line_of(key)

    def fill_hours(self, event: EventDraft, day: date) -> None:
        """The event's hours on `day` from a field that gives them in words ("horario: 18:30 a
        21:30 hrs (hora del centro)", "time: 7pm - 9pm"), when the page gave none."""
        if event.start is not None or event.end is not None:
            return
        for key in HOURS_FIELDS:
            spans = find_clock_spans(str(self.fields.get(key, "")))
            if spans:
                event.start, event.end = spans[0].start, spans[0].end
                event.first_day = event.first_day or day
                event.stated_line = event.stated_line or self.line_of(key)
                return

    def event_range(self) -> tuple[date | None, date | None]:
        """The event's first and last day from its start and end fields, if both are dates."""
        first = next(
            (v for k in EVENT_START_FIELDS if (v := datetime_value(self.fields.get(k)))), None
        )
        last = next(
            (v for k in EVENT_END_FIELDS if (v := datetime_value(self.fields.get(k)))), None
        )
        return _day_of(first), _day_of(last)


def clock_value(value: object) -> time | None:
    """A time of day alone ("19:00", "7:30 PM", a TOML time, YAML's sexagesimal 19:00 = 68400)."""
    if isinstance(value, time):
        return value
    if isinstance(value, int) and 0 <= value < 86400 and value % 60 == 0:
        return time(value // 3600, value // 60 % 60)  # YAML 1.1 reads 19:00 as 68400
    if not isinstance(value, str):
        return None
    spans = find_clock_spans(value)
    return spans[0].start if spans and len(value.strip()) <= 12 else None


def _day_of(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value
