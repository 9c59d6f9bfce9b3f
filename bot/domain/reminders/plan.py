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
    minutes = int(lead.total_seconds() // 60)
    seconds = int(lead.total_seconds()) % 60
    lead_text = f"{minutes}m" + (f"{seconds}s" if seconds else "")
    return (
        f"{target}|{schedule_id}|{session.id}|{kind}|{lead_text}|{int(session.start.timestamp())}"
    )


def plan_reminders(
    schedules: Iterable[Schedule], audience: Audience, defaults: Leads
) -> list[PlannedReminder]:
    """Every reminder the agendas and the audience call for, past or future, sorted by due time.

    Channel-like follows get each session at each lead, and the event's first session at the
    event lead. Members get DMs for sessions they starred, and for every session of schedules
    they follow when they opted in, at their own lead; members whose DMs are closed get none.
    All-day entries get the event reminder only.
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
        if leads.event is not None:
            first = schedule.sessions[0]
            planned.append(
                _planned(
                    follow.target, schedule, first, ReminderKind.EVENT, leads.event, follow=follow
                )
            )
    for user_id, schedule_id, session_id in _dm_wishes(audience, by_id):
        member = audience.members.get(user_id)
        if member is None or member.dm_closed:
            continue
        schedule = by_id[schedule_id]
        wished = next((s for s in schedule.sessions if s.id == session_id), None)
        if wished is None or wished.all_day:
            continue
        target = Target(TargetKind.DM, str(user_id))
        lead = member.lead if member.lead is not None else DEFAULT_DM_LEAD
        planned.append(
            _planned(target, schedule, wished, ReminderKind.SESSION, lead, member=member)
        )
    planned.sort(key=lambda p: (p.due, p.key))
    return planned


def _dm_wishes(audience: Audience, schedules: Mapping[str, Schedule]) -> list[tuple[int, str, str]]:
    wishes = {star for star in audience.stars if star[1] in schedules}
    for user_id, schedule_id in audience.member_follows:
        member = audience.members.get(user_id)
        schedule = schedules.get(schedule_id)
        if member is None or not member.dm_opt_in or schedule is None:
            continue
        wishes.update((user_id, schedule_id, s.id) for s in schedule.sessions)
    return sorted(wishes)


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
