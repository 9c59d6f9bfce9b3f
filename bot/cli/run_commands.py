"""`agenda-bot run`, `agenda-bot db upgrade`, `agenda-bot reminders`."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime
from pathlib import Path

import click

from bot.cli import event_loop
from bot.cli.agenda_commands import EXIT_PROBLEMS, TZ_OPTION, zone_option
from bot.config import Settings, SettingsError
from bot.domain.readers.source import read_paths
from bot.domain.reminders.plan import Audience, ChannelFollow, Target, TargetKind, plan_reminders
from bot.domain.zones.naming import offset_label
from bot.observability.logs import configure_logging


@click.command()
@click.option(
    "--access-log/--no-access-log",
    default=False,
    show_default=True,
    help="Log one line per feed request (tokens are always redacted).",
)
@click.pass_obj
def run(settings: Settings, *, access_log: bool) -> None:
    """Run everything: agendas (re-read on change), reminders, the feed server, Discord."""
    configure_logging(
        settings.log_level,
        settings.log_format,
        secrets=[s for s in (settings.discord_token, settings.discord_webhook_url) if s],
    )
    try:
        settings.read_options()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from None

    async def main() -> None:
        from bot.runtime import run_all  # noqa: PLC0415 - keeps `agenda-bot check` light

        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await run_all(settings, stop, access_log=access_log)

    event_loop.run(main())


@click.group()
def db() -> None:
    """The database (DATABASE_URL; SQLite in the state folder by default)."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(settings: Settings) -> None:
    """Apply every migration the database has not had yet."""
    from bot.storage.database import make_engine  # noqa: PLC0415
    from bot.storage.migrate import current, head, upgrade  # noqa: PLC0415

    engine = make_engine(settings.database)
    before = current(engine)
    upgrade(engine)
    click.echo(f"database at revision {current(engine)} (was {before or 'empty'}; latest {head()})")


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@TZ_OPTION
@click.option("--all", "show_all", is_flag=True, help="Include reminders whose time has passed.")
@click.pass_obj
def reminders(settings: Settings, path: Path, tz_name: str, *, show_all: bool) -> None:
    """List the reminders the agendas at PATH would get, and when (with the configured leads)."""
    options = settings.read_options()
    tz = zone_option(options.resolver, tz_name, "--tz")
    results = read_paths([path], options)
    schedules = [s for r in results for s in r.schedules]
    follows = tuple(ChannelFollow(Target(TargetKind.CONSOLE), s.id) for s in schedules)
    planned = plan_reminders(schedules, Audience(follows=follows), settings.leads)
    now = datetime.now(UTC)
    titles = {(s.id, x.id): x.title for s in schedules for x in s.sessions}
    shown = [p for p in planned if show_all or p.due >= now]
    for reminder in shown:
        due = reminder.due.astimezone(tz)
        start = reminder.session_start.astimezone(tz)
        lead = int(reminder.lead.total_seconds() // 60)
        click.echo(
            f"{due:%Y-%m-%d %H:%M} {offset_label(due)}  {reminder.kind:<7} {lead:>5} min before "
            f"{start:%Y-%m-%d %H:%M}  {reminder.schedule_id}: "
            f"{titles[(reminder.schedule_id, reminder.session_id)]}"
        )
    hidden = len(planned) - len(shown)
    if hidden:
        click.echo(f"({hidden} reminders already past; --all shows them)", err=True)
    if not schedules:
        raise SystemExit(EXIT_PROBLEMS)
