"""Reminders at run time.

The job list is derived, never stored: one APScheduler job per distinct due time (id
`due:<ISO time>`), reconciled whenever agendas or people change and every few minutes. A job
re-plans when it fires and delivers everything due at its time. Delivery goes through the ledger:
claim, send, record; a burst is claimed in one transaction (one claim at a time for a sender
that cannot refuse a repeat) and its outcomes are recorded in a few, and a claim that waited
long for its turn has its lease run again before its send. A sweep retries failures (with backoff, or after the wait a 429 asked for)
and claims left by a dead process; at start, reminders missed while down are sent late if their
session has not started, otherwise skipped and logged. An agenda edit sends a notice of each
moved or removed session to the agenda's follows, then reconciles.

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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from math import ceil

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.agendas.library import AgendaLibrary, Snapshot
from bot.app.clock import Clock, utc_now
from bot.delivery import Retry, Sender, SendResult, Unknown
from bot.dispatch.batches import MarkBatches
from bot.dispatch.messages import MessageWriter
from bot.dispatch.notices import planned_notices
from bot.dispatch.outcomes import Outcomes
from bot.dispatch.ports import PeopleStore
from bot.domain.reminders.changes import Change, agenda_changes
from bot.domain.reminders.message import ReminderMessage
from bot.domain.reminders.plan import (
    Audience,
    ChannelFollow,
    Leads,
    PlannedReminder,
    ReminderKind,
    Target,
    plan_reminders,
)
from bot.observability.metrics import Metrics
from bot.storage.deliveries import Claim, DeliveryLedger, skip_abandoned

log = logging.getLogger(__name__)

JOB_PREFIX = "due:"
RETRY_PREFIX = "retry:"


@dataclass(frozen=True, slots=True)
class Timing:
    lookback: timedelta = timedelta(days=1)  # how far back a restart looks for missed reminders
    started_tolerance: timedelta = timedelta(seconds=60)  # "the session has started" after this
    late_after: timedelta = timedelta(seconds=30)  # sent later than this past due: marked late
    sweep_every: timedelta = timedelta(seconds=15)
    reconcile_every: timedelta = timedelta(minutes=5)
    concurrency: int = 32  # sends at once through an idempotent sender (the others: one)
    send_margin: timedelta = timedelta(seconds=10)  # a send ends this long before its lease
    plan_ahead: timedelta = timedelta(seconds=2)  # a due time's job plans this long before it


class ReminderService:
    def __init__(
        self,
        *,
        library: AgendaLibrary,
        people: PeopleStore,
        ledger: DeliveryLedger,
        sender: Sender,
        defaults: Leads,
        destinations: Iterable[Target] = (),
        clock: Clock = utc_now,
        timing: Timing = Timing(),
        scheduler: AsyncIOScheduler | None = None,
        metrics: Metrics | None = None,
        owns: Callable[[PlannedReminder], bool] | None = None,
        guild_locales: Callable[[], Mapping[int, str]] | None = None,
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
        self.owns = owns  # the reminders this process sends (its shards); None: all of them
        # The language each server prefers, as Discord says (None: not known here).
        self.guild_locales = guild_locales
        self._audience = Audience()
        self._notices: dict[str, Change] = {}
        self._inflight: set[asyncio.Task[None]] = set()
        self._semaphore = asyncio.Semaphore(timing.concurrency if sender.idempotent else 1)
        self._writer = MessageWriter()
        self._marks = MarkBatches(ledger.record)
        self._last: Snapshot = library.snapshot
        self._stopping = False

    # ---- planning ----------------------------------------------------------------------

    def plan(self) -> list[PlannedReminder]:
        """Everything the current agendas and people call for, that this sender can reach."""
        audience = self.people.audience()
        snapshot = self.library.snapshot
        schedules = list(snapshot.schedules.values())
        # The operator's own destinations (the console, a webhook, a default channel) follow the
        # public agendas; a server's imports reach only that server's follows and members.
        implicit = tuple(
            ChannelFollow(target, schedule_id)
            for target in self.destinations
            for schedule_id in snapshot.public
        )
        audience = replace(
            audience,
            follows=implicit + audience.follows,
            guild_locales=self._guild_locales(audience),
        )
        self._audience = audience
        planned = plan_reminders(schedules, audience, self.defaults)
        if self.owns is not None:
            planned = [p for p in planned if self.owns(p)]
        return [p for p in planned if p.target.kind in self.sender.kinds]

    def _guild_locales(self, audience: Audience) -> Mapping[int, str]:
        """The languages the servers prefer, for their channel posts (where none is known, a
        post is in its agenda's own language)."""
        if self.guild_locales is None:
            return audience.guild_locales
        try:
            return {**audience.guild_locales, **self.guild_locales()}
        except Exception:  # a post in the agenda's own language beats no post
            log.exception("the servers' languages could not be read")
            return audience.guild_locales

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
                    run_date=due - self.timing.plan_ahead,
                    args=[due],
                    id=job_id,
                    misfire_grace_time=int(self.timing.lookback.total_seconds()),
                    coalesce=True,
                )
        return dues

    # ---- firing ------------------------------------------------------------------------

    async def fire(self, due: datetime) -> None:
        """A due time is near (`Timing.plan_ahead`): re-plan, then at the due time deliver
        everything planned for it. Planning reads everyone who asked for reminders from the
        database (a quarter of a second for ten thousand members), so it is done ahead, and the
        reminders leave on the second."""
        planned = [p for p in await self._plan() if p.due == due]
        wait = (due - self.clock()).total_seconds()
        if wait > 0:
            await asyncio.sleep(wait)
        if not self._stopping:  # stopping: left unclaimed, for the next start to catch up
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
        """Send each reminder its claim allows. An idempotent sender's reminders are claimed
        together in one transaction, then sent as many at once as it allows; the others'
        are claimed one at a time, just before their send, so a crash leaves at most one
        claim behind that may have been posted. Outcomes are recorded in batches."""
        batch = list(reminders)
        if not batch:
            return
        claims: dict[str, Claim | None] = {}
        claimed_at = self.clock()
        if self.sender.idempotent:
            try:
                claims.update(await asyncio.to_thread(self.ledger.claim, batch, claimed_at))
            except Exception:  # counted, like any failure: the sweep tries again
                log.exception("claiming %d reminders failed", len(batch))
                for _ in batch:
                    self._count("failed")
                return
        else:
            claims.update((reminder.key, None) for reminder in batch)
        tasks = []
        for reminder in batch:
            if reminder.key in claims:  # a key twice in `batch`: sent once
                claim = claims.pop(reminder.key)
                tasks.append(asyncio.create_task(self._deliver_one(reminder, claim, claimed_at)))
        for task in tasks:
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)
        if tasks:
            await asyncio.gather(*tasks)

    async def _deliver_one(
        self, reminder: PlannedReminder, claim: Claim | None, claimed_at: datetime
    ) -> None:
        """Deliver `reminder` under `claim`, or under a claim taken now when there is none yet."""
        async with self._semaphore:
            try:
                if claim is None:
                    claimed_at = self.clock()
                    claim = await asyncio.to_thread(self.ledger.claim, reminder, claimed_at)
                    if claim is None:
                        return
                await self._deliver(reminder, claim, claimed_at)
            except Exception:  # one failed delivery never blocks the rest
                log.exception("delivering %s failed unexpectedly", reminder.key)
                self._count("failed")

    async def _deliver(self, reminder: PlannedReminder, claim: Claim, claimed_at: datetime) -> None:
        now = self.clock()
        if now - claimed_at > self.ledger.lease / 2:  # it waited its turn: a whole lease again
            if not await asyncio.to_thread(self.ledger.extend, claim, now):
                log.warning("claim on %s ran out while waiting its turn", reminder.key)
                return
            claimed_at = now
        outcomes = self._outcomes()
        started = now > reminder.session_start + self.timing.started_tolerance
        if reminder.kind is not ReminderKind.NOTICE and started:
            log.warning("skipped %s: its session started before it could be sent", reminder.key)
            await outcomes.skipped(claim, "the session had already started")
            return
        try:
            message = self._writer.message(
                reminder,
                self.library.snapshot,
                self._audience,
                self._notices,
                late=now - reminder.due > self.timing.late_after,
            )
        except Exception as exc:  # recorded and counted, never a claim left to run out
            log.exception("rendering %s failed", reminder.key)
            await outcomes.failed(
                claim, f"rendering failed: {type(exc).__name__}: {exc}", self.clock()
            )
            return
        if message is None:
            await outcomes.skipped(claim, "the session is gone")
            return
        result = await self._send(reminder, message, claim, claimed_at)
        await outcomes.record(reminder, claim, result, self.clock())

    def _outcomes(self) -> Outcomes:
        return Outcomes(
            write=self._marks.write,
            people=self.people,
            late_after=self.timing.late_after,
            idempotent=self.sender.idempotent,
            count=self._count,
            sweep_at=self._sweep_at,
        )

    async def _send(
        self,
        reminder: PlannedReminder,
        message: ReminderMessage,
        claim: Claim,
        claimed_at: datetime,
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

    # ---- agenda changes ----------------------------------------------------------------

    def on_agendas_changed(self, snapshot: Snapshot) -> None:
        """Library listener: notices for moved and removed sessions, then a reconcile. Runs on
        the loop."""
        previous, self._last = self._last, snapshot
        if self._stopping:
            return
        notices = self._change_notices(previous, snapshot)
        task = asyncio.get_running_loop().create_task(self._after_change(notices))
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)

    async def _after_change(self, notices: list[PlannedReminder]) -> None:
        try:
            await self.deliver(notices)
            await self.reconcile()
        except Exception:
            log.exception("reacting to an agenda change failed")

    def _change_notices(self, old: Snapshot, new: Snapshot) -> list[PlannedReminder]:
        now = self.clock()
        follows = [f for f in self._audience.follows if f.target.kind in self.sender.kinds] or [
            ChannelFollow(t, s) for t in self.destinations for s in new.public
        ]
        changes = agenda_changes(old.schedules, new.schedules, now)
        planned = planned_notices(changes, follows, now)
        self._notices.update((key, change) for key, (_, change) in planned.items())
        return [notice for notice, _ in planned.values()]


def _due_before_its_star(
    reminder: PlannedReminder, starred: dict[tuple[int, str, str], datetime]
) -> bool:
    if reminder.member is None:
        return False
    made = starred.get((reminder.member.user_id, reminder.schedule_id, reminder.session_id))
    return made is not None and made > reminder.due
