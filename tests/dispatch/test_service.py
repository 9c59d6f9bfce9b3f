"""The reminder runtime on a controllable clock, against both databases."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.delivery import Retry, Undeliverable
from bot.dispatch.service import Timing
from bot.domain.reminders.plan import Target, TargetKind
from bot.storage.deliveries import State
from tests.dispatch.conftest import World, make_world

OPENING_DUE = datetime(2026, 3, 1, 9, 45, tzinfo=UTC)  # 10:45 Paris, 15 min before 11:00
DIVE_DUE = datetime(2026, 3, 1, 10, 15, tzinfo=UTC)


async def test_reconcile_derives_one_job_per_due_time(world: World) -> None:
    scheduler = AsyncIOScheduler(timezone="UTC")
    world.service.scheduler = scheduler
    dues = await world.service.reconcile()
    assert dues == [OPENING_DUE, DIVE_DUE]
    assert sorted(job.id for job in scheduler.get_jobs()) == [
        "due:2026-03-01T09:45:00+00:00",
        "due:2026-03-01T10:15:00+00:00",
    ]
    world.people.set_dm(1, True)
    world.people.follow_schedule(1, "conf")
    world.people.set_lead(1, 60)
    await world.service.reconcile()
    # The member's 60-minute lead adds 09:30 (and 09:00, which is now: no job for the past).
    assert sorted(job.id for job in scheduler.get_jobs()) == [
        "due:2026-03-01T09:30:00+00:00",
        "due:2026-03-01T09:45:00+00:00",
        "due:2026-03-01T10:15:00+00:00",
    ]
    (world.folder / "conf.yaml").unlink()
    await world.library.reload()
    await world.service.reconcile()
    assert scheduler.get_jobs() == []


async def test_firing_sends_each_reminder_once_with_its_details(world: World) -> None:
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    await world.service.fire(OPENING_DUE)  # a duplicate job run changes nothing
    assert world.titles() == ["⏰ **Opening** starts <t:1772359200:R>"]
    [(target, content, nonce)] = world.sender.sent
    assert target == Target(TargetKind.CHANNEL, "77") and nonce.startswith("ab")
    assert "Sun 11:00 Europe/Paris" in content
    [row] = world.ledger.rows()
    assert (row.state, row.late, row.sent_at) == (State.SENT, False, OPENING_DUE)


async def test_the_operators_destinations_never_get_a_servers_imported_agenda(
    world: World,
) -> None:
    """An import under guilds/<id>/ is that server's: the console, the webhook and
    DISCORD_CHANNEL_ID follow only the public agendas."""
    imported = world.folder / "guilds" / "123456789012345678"
    imported.mkdir(parents=True)
    (imported / "private.yaml").write_text((world.folder / "conf.yaml").read_text())
    await world.library.reload()
    assert "private" in world.library.snapshot.schedules
    assert {p.schedule_id for p in world.service.plan()} == {"conf"}


async def test_two_processes_on_one_database_send_once(world: World, engine) -> None:  # type: ignore[no-untyped-def]
    other = make_world(engine, world.folder, world.clock, owner="p2")
    world.clock.now = OPENING_DUE
    import asyncio

    await asyncio.gather(world.service.fire(OPENING_DUE), other.service.fire(OPENING_DUE))
    assert len(world.sender.sent) + len(other.sender.sent) == 1


async def test_after_downtime_a_missed_reminder_is_sent_late_if_its_session_has_not_started(
    world: World,
) -> None:
    world.clock.now = datetime(2026, 3, 1, 9, 50, tzinfo=UTC)  # Opening's reminder was due 09:45
    await world.service.catch_up()
    assert world.titles() == ["⏰ **Opening** starts <t:1772359200:R>"]
    assert "(late: the bot was offline" in world.sender.sent[0][1]
    [row] = world.ledger.rows()
    assert row.late is True
    await world.service.catch_up()
    assert len(world.sender.sent) == 1


async def test_a_star_made_inside_the_lead_time_gets_no_late_reminder_after_a_restart(
    world: World,
) -> None:
    """Starred at 10:20 for Deep dive at 10:30 (lead 15 minutes: due 10:15): the member was told
    no reminder will come, so a restart must not send one labelled late."""
    world.service.destinations = ()
    world.clock.now = datetime(2026, 3, 1, 10, 20, tzinfo=UTC)
    world.people.star(6, "conf", "deep-dive")
    await world.service.catch_up()
    assert world.sender.sent == []


async def test_after_downtime_a_reminder_for_a_started_session_is_skipped_and_logged(
    world: World, caplog
) -> None:  # type: ignore[no-untyped-def]
    world.clock.now = datetime(2026, 3, 1, 10, 20, tzinfo=UTC)  # Opening started 10:00
    await world.service.catch_up()
    assert world.titles() == ["⏰ **Deep dive** starts <t:1772361000:R>"]
    states = {row.session_id: row.state for row in world.ledger.rows()}
    assert states == {"opening": State.SKIPPED, "deep-dive": State.SENT}
    assert "skipped" in caplog.text and "opening" in caplog.text


async def test_a_failed_send_is_retried_with_backoff_by_the_sweep(world: World) -> None:
    world.sender.outcomes = [Retry("503 from discord"), Retry("503 again")]
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    [row] = world.ledger.rows()
    assert (row.state, row.next_attempt_at) == (State.FAILED, OPENING_DUE + timedelta(seconds=30))
    world.clock.advance(seconds=10)
    await world.service.sweep()
    assert world.sender.sent == []
    world.clock.advance(seconds=20)
    await world.service.sweep()
    [row] = world.ledger.rows()
    assert (row.attempts, row.next_attempt_at) == (2, OPENING_DUE + timedelta(seconds=90))
    world.clock.advance(seconds=60)
    await world.service.sweep()
    assert len(world.sender.sent) == 1
    [row] = world.ledger.rows()
    assert (row.state, row.attempts) == (State.SENT, 3)


async def test_a_claim_left_by_a_crash_is_delivered_after_its_lease(world: World, engine) -> None:  # type: ignore[no-untyped-def]
    world.clock.now = OPENING_DUE
    [reminder] = [p for p in world.service.plan() if p.due == OPENING_DUE]
    assert world.ledger.claim(reminder, OPENING_DUE) is not None  # then the process died
    survivor = make_world(engine, world.folder, world.clock, owner="p2")
    await survivor.service.sweep()
    assert survivor.sender.sent == []
    world.clock.advance(seconds=61)
    await survivor.service.sweep()
    assert len(survivor.sender.sent) == 1


async def test_closed_dms_are_recorded_and_not_retried(world: World) -> None:
    world.people.set_dm(5, True)
    world.people.follow_schedule(5, "conf")
    world.sender.outcomes = [Undeliverable("forbidden (50007)", dm_closed=True)]
    world.clock.now = OPENING_DUE
    world.service.destinations = ()
    await world.service.fire(OPENING_DUE)
    [row] = world.ledger.rows()
    assert row.state == State.UNDELIVERABLE
    assert world.people.audience().members[5].dm_closed
    assert [p for p in world.service.plan() if p.target.kind is TargetKind.DM] == []
    world.clock.advance(hours=1)
    await world.service.sweep()
    assert world.sender.sent == []


async def test_dm_reminders_follow_the_members_zone_and_language(world: World) -> None:
    world.people.star(6, "conf", "deep-dive")
    world.people.set_timezone(6, "Asia/Shanghai")
    world.people.set_locale(6, "zh-CN")
    world.service.destinations = ()
    world.clock.now = DIVE_DUE
    await world.service.fire(DIVE_DUE)
    [(target, content, _)] = world.sender.sent
    assert target == Target(TargetKind.DM, "6")
    assert content.splitlines()[1] == "2026年3月1日 星期日 18:30 (Asia/Shanghai)"
    assert "讲师：Ana (Acme)" in content


async def test_a_moved_session_reschedules_and_posts_one_change_notice(world: World) -> None:
    world.service.scheduler = AsyncIOScheduler(timezone="UTC")
    world.library.subscribe(world.service.on_agendas_changed)
    await world.service.reconcile()
    page = world.folder / "conf.yaml"
    page.write_text(page.read_text().replace('start: "11:30"', 'start: "11:45"'))
    await world.library.reload()
    await world.service.stop()  # waits for the notice and the reconcile to finish
    assert [c.splitlines()[1] for _, c, _ in world.sender.sent] == [
        "11:30 → 11:45 Europe/Paris (UTC+01:00)"
    ]
    jobs = sorted(job.id for job in world.service.scheduler.get_jobs())
    assert jobs == ["due:2026-03-01T09:45:00+00:00", "due:2026-03-01T10:30:00+00:00"]


async def test_a_removed_session_cancels_its_reminders(world: World) -> None:
    page = world.folder / "conf.yaml"
    page.write_text(page.read_text().split("  - title: Deep dive")[0])
    await world.library.reload()
    assert await world.service.reconcile() == [OPENING_DUE]
    world.clock.now = DIVE_DUE
    await world.service.fire(DIVE_DUE)
    assert world.sender.sent == []


async def test_one_failed_delivery_never_blocks_the_rest(world: World) -> None:
    world.service.destinations = (
        Target(TargetKind.CHANNEL, "77"),
        Target(TargetKind.CHANNEL, "78"),
    )
    world.sender.outcomes = [Undeliverable("channel gone")]
    world.clock.now = OPENING_DUE
    await world.service.fire(OPENING_DUE)
    assert len(world.sender.sent) == 1
    assert sorted(row.state for row in world.ledger.rows()) == [State.SENT, State.UNDELIVERABLE]


async def test_a_removed_future_session_gets_one_removal_notice(world: World, engine) -> None:  # type: ignore[no-untyped-def]
    """Both processes see the edit; the ledger lets one notice out."""
    other = make_world(engine, world.folder, world.clock, owner="p2")
    for each in (world, other):
        each.service.scheduler = AsyncIOScheduler(timezone="UTC")
        each.library.subscribe(each.service.on_agendas_changed)
        await each.service.reconcile()
    page = world.folder / "conf.yaml"
    page.write_text(page.read_text().split("  - title: Deep dive")[0])
    for each in (world, other):
        await each.library.reload()
        await each.service.stop()  # waits for the notice and the reconcile to finish
    sent = [content for _, content, _ in world.sender.sent + other.sender.sent]
    assert sent == ["❌ **Deep dive** (<t:1772361000:F>) was removed from Conf"]
    notices = [row for row in world.ledger.rows() if row.kind == "notice"]
    assert [(row.state, row.target) for row in notices] == [(State.SENT, "channel:77")]
    assert await world.service.reconcile() == [OPENING_DUE]  # and its reminder is gone


async def test_a_due_time_is_planned_ahead_and_delivered_on_the_second(world: World) -> None:
    scheduler = AsyncIOScheduler(timezone="UTC")
    world.service.scheduler = scheduler
    world.service.timing = Timing(plan_ahead=timedelta(seconds=0.3))
    world.clock.now = OPENING_DUE - timedelta(hours=1)
    await world.service.reconcile()
    job = scheduler.get_job(f"due:{OPENING_DUE.isoformat()}")
    assert job is not None and job.trigger.run_date == OPENING_DUE - timedelta(seconds=0.3)
    world.clock.now = OPENING_DUE - timedelta(seconds=0.3)  # the job fires: it plans, then waits
    firing = asyncio.create_task(world.service.fire(OPENING_DUE))
    await asyncio.sleep(0.15)
    assert world.sender.sent == []  # planned, not sent before its time
    await asyncio.wait_for(firing, 5)
    assert [target.id for target, _, _ in world.sender.sent] == ["77"]
