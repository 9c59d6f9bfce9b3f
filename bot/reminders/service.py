"""Reminders at run time.

The job list is derived, never stored: one APScheduler job per distinct due time (id
`due:<ISO time>`), reconciled whenever agendas or people change and every few minutes. A job
re-plans when it fires and delivers everything due at its time. Delivery goes through the ledger:
claim, send, record. A sweep retries failures (with backoff, or after the wait a 429 asked for)
and claims left by a dead process; at start, reminders missed while down are sent late if their
session has not started, otherwise skipped and logged.

What reaches the channel, per sender:
- idempotent senders (Discord REST: nonce + enforce_nonce) run up to `Timing.concurrency` sends
  at once; a retry after a crash, an unanswered request or a timeout carries the same nonce, so
  Discord returns the first message instead of posting again (within its nonce window, "a few
  minutes": a crash retry comes after at most the 60 s lease, an unknown outcome after 30 s);
- the others (a webhook: Discord's Execute Webhook takes no nonce; the console) run one send at
  a time, so a crash or an unanswered request can repeat at most the one message in flight.
Every send ends inside its claim's lease (`Timing.send_margin`): a claim never runs out while its
request may still be answered, so no other attempt starts while the first may still land.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from math import ceil

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.agendas.library import AgendaLibrary, Snapshot
from bot.delivery import Retry, Sender, SendResult, Sent, Undeliverable, Unknown
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
from bot.domain.reminders.render import (
    Rendered,
    change_notice,
    channel_reminder,
    dm_reminder,
    open_zone,
)
from bot.domain.zones.local_time import same_instant
from bot.observability.metrics import Metrics
from bot.storage.deliveries import Claim, DeliveryLedger, skip_abandoned
from bot.storage.people import People

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
JOB_PREFIX = "due:"
RETRY_PREFIX = "retry:"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Timing:
    lookback: timedelta = timedelta(days=1)  # how far back a restart looks for missed reminders
    started_tolerance: timedelta = timedelta(seconds=60)  # "the session has started" after this
    late_after: timedelta = timedelta(seconds=30)  # sent later than this past due: marked late
    sweep_every: timedelta = timedelta(seconds=15)
    reconcile_every: timedelta = timedelta(minutes=5)
    concurrency: int = 32  # sends at once through an idempotent sender (the others: one)
    send_margin: timedelta = timedelta(seconds=10)  # a send ends this long before its lease


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
        self._semaphore = asyncio.Semaphore(timing.concurrency if sender.idempotent else 1)
        self._zone_opens: dict[str, bool] = {}  # a failed open searches the zone files again
        self._zones_reported: set[tuple[int, str]] = set()
        self._last: Snapshot = library.snapshot
        self._stopping = False

    # ---- planning ----------------------------------------------------------------------

    def plan(self) -> list[PlannedReminder]:
        """Everything the current agendas and people call for, that this sender can reach."""
        audience = self.people.audience()
        snapshot = self.library.snapshot
        schedules = list(snapshot.schedules.values())
        # The operator's own destinations (console, webhook, DISCORD_CHANNEL_ID) follow the
        # public agendas; a server's imports reach only that server's follows and members.
        implicit = tuple(
            ChannelFollow(target, schedule_id)
            for target in self.destinations
            for schedule_id in snapshot.public
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
        starred = await asyncio.to_thread(self.people.star_times)
        # A star made inside the lead time was told that no reminder will come: its reminder was
        # due before the star existed, so it was never missed.
        missed = [p for p in missed if not _due_before_its_star(p, starred)]
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
                self._count("failed")

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
        try:
            message = self._render(reminder, late=now - reminder.due > self.timing.late_after)
        except Exception as exc:  # recorded and counted, never a claim left to run out
            log.exception("rendering %s failed", reminder.key)
            await self._record_failure(claim, f"rendering failed: {type(exc).__name__}: {exc}")
            return
        if message is None:
            await asyncio.to_thread(self.ledger.mark_skipped, claim, "the session is gone")
            self._count("skipped")
            return
        result = await self._send(reminder, message, claim, now)
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
            wait = result.retry_after if result.retry_after is not None else backoff(claim.attempts)
            retry_at = finished + wait
            await asyncio.to_thread(self.ledger.mark_failed, claim, result.error, retry_at)
            log.warning("send of %s failed (%s); retry at %s", reminder.key, result.error, retry_at)
            self._count("failed")
            if result.retry_after is not None:
                self._sweep_at(retry_at)
        elif isinstance(result, Unknown):
            retry_at = finished + backoff(claim.attempts)
            await asyncio.to_thread(
                self.ledger.mark_failed, claim, f"outcome unknown: {result.error}", retry_at
            )
            log.warning(
                "%s may or may not have been posted (%s); retry at %s%s",
                reminder.key,
                result.error,
                retry_at,
                " with the same nonce" if self.sender.idempotent else "",
            )
            self._count("failed")
        elif isinstance(result, Undeliverable):
            await asyncio.to_thread(self.ledger.mark_undeliverable, claim, result.error)
            if result.dm_closed and reminder.target.kind is TargetKind.DM:
                await asyncio.to_thread(self.people.mark_dm_closed, int(reminder.target.id))
            log.warning("%s cannot be delivered: %s", reminder.key, result.error)
            self._count("undeliverable")

    async def _send(
        self, reminder: PlannedReminder, message: Rendered, claim: Claim, claimed_at: datetime
    ) -> SendResult:
        """The sender's outcome, within the claim's lease: past it, another process could take
        the claim over and send again while this request may still land."""
        ends = claimed_at + self.ledger.lease - self.timing.send_margin
        budget = (ends - self.clock()).total_seconds()
        if budget <= 0:  # claiming or rendering took the lease: nothing has gone out
            return Retry("the claim ran short before sending")
        try:
            async with asyncio.timeout(budget):
                return await self.sender.send(reminder.target, message, nonce=f"ab{claim.id}")
        except TimeoutError:
            return Unknown(f"no outcome within {budget:.0f}s, before the claim's lease ends")
        except Exception as exc:
            log.exception("the sender failed on %s", reminder.key)
            return Unknown(f"the sender failed: {type(exc).__name__}: {exc}")

    async def _record_failure(self, claim: Claim, error: str) -> None:
        retry_at = self.clock() + backoff(claim.attempts)
        await asyncio.to_thread(self.ledger.mark_failed, claim, error, retry_at)
        self._count("failed")

    def _sweep_at(self, moment: datetime) -> None:
        """A sweep at `moment` (rounded up to the second), for a retry a 429 put there."""
        if self.scheduler is None or self._stopping:
            return
        run = datetime.fromtimestamp(ceil(moment.timestamp()), UTC)
        job_id = f"{RETRY_PREFIX}{run.isoformat()}"
        if self.scheduler.get_job(job_id) is None:
            self.scheduler.add_job(
                self.sweep,
                "date",
                run_date=run,
                id=job_id,
                misfire_grace_time=int(self.timing.lookback.total_seconds()),
                coalesce=True,
            )

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
            if member is not None:
                self._readable(member.user_id, member.timezone)
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
                zone
                for u in users
                if (m := self._audience.members.get(u)) and (zone := self._readable(u, m.timezone))
            ]
        return channel_reminder(
            schedule,
            session,
            event=reminder.kind is ReminderKind.EVENT,
            member_zones=zones,
            role_id=follow.role_id if follow else None,
            late=late,
        )

    def _readable(self, user_id: int, zone: str | None) -> str | None:
        """`zone` when it opens; otherwise None, and a log line (once per member and zone): one
        member's bad zone leaves it out of the message, and never stops the message."""
        if not zone:
            return None
        opens = self._zone_opens.get(zone)
        if opens is None:
            opens = self._zone_opens[zone] = open_zone(zone) is not None
        if opens:
            return zone
        if (user_id, zone) not in self._zones_reported:
            self._zones_reported.add((user_id, zone))
            log.warning(
                "member %s has a time zone that cannot be read (%r): left out of reminders",
                user_id,
                zone,
            )
        return None

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
            ChannelFollow(t, s) for t in self.destinations for s in new.public
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


def _due_before_its_star(
    reminder: PlannedReminder, starred: dict[tuple[int, str, str], datetime]
) -> bool:
    if reminder.member is None:
        return False
    made = starred.get((reminder.member.user_id, reminder.schedule_id, reminder.session_id))
    return made is not None and made > reminder.due
