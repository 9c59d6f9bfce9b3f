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

from babel.dates import format_date, format_skeleton, get_timezone_location

from bot.app.calendars import webcal
from bot.app.repeats import repeat_label
from bot.app.speakers import sessions_of
from bot.domain.agenda import Link, Schedule, Session
from bot.domain.speakers.profile import Profile, Talk
from bot.domain.zones.naming import format_offset, zone_name
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
    instants for `<time datetime>` (dates for an all-day session)."""

    all_day: bool
    start: str
    end: str | None
    organizers_date: str  # ISO date of the start in the organizers' zone
    organizers_day: str  # that date in words ("Sat, Jul 10")
    organizers_start: str  # "13:30"; for an all-day session its days in words
    organizers_end: str | None  # "13:50", with the day when it ends on another one
    zone: str  # the organizers' zone as shown ("Asia/Shanghai", "UTC+05:30")
    script_zone: str  # the same for Intl.DateTimeFormat ("Asia/Shanghai", "+05:30")
    city: str  # the organizers' place ("Shanghai", "上海")
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
    session_count: int
    first_day: str | None
    last_day: str | None
    feeds: Feeds
    days: tuple[DayView, ...]


@dataclass(frozen=True, slots=True)
class IndexView:
    agendas: tuple[AgendaView, ...]
    everything: Feeds
    session_count: int


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
        return IndexView(agendas, self.feeds("all", all_name), total)

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
        sessions = schedule.sessions
        first = min((_organizers_day(s, schedule.timezone) for s in sessions), default=None)
        last = max((_last_day(s, schedule.timezone) for s in sessions), default=None)
        return AgendaView(
            schedule.id,
            title,
            f"/s/{path_part(schedule.id)}",
            schedule.description,
            schedule.venue,
            safe_url(schedule.url),
            zone_name(schedule.timezone),
            _script_zone(schedule.timezone),
            len(sessions),
            self._day(first, "yMMMEd") if first else None,
            self._day(last, "yMMMEd") if last and last != first else None,
            self.feeds(schedule.id, title),
            tuple(days),
        )

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

    def session(self, schedule: Schedule, session: Session) -> SessionView:
        title = session.title_in(self.lang)
        href = f"/s/{path_part(schedule.id)}/{path_part(session.id)}"
        location = ", ".join(p for p in (session.location, schedule.venue) if p)
        return SessionView(
            session.id,
            title,
            href,
            self.when(session, schedule.timezone),
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

    def when(self, session: Session, zone: tzinfo) -> When:
        start = session.start.astimezone(zone)
        day = _organizers_day(session, zone)
        shown_zone, script_zone, city = zone_name(zone), _script_zone(zone), self._city(zone)
        if session.all_day:
            last = session.last_day
            days = self._day(day, "MMMEd")
            if last != day:
                days = f"{days} – {self._day(last, 'MMMEd')}"
            after = (last + timedelta(days=1)).isoformat()
            return When(
                all_day=True,
                start=day.isoformat(),
                end=after,
                organizers_date=day.isoformat(),
                organizers_day=self._day(day, "MMMEd"),
                organizers_start=days,
                organizers_end=None,
                zone=shown_zone,
                script_zone=script_zone,
                city=city,
                utc_start=days,
                utc_end=None,
                utc_day=None,
            )
        end = session.end.astimezone(zone) if session.end else None
        utc_start = session.start.astimezone(UTC)
        utc_end = session.end.astimezone(UTC) if session.end else None
        return When(
            False,
            utc_iso(session.start),
            utc_iso(session.end) if session.end else None,
            day.isoformat(),
            self._day(day, "MMMEd"),
            start.strftime(_TIME),
            self._end(start, end),
            shown_zone,
            script_zone,
            city,
            utc_start.strftime(_TIME),
            self._end(utc_start, utc_end),
            self._day(utc_start.date(), "MMMEd") if utc_start.date() != day else None,
        )

    def _end(self, start: datetime, end: datetime | None) -> str | None:
        if end is None:
            return None
        if end.date() == start.date():
            return end.strftime(_TIME)
        return f"{self._day(end.date(), 'MMMEd')} {end.strftime(_TIME)}"

    def _details(self, schedule: Schedule, session: Session, href: str) -> str:
        """What Google's event form gets as its description: speakers, abstract, the page."""
        shown = session.speakers_in(self.lang)
        parts = [", ".join(str(s) for s in shown)] if shown else []
        if session.description:
            parts.append(session.description)
        parts.append(f"{schedule.title_in(self.lang)}: {self.root}{href}")
        return "\n\n".join(parts)

    def _speaker(self, name: str, affiliation: str | None, profile: str | None) -> SpeakerView:
        known = profile is not None and profile in self.speakers
        href = f"/speakers/{path_part(profile)}" if known and profile is not None else None
        return SpeakerView(name, affiliation, href)

    # ---- speakers --------------------------------------------------------------------------

    def speaker(self, profile: Profile, schedules: Mapping[str, Schedule]) -> SpeakerPage:
        bio = profile.bio_in(self.lang) or ""
        paragraphs = tuple(p.strip() for p in bio.split("\n\n") if p.strip())
        sessions = tuple(
            (self.agenda(schedule, with_days=False), self.session(schedule, session))
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

    @staticmethod
    def _talk(talk: Talk) -> TalkView:
        event = LinkView(talk.event, safe_url(talk.event_url)) if talk.event else None
        return TalkView(
            talk.year,
            talk.city,
            event,
            LinkView(talk.title, safe_url(talk.url)),
            safe_url(talk.slides),
            safe_url(talk.video),
        )

    # ---- words -----------------------------------------------------------------------------

    def _full_day(self, day: date) -> str:
        return str(format_date(day, format="full", locale=self.locale))

    def _day(self, day: date, skeleton: str) -> str:
        return str(format_skeleton(skeleton, day, locale=self.locale))

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
        return zone.key
    offset = zone.utcoffset(None)
    return format_offset(offset) if offset else "UTC"
