"""What the web pages show, as plain values for the templates: each agenda, session and speaker
with its times already written in the organizers' zone and in UTC, its links built.

Nothing here depends on the current time or on the machine's zone: a page's bytes (and so its
ETag) change only with the agendas, the language and the address links are written with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from urllib.parse import quote
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_interval, format_skeleton, get_timezone_location

from bot.app.calendars import webcal
from bot.app.repeats import repeat_label
from bot.app.speakers import sessions_of
from bot.domain.agenda import Link, Schedule, Session
from bot.domain.agenda_views import repeats
from bot.domain.speakers.profile import Profile, Talk
from bot.domain.zones.current_names import current_name
from bot.domain.zones.local_time import midnight
from bot.domain.zones.naming import format_offset, zone_name
from bot.texts.web import WEB_TEXTS
from bot.web.pages import calendar_links
from bot.web.pages.language import BABEL_LOCALE

_TIME = "%H:%M"
_SAFE_SCHEMES = ("https://", "http://", "mailto:")


def safe_url(url: str | None) -> str | None:
    """`url` when a page may link to it: absolute http(s) or mailto. A `javascript:` address, or
    a path relative to some other site (a speaker's "/slides/x.pdf"), is shown as text only."""
    if not url:
        return None
    cleaned = url.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in cleaned):
        return None
    return cleaned if cleaned.lower().startswith(_SAFE_SCHEMES) else None


def utc_iso(moment: datetime) -> str:
    """ "2021-07-10T05:30:00Z": the instant, for `<time datetime>` and the script."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def path_part(value: str) -> str:
    """An id as one path segment of a link (`weekly@20261203` stays readable)."""
    return quote(value, safe="@")


@dataclass(frozen=True, slots=True)
class When:
    """A session's time, as the organizers write it and in UTC; `start`/`end` are UTC ISO
    instants for `<time datetime>` (dates for an all-day session).

    `dated`: every time carries its full date with the year ("Sat, Jul 10, 2021 13:30"), as on
    a session's or a speaker's page, where no day heading says it; on an agenda's page the
    times are read under their day's heading ("13:30")."""

    all_day: bool
    start: str
    end: str | None
    span_start: str  # the UTC instant it begins (an all-day entry: the organizers' midnight)
    span_end: str | None  # and ends, for what is on now and next
    dated: bool
    organizers_date: str  # ISO date of the start in the organizers' zone
    organizers_day: str  # that date in words ("Sat, Jul 10")
    organizers_start: str  # "13:30"; for an all-day session its days in words
    organizers_end: str | None  # "13:50", with the day when it ends on another one
    zone: str  # the organizers' zone as shown ("Asia/Shanghai", "UTC+05:30")
    script_zone: str  # the same for Intl.DateTimeFormat ("Asia/Shanghai", "+05:30")
    city: str  # the organizers' place ("Shanghai", "上海")
    in_utc: bool  # whether a line in UTC follows (not when the organizers' zone is UTC)
    utc_start: str
    utc_end: str | None
    utc_day: str | None  # the UTC date in words, when it is not the organizers' date


@dataclass(frozen=True, slots=True)
class SpeakerView:
    name: str
    affiliation: str | None
    href: str | None


@dataclass(frozen=True, slots=True)
class LinkView:
    label: str
    url: str | None  # None: shown as text (not a safe address)


@dataclass(frozen=True, slots=True)
class SessionView:
    id: str
    title: str
    href: str
    when: When
    speakers: tuple[SpeakerView, ...]
    location: str | None
    track: str | None
    kind: str
    repeats: str | None
    description: str | None
    links: tuple[LinkView, ...]
    download: str
    google: str


@dataclass(frozen=True, slots=True)
class DayView:
    date: str  # ISO
    heading: str
    sessions: tuple[SessionView, ...]


@dataclass(frozen=True, slots=True)
class Feeds:
    """Every way to get an agenda (or all of them) into a calendar."""

    https: str
    webcal: str
    google: str
    outlook: str
    download: str


@dataclass(frozen=True, slots=True)
class AgendaView:
    id: str
    title: str
    href: str
    description: str | None
    venue: str | None
    url: str | None
    zone: str
    script_zone: str
    in_utc: bool  # whether times are also written in UTC (not when the zone is UTC)
    session_count: int  # one-off sessions (a repeating meeting's occurrences are not counted)
    first_day: str | None  # of the one-off sessions
    last_day: str | None
    repeats: tuple[str, ...]  # how each repeating meeting meets ("every Thursday, 17:00 UTC")
    feeds: Feeds
    days: tuple[DayView, ...]


@dataclass(frozen=True, slots=True)
class IndexView:
    agendas: tuple[AgendaView, ...]
    everything: Feeds
    session_count: int
    repeating_count: int


@dataclass(frozen=True, slots=True)
class TalkView:
    year: int | None
    city: str | None
    event: LinkView | None
    title: LinkView
    slides: str | None
    video: str | None


@dataclass(frozen=True, slots=True)
class SpeakerPage:
    id: str
    name: str
    names: tuple[str, ...]
    affiliation: str | None
    bio: tuple[str, ...]  # paragraphs
    links: tuple[LinkView, ...]
    talks: tuple[TalkView, ...]
    sessions: tuple[tuple[AgendaView, SessionView], ...]


class Views:
    """Builds the page values for one language and one root address ("https://host")."""

    def __init__(self, lang: str, root: str, speakers: Mapping[str, Profile]) -> None:
        self.lang = lang
        self.locale = BABEL_LOCALE[lang]
        self.root = root
        self.speakers = speakers

    # ---- agendas ---------------------------------------------------------------------------

    def index(self, schedules: Mapping[str, Schedule], all_name: str) -> IndexView:
        """Every public agenda, and the feed of all of them (named `all_name`)."""
        agendas = tuple(self.agenda(s, with_days=False) for s in schedules.values())
        total = sum(a.session_count for a in agendas)
        repeating = sum(len(a.repeats) for a in agendas)
        return IndexView(agendas, self.feeds("all", all_name), total, repeating)

    def agenda(self, schedule: Schedule, *, with_days: bool = True) -> AgendaView:
        title = schedule.title_in(self.lang)
        days: list[DayView] = []
        if with_days:
            grouped: dict[date, list[SessionView]] = {}
            for session in schedule.sessions:
                day = _organizers_day(session, schedule.timezone)
                grouped.setdefault(day, []).append(self.session(schedule, session))
            days = [
                DayView(day.isoformat(), self._full_day(day), tuple(views))
                for day, views in grouped.items()
            ]
        # The occurrences of a repeating meeting are those of the library's window of time:
        # their dates and count say nothing of the agenda (a weekly call does not end there).
        one_off = [s for s in schedule.sessions if s.series_id is None]
        first = min((_organizers_day(s, schedule.timezone) for s in one_off), default=None)
        last = max((_last_day(s, schedule.timezone) for s in one_off), default=None)
        return AgendaView(
            schedule.id,
            title,
            f"/s/{path_part(schedule.id)}",
            schedule.description,
            schedule.venue,
            safe_url(schedule.url),
            _shown_zone(schedule.timezone),
            _script_zone(schedule.timezone),
            _in_utc(schedule.timezone),
            len(one_off),
            self._day(first, "yMMMEd") if first else None,
            self._day(last, "yMMMEd") if last and last != first else None,
            tuple(self._repeats(schedule, series) for series in schedule.series),
            self.feeds(schedule.id, title),
            tuple(days),
        )

    def _repeats(self, schedule: Schedule, series: Session) -> str:
        """ "every Thursday, 17:00–18:00 UTC": how a repeating meeting meets, at the time of
        its first meeting in the organizers' zone."""
        t = WEB_TEXTS[self.lang]
        label = repeat_label(schedule, series, self.lang) or t["repeats"]
        zone = _shown_zone(schedule.timezone)
        pattern = repeats(series)
        if series.all_day or (pattern is not None and pattern.times):
            return t["repeats_in_zone"].format(label=label, zone=zone)
        start = series.start.astimezone(schedule.timezone)
        time = start.strftime(_TIME)
        if series.end is not None:
            time = f"{time}–{self._end(start, series.end.astimezone(schedule.timezone))}"
        return t["repeats_at_time"].format(label=label, time=time, zone=zone)

    def feeds(self, schedule_id: str, name: str) -> Feeds:
        https = f"{self.root}/calendars/{path_part(schedule_id)}.ics"
        subscribe = webcal(https)
        return Feeds(
            https,
            subscribe,
            calendar_links.google_subscribe(subscribe),
            calendar_links.outlook_subscribe(https, name),
            f"/calendars/{path_part(schedule_id)}.ics",
        )

    # ---- sessions --------------------------------------------------------------------------

    def session(self, schedule: Schedule, session: Session, *, dated: bool = False) -> SessionView:
        """The session's values; `dated`: every time with its full date (see `When`)."""
        title = session.title_in(self.lang)
        href = f"/s/{path_part(schedule.id)}/{path_part(session.id)}"
        location = ", ".join(p for p in (session.location, schedule.venue) if p)
        return SessionView(
            session.id,
            title,
            href,
            self.when(session, schedule.timezone, dated=dated),
            tuple(
                self._speaker(s.name, s.affiliation, s.profile)
                for s in session.speakers_in(self.lang)
            ),
            session.location,
            session.track,
            session.kind.value,
            repeat_label(schedule, session, self.lang),
            session.description,
            tuple(self._link(link) for link in session.links),
            f"{href}.ics".replace("/s/", "/calendars/", 1),
            calendar_links.google_event(
                session, title, self._details(schedule, session, href), location
            ),
        )

    def when(self, session: Session, zone: tzinfo, *, dated: bool = False) -> When:
        start = session.start.astimezone(zone)
        day = _organizers_day(session, zone)
        shown_zone, script_zone, city = _shown_zone(zone), _script_zone(zone), self._city(zone)
        if session.all_day:
            last = session.last_day
            if dated:
                days = self._days(day, last)
            else:
                days = self._day(day, "MMMEd")
                if last != day:
                    days = f"{days} – {self._day(last, 'MMMEd')}"
            after = last + timedelta(days=1)
            return When(
                all_day=True,
                start=day.isoformat(),
                end=after.isoformat(),
                span_start=utc_iso(midnight(day, zone)),
                span_end=utc_iso(midnight(after, zone)),
                dated=dated,
                organizers_date=day.isoformat(),
                organizers_day=self._day(day, "MMMEd"),
                organizers_start=days,
                organizers_end=None,
                zone=shown_zone,
                script_zone=script_zone,
                city=city,
                in_utc=False,
                utc_start=days,
                utc_end=None,
                utc_day=None,
            )
        end = session.end.astimezone(zone) if session.end else None
        utc_start = session.start.astimezone(UTC)
        utc_end = session.end.astimezone(UTC) if session.end else None
        other_utc_day = utc_start.date() != day
        return When(
            all_day=False,
            start=utc_iso(session.start),
            end=utc_iso(session.end) if session.end else None,
            span_start=utc_iso(session.start),
            span_end=utc_iso(session.end) if session.end else None,
            dated=dated,
            organizers_date=day.isoformat(),
            organizers_day=self._day(day, "MMMEd"),
            organizers_start=self._start(start, dated=dated),
            organizers_end=self._end(start, end, dated=dated),
            zone=shown_zone,
            script_zone=script_zone,
            city=city,
            in_utc=_in_utc(zone),
            utc_start=self._start(utc_start, dated=dated),
            utc_end=self._end(utc_start, utc_end, dated=dated),
            utc_day=self._day(utc_start.date(), "MMMEd") if other_utc_day and not dated else None,
        )

    def _start(self, start: datetime, *, dated: bool) -> str:
        """ "13:30", or on a page without day headings "Sat, Jul 10, 2021 13:30"."""
        if not dated:
            return start.strftime(_TIME)
        return f"{self._day(start.date(), 'yMMMEd')} {start.strftime(_TIME)}"

    def _end(self, start: datetime, end: datetime | None, *, dated: bool = False) -> str | None:
        """ "13:50", or with its date when it ends on another day than it starts."""
        if end is None:
            return None
        if end.date() == start.date():
            return end.strftime(_TIME)
        skeleton = "yMMMEd" if dated and end.year != start.year else "MMMEd"
        return f"{self._day(end.date(), skeleton)} {end.strftime(_TIME)}"

    def _details(self, schedule: Schedule, session: Session, href: str) -> str:
        """What Google's event form gets as its description: speakers, abstract, the page."""
        shown = session.speakers_in(self.lang)
        parts = [", ".join(str(s) for s in shown)] if shown else []
        if session.description:
            parts.append(session.description)
        parts.append(f"{schedule.title_in(self.lang)}: {self.root}{href}")
        return "\n\n".join(parts)

    def _speaker(self, name: str, affiliation: str | None, profile: str | None) -> SpeakerView:
        """A speaker as the page's language names them: one with a profile by the name their
        page in that language gives ("赵化冰" on a Chinese page), linked to it."""
        found = self.speakers.get(profile) if profile is not None else None
        if found is None:
            return SpeakerView(name, affiliation, None)
        return SpeakerView(
            found.name_in(self.lang), affiliation, f"/speakers/{path_part(found.id)}"
        )

    # ---- speakers --------------------------------------------------------------------------

    def speaker(self, profile: Profile, schedules: Mapping[str, Schedule]) -> SpeakerPage:
        bio = profile.bio_in(self.lang) or ""
        paragraphs = tuple(p.strip() for p in bio.split("\n\n") if p.strip())
        sessions = tuple(
            (self.agenda(schedule, with_days=False), self.session(schedule, session, dated=True))
            for schedule, session in sessions_of(profile, schedules.values())
        )
        names = (profile.name_in(self.lang), *profile.names)
        return SpeakerPage(
            profile.id,
            profile.name_in(self.lang),
            tuple(dict.fromkeys(names)),
            profile.affiliation_in(self.lang),
            paragraphs,
            tuple(self._link(link) for link in profile.links),
            tuple(self._talk(talk) for talk in profile.talks),
            sessions,
        )

    @staticmethod
    def _link(link: Link) -> LinkView:
        """A link, or when its address is no web or mail address (a WeChat id, a path on
        another site) the label and the address as text."""
        url = safe_url(link.url)
        if url is None and link.label and link.label != link.url:
            return LinkView(f"{link.label}: {link.url}", None)
        return LinkView(link.label or link.url, url)

    def _talk(self, talk: Talk) -> TalkView:
        """A line of the talk history as the page in this language writes it."""
        event_name = talk.event_in(self.lang)
        event = LinkView(event_name, safe_url(talk.event_url)) if event_name else None
        return TalkView(
            talk.year,
            talk.city_in(self.lang),
            event,
            LinkView(talk.title_in(self.lang), safe_url(talk.url)),
            safe_url(talk.slides),
            safe_url(talk.video),
        )

    # ---- words -----------------------------------------------------------------------------

    def _full_day(self, day: date) -> str:
        return str(format_date(day, format="full", locale=self.locale))

    def _day(self, day: date, skeleton: str) -> str:
        return str(format_skeleton(skeleton, day, locale=self.locale))

    def _days(self, first: date, last: date) -> str:
        """ "Sat, Mar 14 – Sun, Mar 15, 2026": days with their year."""
        if first == last:
            return self._day(first, "yMMMEd")
        return str(format_interval(first, last, "yMMMEd", locale=self.locale))

    def _city(self, zone: tzinfo) -> str:
        if isinstance(zone, ZoneInfo) and zone.key != "UTC":
            return str(get_timezone_location(zone, self.locale, return_city=True))
        return zone_name(zone)


def _organizers_day(session: Session, zone: tzinfo) -> date:
    return session.first_day if session.all_day else session.start.astimezone(zone).date()


def _last_day(session: Session, zone: tzinfo) -> date:
    if session.all_day or session.end is None:
        return session.last_day if session.all_day else _organizers_day(session, zone)
    return (session.end.astimezone(zone) - timedelta(microseconds=1)).date()


def _script_zone(zone: tzinfo) -> str:
    """The zone as Intl.DateTimeFormat names it: an IANA key, "UTC", or an offset "+05:30"."""
    if isinstance(zone, ZoneInfo):
        return current_name(zone.key)
    offset = zone.utcoffset(None)
    return format_offset(offset) if offset else "UTC"


def _shown_zone(zone: tzinfo) -> str:
    """The zone by its current name ("Asia/Kolkata" for an agenda that says "Asia/Calcutta")."""
    return current_name(zone_name(zone))


def _in_utc(zone: tzinfo) -> bool:
    """Whether times in this zone need a second line in UTC: not when it is UTC."""
    return _script_zone(zone) != "UTC"
