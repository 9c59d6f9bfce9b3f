"""`agenda-bot run`, `agenda-bot db upgrade`, `agenda-bot reminders`."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli.agenda_commands import (
    EXIT_PROBLEMS,
    LANGUAGE_OPTION,
    TZ_OPTION,
    UNTIL_OPTION,
    with_occurrences,
    zone_option,
)

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.domain.readers.source import ReadResult

log = logging.getLogger(__name__)


@click.command()
@click.option(
    "--access-log/--no-access-log",
    default=False,
    show_default=True,
    help="Log one line per feed request (tokens are always redacted).",
)
@click.option(
    "--demo",
    is_flag=True,
    help="Add a demo agenda that starts two minutes from now, with a reminder one minute "
    "before each session (unless lead times are set), to see the bot at work.",
)
@click.pass_obj
def run(settings: Settings, *, access_log: bool, demo: bool) -> None:
    """Run everything: agendas (re-read on change), reminders, the feed server, Discord."""
    from bot.cli import event_loop
    from bot.cli.preflight import check_run
    from bot.config import SettingsError, StartupError
    from bot.observability.logs import configure_logging

    configure_logging(
        settings.log_level,
        settings.log_format,
        secrets=[s for s in (settings.discord_token, settings.discord_webhook_url) if s],
    )
    try:
        options = settings.read_options()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        check_run(settings)
    except StartupError as exc:
        raise click.ClickException(str(exc)) from None
    extras = []
    if demo:
        from bot.cli.demo import demo_agenda, demo_settings

        settings = demo_settings(settings)
        agenda = demo_agenda(datetime.now(UTC), settings, options)
        extras.append(agenda)
        _announce_demo(agenda, settings)

    import asyncio
    import signal

    async def main() -> None:
        from bot.runtime import run_all

        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await run_all(settings, stop, access_log=access_log, extras=extras)

    try:
        event_loop.run(main())
    except StartupError as exc:
        raise click.ClickException(str(exc)) from None
    except _discord_refused() as exc:
        raise click.ClickException(f"DISCORD_TOKEN: {exc}") from None


def _discord_refused() -> tuple[type[Exception], ...]:
    """The error of a token Discord refused; Discord is only loaded when a token is set, so a
    run without one cannot end in it."""
    client = sys.modules.get("bot.discord.client")
    return (client.DiscordUnavailableError,) if client is not None else ()


def _duration(lead: timedelta) -> str:
    seconds = int(lead.total_seconds())
    return f"{seconds // 60} min" if seconds % 60 == 0 else f"{seconds} s"


def _announce_demo(agenda: ReadResult, settings: Settings) -> None:
    for diagnostic in agenda.diagnostics:
        log.warning("%s", diagnostic)
    for schedule in agenda.schedules:
        first = schedule.sessions[0].start
        leads = ", ".join(_duration(lead) for lead in settings.leads.sessions)
        log.info(
            "demo: agenda %r starts at %s (%s); reminders %s before each session",
            schedule.id,
            first.astimezone(UTC).strftime("%H:%M:%S UTC"),
            schedule.timezone_name,
            leads or "never",
        )


@click.group()
def db() -> None:
    """The database (DATABASE_URL; SQLite in the state folder by default)."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(settings: Settings) -> None:
    """Apply every migration the database has not had yet."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.cli.preflight import check_database_setting, database_setting
    from bot.config import StartupError
    from bot.storage.database import make_engine
    from bot.storage.migrate import current, head, upgrade

    try:
        check_database_setting(settings)
    except StartupError as exc:
        raise click.ClickException(str(exc)) from None
    engine = make_engine(settings.database)
    try:
        before = current(engine)
        upgrade(engine)
        now = current(engine)
    except SQLAlchemyError as exc:
        cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise click.ClickException(
            f"{database_setting(settings)}: cannot apply the migrations ({cause})"
        ) from None
    finally:
        engine.dispose()
    click.echo(f"database at revision {now} (was {before or 'empty'}; latest {head()})")


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@TZ_OPTION
@click.option("--all", "show_all", is_flag=True, help="Include reminders whose time has passed.")
@UNTIL_OPTION
@LANGUAGE_OPTION
@click.pass_obj
def reminders(
    settings: Settings,
    path: Path,
    tz_name: str,
    *,
    show_all: bool,
    until: date | None = None,
    language: str | None = None,
) -> None:
    """List the reminders the agendas at PATH would get, and when (with the configured leads).

    Each occurrence of a repeating session has its own reminders, listed from today (in ZONE)
    up to --until (default: the next four months). Problems in the agendas are reported as
    `check` reports them (file:line, on standard error); exits 1 when no agenda could be read
    or one has an error."""
    from bot.config import SettingsError
    from bot.domain.diagnostics import Severity
    from bot.domain.readers.source import read_paths
    from bot.domain.readers.translations import merge_translations
    from bot.domain.reminders.plan import Audience, ChannelFollow, Target, plan_reminders
    from bot.domain.zones.naming import offset_label

    try:
        options = settings.read_options()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from None
    tz = zone_option(options.resolver, tz_name, "--tz")
    results = merge_translations(read_paths([path], options))
    if not results:
        click.echo(f"{path}: no agenda files found (.md, .markdown, .yaml, .yml, .ics)", err=True)
        raise SystemExit(EXIT_PROBLEMS)
    for result in results:
        for diagnostic in result.diagnostics:
            click.echo(str(diagnostic), err=True)
    schedules = [s for r in results for s in r.schedules]
    schedules, unexpanded = with_occurrences(schedules, tz, until)
    for diagnostic in unexpanded:
        click.echo(str(diagnostic), err=True)
    follows = tuple(ChannelFollow(Target.operator("console"), s.id) for s in schedules)
    planned = plan_reminders(schedules, Audience(follows=follows), settings.leads)
    now = datetime.now(UTC)
    titles = {(s.id, x.id): x.title_in(language) for s in schedules for x in s.sessions}
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
    errors = any(d.severity is Severity.ERROR for r in results for d in r.diagnostics)
    if not schedules or errors or unexpanded:
        raise SystemExit(EXIT_PROBLEMS)
