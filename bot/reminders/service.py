"""Reminders at run time.

The job list is derived, never stored: one APScheduler job per distinct due time (id
`due:<ISO time>`), reconciled whenever agendas or people change and every few minutes. A job
re-plans when it fires and delivers everything due at its time. Delivery goes through the ledger:
claim, send, record. A sweep retries failures (with backoff) and claims left by a dead process;
at start, reminders missed while down are sent late if their session has not started, otherwise
skipped and logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.agendas.library import AgendaLibrary, Snapshot
from bot.delivery import Retry, Sender, Sent, Undeliverable
from bot.domain.agenda import Schedule, Session
from bot.domain.reminders.plan import (
    Audience,
    ChannelFollow,
    Leads,
    PlannedReminder,
    ReminderKind,
    Target,
    TargetKind,
    owned_by,
    plan_reminders,
)
from bot.domain.reminders.render import Rendered, change_notice, channel_reminder, dm_reminder
from bot.domain.zones.local_time import same_instant
from bot.observability.metrics import Metrics
from bot.storage.deliveries import DeliveryLedger, skip_abandoned
from bot.storage.people import People

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
JOB_PREFIX = "due:"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Timing:
    lookback: timedelta = timedelta(days=1)  # how far back a restart looks for missed reminders
    started_tolerance: timedelta = timedelta(seconds=60)  # "the session has started" after this
    late_after: timedelta = timedelta(seconds=30)  # sent later than this past due: marked late
    sweep_every: timedelta = timedelta(seconds=15)
    reconcile_every: timedelta = timedelta(minutes=5)
    concurrency: int = 32


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min ... up to 15 min between attempts."""
    return min(timedelta(seconds=30 * 2 ** max(attempts - 1, 0)), timedelta(minutes=15))


class ReminderService:
    def __init__(
        self,
        *,
        library: AgendaLibrary,
        people: People,
        ledger: DeliveryLedger,
        sender: Sender,
        defaults: Leads,
        destinations: Iterable[Target] = (),
        clock: Clock = utc_now,
        timing: Timing = Timing(),
        scheduler: AsyncIOScheduler | None = None,
        metrics: Metrics | None = None,
        shards: tuple[int, tuple[int, ...]] | None = None,
    ) -> None:
        self.library = library
        self.people = people
        self.ledger = ledger
        self.sender = sender
        self.defaults = defaults
        self.destinations = tuple(destinations)
        self.clock = clock
        self.timing = timing
        self.scheduler = scheduler
        self.metrics = metrics
        self.shards = shards  # (count, ids this process runs); None: everything
        self._audience = Audience()
        self._notices: dict[str, tuple[Session, Session]] = {}
        self._inflight: set[asyncio.Task[None]] = set()
        self._semaphore = asyncio.Semaphore(timing.concurrency)
        self._last: Snapshot = library.snapshot
        self._stopping = False

    # ---- planning ----------------------------------------------------------------------

    def plan(self) -> list[PlannedReminder]:
        """Everything the current agendas and people call for, that this sender can reach."""
        audience = self.people.audience()
        schedules = list(self.library.snapshot.schedules.values())
        implicit = tuple(
            ChannelFollow(target, schedule.id)
            for target in self.destinations
            for schedule in schedules
        )
        audience = replace(audience, follows=implicit + audience.follows)
        self._audience = audience
        planned = plan_reminders(schedules, audience, self.defaults)
        if self.shards is not None:
            count, ids = self.shards
            planned = [p for p in planned if owned_by(p, count, ids)]
        return [p for p in planned if p.target.kind in self.sender.kinds]

    async def _plan(self) -> list[PlannedReminder]:
        return await asyncio.to_thread(self.plan)

    # ---- lifecycle ---------------------------------------------------------------------

    async def start(self) -> None:
        """Catch up on what was missed, derive the jobs, start the timer."""
        await self.catch_up()
        if self.scheduler is not None:
            self.scheduler.add_job(
                self.sweep,
                "interval",
                seconds=self.timing.sweep_every.total_seconds(),
                id="sweep",
                replace_existing=True,
                coalesce=True,
                max_instances=1,
            )
            self.scheduler.add_job(
                self.reconcile,
                "interval",
                seconds=self.timing.reconcile_every.total_seconds(),
                id="reconcile",
                replace_existing=True,
                coalesce=True,
                max_instances=1,
            )
            await self.reconcile()
            if not self.scheduler.running:
                self.scheduler.start()

    async def stop(self) -> None:
        """Stop the timer and let deliveries in flight finish, so no claim is left dangling."""
        self._stopping = True
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self._inflight:
            await asyncio.wait(set(self._inflight), timeout=30)

    async def reconcile(self) -> list[datetime]:
        """Make the job list match the plan: one job per future due time. Returns the dues."""
        planned = await self._plan()
        now = self.clock()
        dues = sorted({p.due for p in planned if p.due > now})
        if self.scheduler is None:
            return dues
        wanted = {f"{JOB_PREFIX}{due.astimezone(UTC).isoformat()}": due for due in dues}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(JOB_PREFIX) and job.id not in wanted:
                job.remove()
        for job_id, due in wanted.items():
            if self.scheduler.get_job(job_id) is None:
                self.scheduler.add_job(
                    self.fire,
                    "date",
                    run_date=due,
                    args=[due],
                    id=job_id,
                    misfire_grace_time=int(self.timing.lookback.total_seconds()),
                    coalesce=True,
                )
        return dues

    # ---- firing ------------------------------------------------------------------------

    async def fire(self, due: datetime) -> None:
        """A due time has come: deliver everything planned for it (re-planned now)."""
        planned = [p for p in await self._plan() if p.due == due]
        await self.deliver(planned)

    async def catch_up(self) -> None:
        """Reminders whose time came while nothing was running: late, or skipped."""
        now = self.clock()
        missed = [p for p in await self._plan() if now - self.timing.lookback <= p.due <= now]
        done = await asyncio.to_thread(self.ledger.final_keys, [p.key for p in missed])
        await self.deliver([p for p in missed if p.key not in done])

    async def sweep(self) -> None:
        """Retry failed deliveries that are due again, and claims whose owner vanished."""
        now = self.clock()
        keys = await asyncio.to_thread(self.ledger.retryable_keys, now)
        if not keys:
            return
        planned = {p.key: p for p in await self._plan()}
        for key in keys:
            if key not in planned and key not in self._notices:
                await asyncio.to_thread(skip_abandoned, self.ledger, key, now, "no longer planned")
        await self.deliver([planned[k] for k in keys if k in planned])

    async def deliver(self, reminders: Iterable[PlannedReminder]) -> None:
        tasks = [asyncio.create_task(self._deliver_one(r)) for r in reminders]
        for task in tasks:
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)
        if tasks:
            await asyncio.gather(*tasks)

    async def _deliver_one(self, reminder: PlannedReminder) -> None:
        async with self._semaphore:
            try:
                await self._deliver(reminder)
            except Exception:  # one failed delivery never blocks the rest
                log.exception("delivering %s failed unexpectedly", reminder.key)

    async def _deliver(self, reminder: PlannedReminder) -> None:
        now = self.clock()
        claim = await asyncio.to_thread(self.ledger.claim, reminder, now)
        if claim is None:
            return
        started = now > reminder.session_start + self.timing.started_tolerance
        if reminder.kind is not ReminderKind.NOTICE and started:
            await asyncio.to_thread(
                self.ledger.mark_skipped, claim, "the session had already started"
            )
            log.warning("skipped %s: its session started before it could be sent", reminder.key)
            self._count("skipped")
            return
        message = self._render(reminder, late=now - reminder.due > self.timing.late_after)
        if message is None:
            await asyncio.to_thread(self.ledger.mark_skipped, claim, "the session is gone")
            return
        result = await self.sender.send(reminder.target, message, nonce=f"ab{claim.id}")
        finished = self.clock()
        if isinstance(result, Sent):
            late = finished - reminder.due > self.timing.late_after
            if not await asyncio.to_thread(
                self.ledger.mark_sent, claim, finished, late=late, message_id=result.message_id
            ):
                log.warning("claim on %s expired during a slow send", reminder.key)
            log.info("sent %s%s", reminder.key, " (late)" if late else "")
            self._count("sent")
            if late:
                self._count("late")
        elif isinstance(result, Retry):
            retry_at = finished + backoff(claim.attempts)
            await asyncio.to_thread(self.ledger.mark_failed, claim, result.error, retry_at)
            log.warning("send of %s failed (%s); retry at %s", reminder.key, result.error, retry_at)
            self._count("failed")
        elif isinstance(result, Undeliverable):
            await asyncio.to_thread(self.ledger.mark_undeliverable, claim, result.error)
            if result.dm_closed and reminder.target.kind is TargetKind.DM:
                await asyncio.to_thread(self.people.mark_dm_closed, int(reminder.target.id))
            log.warning("%s cannot be delivered: %s", reminder.key, result.error)
            self._count("undeliverable")

    def _count(self, outcome: str) -> None:
        if self.metrics is not None:
            self.metrics.reminders.labels(outcome).inc()

    def _render(self, reminder: PlannedReminder, *, late: bool) -> Rendered | None:
        if reminder.kind is ReminderKind.NOTICE:
            pair = self._notices.get(reminder.key)
            schedule = self.library.snapshot.schedules.get(reminder.schedule_id)
            return change_notice(schedule, *pair) if pair and schedule else None
        found = self._find(reminder.schedule_id, reminder.session_id)
        if found is None:
            return None
        schedule, session = found
        if reminder.target.kind is TargetKind.DM:
            member = reminder.member
            return dm_reminder(
                schedule,
                session,
                zone=member.timezone if member else None,
                locale=member.locale if member else None,
                late=late,
            )
        follow = reminder.follow
        zones: list[str] = []
        if follow is not None and follow.guild_id is not None:
            users = self._audience.guild_members.get(follow.guild_id, frozenset())
            zones = [
                m.timezone for u in users if (m := self._audience.members.get(u)) and m.timezone
            ]
        return channel_reminder(
            schedule,
            session,
            event=reminder.kind is ReminderKind.EVENT,
            member_zones=zones,
            role_id=follow.role_id if follow else None,
            late=late,
        )

    def _find(self, schedule_id: str, session_id: str) -> tuple[Schedule, Session] | None:
        schedule = self.library.snapshot.schedules.get(schedule_id)
        if schedule is None:
            return None
        session = next((s for s in schedule.sessions if s.id == session_id), None)
        return (schedule, session) if session else None

    # ---- agenda changes ----------------------------------------------------------------

    def on_agendas_changed(self, snapshot: Snapshot) -> None:
        """Library listener: notices for moved sessions, then a reconcile. Runs on the loop."""
        previous, self._last = self._last, snapshot
        if self._stopping:
            return
        notices = self._moved_notices(previous, snapshot)
        task = asyncio.get_running_loop().create_task(self._after_change(notices))
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)

    async def _after_change(self, notices: list[PlannedReminder]) -> None:
        try:
            await self.deliver(notices)
            await self.reconcile()
        except Exception:
            log.exception("reacting to an agenda change failed")

    def _moved_notices(self, old: Snapshot, new: Snapshot) -> list[PlannedReminder]:
        now = self.clock()
        follows = [f for f in self._audience.follows if f.target.kind in self.sender.kinds] or [
            ChannelFollow(t, s) for t in self.destinations for s in new.schedules
        ]
        notices = []
        for schedule_id, schedule in new.schedules.items():
            before = old.schedules.get(schedule_id)
            if before is None:
                continue
            earlier = {s.id: s for s in before.sessions}
            for session in schedule.sessions:
                was = earlier.get(session.id)
                if was is None or same_instant(was.start, session.start):
                    continue
                if max(was.start, session.start) < now:
                    continue
                for follow in follows:
                    if follow.schedule_id != schedule_id:
                        continue
                    key = (
                        f"{follow.target}|{schedule_id}|{session.id}|notice|"
                        f"{int(was.start.timestamp())}->{int(session.start.timestamp())}"
                    )
                    self._notices[key] = (was, session)
                    notices.append(
                        PlannedReminder(
                            key,
                            now,
                            ReminderKind.NOTICE,
                            timedelta(0),
                            follow.target,
                            schedule_id,
                            session.id,
                            session.start,
                            follow,
                        )
                    )
        return notices
