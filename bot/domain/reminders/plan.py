"""Planning reminders from agendas and the people who asked for them.

Every planned reminder has a key that names it completely (target, session, kind, lead and the
session's start), so the delivery ledger can refuse a second send, and a moved session gets new
reminders while the old ones are simply no longer planned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from operator import attrgetter

from bot.domain.agenda import Schedule, Session

DEFAULT_SESSION_LEADS = (timedelta(minutes=15),)
DEFAULT_EVENT_LEAD = timedelta(days=1)
DEFAULT_DM_LEAD = timedelta(minutes=15)


class ReminderKind(StrEnum):
    SESSION = "session"  # before each session
    EVENT = "event"  # before an event's first session ("tomorrow: ...")
    NOTICE = "notice"  # a session moved


class TargetKind(StrEnum):
    CHANNEL = "channel"  # a channel of a server, by its id
    DM = "dm"  # a member's direct messages, by the member's id
    OPERATOR = "operator"  # the operator's own destination, named by the sink that reaches it


@dataclass(frozen=True, slots=True)
class Target:
    """Where one reminder goes. Its text starts every delivery key, so it never changes for a
    target: "channel:77", "dm:5", and for the operator's destination the sink's own name
    ("console", "webhook")."""

    kind: TargetKind
    id: str = ""

    @classmethod
    def operator(cls, sink: str) -> Target:
        """The operator's destination as reached through the sink named `sink`."""
        return cls(TargetKind.OPERATOR, sink)

    def __str__(self) -> str:
        if self.kind is TargetKind.OPERATOR:
            return self.id
        return f"{self.kind}:{self.id}" if self.id else str(self.kind)


@dataclass(frozen=True, slots=True)
class Leads:
    """How long before: each session (several leads allowed), and the event (None: never)."""

    sessions: tuple[timedelta, ...] = DEFAULT_SESSION_LEADS
    event: timedelta | None = DEFAULT_EVENT_LEAD


@dataclass(frozen=True, slots=True)
class ChannelFollow:
    """A channel (or the operator's destination) that follows a schedule."""

    target: Target
    schedule_id: str
    guild_id: int | None = None
    role_id: int | None = None
    leads: Leads | None = None  # None: the configured defaults


@dataclass(frozen=True, slots=True)
class MemberPrefs:
    user_id: int
    timezone: str | None = None
    locale: str | None = None
    dm_opt_in: bool = False
    lead: timedelta | None = None
    dm_closed: bool = False


@dataclass(frozen=True, slots=True)
class Audience:
    """Everyone who asked for reminders, as read from the database."""

    follows: tuple[ChannelFollow, ...] = ()
    members: Mapping[int, MemberPrefs] = field(default_factory=dict)
    stars: frozenset[tuple[int, str, str]] = frozenset()  # (user, schedule, session)
    member_follows: frozenset[tuple[int, str]] = frozenset()  # (user, schedule)
    guild_members: Mapping[int, frozenset[int]] = field(default_factory=dict)  # guild -> users
    # (user, schedule): confirmed RSVPs whose reminders the member kept on. Followed by DM like
    # `member_follows`, whether or not the member opted in to DMs (the RSVP is the wish).
    rsvp_follows: frozenset[tuple[int, str]] = frozenset()
    # guild -> the language its server prefers ("zh-CN"), where known: channel posts are in it.
    guild_locales: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlannedReminder:
    """One reminder to one target. `due` and `session_start` are UTC: compared as instants."""

    key: str
    due: datetime
    kind: ReminderKind
    lead: timedelta
    target: Target
    schedule_id: str
    session_id: str
    session_start: datetime
    follow: ChannelFollow | None = None  # for channel-like targets: role, guild
    member: MemberPrefs | None = None  # for DMs: zone and language


def reminder_key(
    target: Target, schedule_id: str, session: Session, kind: ReminderKind, lead: timedelta
) -> str:
    return f"{target}{_key_tail(schedule_id, session, kind, lead)}"


def _key_tail(schedule_id: str, session: Session, kind: ReminderKind, lead: timedelta) -> str:
    """Everything in a key after its target."""
    minutes = int(lead.total_seconds() // 60)
    seconds = int(lead.total_seconds()) % 60
    lead_text = f"{minutes}m" + (f"{seconds}s" if seconds else "")
    return f"|{schedule_id}|{session.id}|{kind}|{lead_text}|{int(session.start.timestamp())}"


def plan_reminders(
    schedules: Iterable[Schedule], audience: Audience, defaults: Leads
) -> list[PlannedReminder]:
    """Every reminder the agendas and the audience call for, past or future, sorted by due time.

    Channel-like follows get each session at each lead, and the event's first session at the
    event lead. Members get DMs for sessions they starred, and for every session of schedules
    they follow when they opted in or hold a confirmed RSVP for, at their own lead; members
    whose DMs are closed get none. All-day entries get the event reminder only. Each occurrence of a repeating session is a
    session of its own (its own id and start, so its own keys); the event reminder is for the
    first one-off session: a repeating meeting gets its session reminders only.
    """
    planned: list[PlannedReminder] = []
    by_id = {s.id: s for s in schedules}
    for follow in audience.follows:
        schedule = by_id.get(follow.schedule_id)
        if schedule is None or not schedule.sessions:
            continue
        leads = follow.leads or defaults
        for session in schedule.sessions:
            if session.all_day:
                continue
            for lead in leads.sessions:
                planned.append(
                    _planned(
                        follow.target, schedule, session, ReminderKind.SESSION, lead, follow=follow
                    )
                )
        first = next((s for s in schedule.sessions if s.series_id is None), None)
        if leads.event is not None and first is not None:
            planned.append(
                _planned(
                    follow.target, schedule, first, ReminderKind.EVENT, leads.event, follow=follow
                )
            )
    planned.extend(_planned_dms(audience, by_id))
    planned.sort(key=_by_key)  # then by due time, keeping that order among equals: the two
    planned.sort(key=_by_due)  # sorts cost less than one on (due, key) pairs
    return planned


_SESSION = ReminderKind.SESSION
_by_key = attrgetter("key")
_by_due = attrgetter("due")


def _planned_dms(audience: Audience, schedules: Mapping[str, Schedule]) -> list[PlannedReminder]:
    """The DMs: every session of the schedules a member follows with DMs on or holds a
    confirmed RSVP for (its reminders kept on), and the sessions they starred, each once, at
    the member's lead; none for members whose DMs are closed.
    In no particular order (the plan is sorted, and no two of them share a key). The part of
    a key and the instants that every member shares are worked out once per session and lead:
    a session followed by thousands costs one small object each."""
    planned: list[PlannedReminder] = []
    members = audience.members
    by_id: dict[str, dict[str, Session]] = {}  # per schedule: the first session of each id
    shared: dict[tuple[str, str, timedelta], tuple[str, datetime, datetime]] = {}

    def sessions_of(schedule_id: str) -> dict[str, Session]:
        found = by_id.get(schedule_id)
        if found is None:
            found = by_id[schedule_id] = {}
            for each in schedules[schedule_id].sessions:
                found.setdefault(each.id, each)
        return found

    def add(
        user_id: int, member: MemberPrefs, schedule_id: str, sessions: Iterable[Session]
    ) -> None:
        lead = member.lead if member.lead is not None else DEFAULT_DM_LEAD
        target = Target(TargetKind.DM, str(user_id))
        for session in sessions:
            if session.all_day:
                continue
            part = shared.get((schedule_id, session.id, lead))
            if part is None:
                start = session.start.astimezone(UTC)
                tail = _key_tail(schedule_id, session, _SESSION, lead)
                part = shared[(schedule_id, session.id, lead)] = (tail, start - lead, start)
            tail, due, start = part
            planned.append(
                PlannedReminder(
                    f"dm:{user_id}{tail}",
                    due,
                    _SESSION,
                    lead,
                    target,
                    schedule_id,
                    session.id,
                    start,
                    None,
                    member,
                )
            )

    followed: set[tuple[int, str]] = set()
    rsvps = audience.rsvp_follows
    wanted = audience.member_follows | rsvps if rsvps else audience.member_follows
    for user_id, schedule_id in wanted:
        member = members.get(user_id)
        confirmed = (user_id, schedule_id) in rsvps
        if member is None and confirmed:
            member = MemberPrefs(user_id)
        if member is None or schedule_id not in schedules:
            continue
        if not member.dm_opt_in and not confirmed:
            continue
        followed.add((user_id, schedule_id))
        if not member.dm_closed:
            add(user_id, member, schedule_id, sessions_of(schedule_id).values())
    for user_id, schedule_id, session_id in audience.stars:
        if schedule_id not in schedules or (user_id, schedule_id) in followed:
            continue
        member = members.get(user_id)
        wished = sessions_of(schedule_id).get(session_id)
        if member is not None and not member.dm_closed and wished is not None:
            add(user_id, member, schedule_id, (wished,))
    return planned


def _planned(
    target: Target,
    schedule: Schedule,
    session: Session,
    kind: ReminderKind,
    lead: timedelta,
    *,
    follow: ChannelFollow | None = None,
    member: MemberPrefs | None = None,
) -> PlannedReminder:
    return PlannedReminder(
        key=reminder_key(target, schedule.id, session, kind, lead),
        due=session.start.astimezone(UTC) - lead,
        kind=kind,
        lead=lead,
        target=target,
        schedule_id=schedule.id,
        session_id=session.id,
        session_start=session.start.astimezone(UTC),
        follow=follow,
        member=member,
    )


def parse_leads(text: str) -> tuple[timedelta, ...]:
    """ "1440,15" or "1d, 15m, 30s" -> leads, largest first. Raises ValueError naming the part."""
    leads = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        unit = part[-1].lower()
        number = part[:-1] if unit in "dhms" else part
        try:
            value = float(number)
        except ValueError:
            raise ValueError(
                f"{part!r} is not a lead time (use minutes, or 1d, 2h, 15m, 30s)"
            ) from None
        if value < 0:
            raise ValueError(f"{part!r}: a lead time cannot be negative")
        factor = {"d": 86400, "h": 3600, "m": 60, "s": 1}.get(unit, 60)
        leads.append(timedelta(seconds=value * factor))
    return tuple(sorted(set(leads), reverse=True))
