"""`check`, `show` and `convert`: reading agendas from the command line."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import ReadResult
    from bot.domain.zones.resolve import ZoneResolver

EXIT_OK = 0
EXIT_PROBLEMS = 1


def _options(settings: Settings, source_tz: str | None, option: str = "--source-tz") -> ReadOptions:
    from bot.config import SettingsError

    try:
        return settings.read_options(source_tz)
    except SettingsError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


# The zone a listing is shown in; UTC unless asked, never the machine's own zone.
TZ_OPTION = click.option(
    "--tz",
    "tz_name",
    default="UTC",
    show_default=True,
    metavar="ZONE",
    help="Zone to show times in.",
)


def zone_option(resolver: ZoneResolver, name: str, option: str) -> tzinfo:
    from bot.domain.zones.resolve import UnknownZoneError

    try:
        resolved = resolver.parse(name)
    except UnknownZoneError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None
    for note in resolved.notes:
        click.echo(f"note: {option} {note}", err=True)
    return resolved.tz


def _errors(results: list[ReadResult]) -> bool:
    from bot.domain.diagnostics import Severity

    return any(d.severity is Severity.ERROR for r in results for d in r.diagnostics)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--source-tz", metavar="ZONE", help="Zone for pages that state none.")
@click.pass_obj
def check(settings: Settings, paths: tuple[Path, ...], source_tz: str | None) -> None:
    """Read agendas and report every problem with file:line.

    PATHS are files or folders (default: schedules/). Exits 0 when every file reads cleanly
    (warnings allowed), 1 otherwise.
    """
    from bot.domain.diagnostics import Severity
    from bot.domain.readers.source import read_paths

    options = _options(settings, source_tz)
    results = read_paths(list(paths) or [Path("schedules")], options)
    if not results:
        click.echo("no agenda files found (.md, .markdown, .yaml, .yml, .ics)", err=True)
        raise SystemExit(EXIT_PROBLEMS)
    for result in results:
        sessions = sum(len(s.sessions) for s in result.schedules)
        warnings = sum(1 for d in result.diagnostics if d.severity is Severity.WARNING)
        errors = len(result.diagnostics) - warnings
        status = "ok" if result.ok else "FAILED"
        click.echo(
            f"{result.file}: {status}: {_count(len(result.schedules), 'schedule')}, "
            f"{_count(sessions, 'session')}, {_count(warnings, 'warning')}, {_count(errors, 'error')}"
        )
        for diagnostic in result.diagnostics:
            click.echo(f"  {diagnostic}")
    failed = sum(1 for r in results if not r.ok)
    click.echo(f"{len(results)} files, {failed} failed")
    raise SystemExit(EXIT_PROBLEMS if failed else EXIT_OK)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@TZ_OPTION
@click.option("--source-tz", metavar="ZONE", help="Zone for pages that state none.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Aligned text, or one JSON object for scripts.",
)
@click.pass_obj
def show(settings: Settings, path: Path, tz_name: str, source_tz: str | None, fmt: str) -> None:
    """Show the sessions of PATH (a file or folder) in ZONE."""
    from bot.cli.render import as_json, as_table
    from bot.domain.diagnostics import Diagnostic
    from bot.domain.readers.source import read_paths

    options = _options(settings, source_tz)
    tz = zone_option(options.resolver, tz_name, "--tz")
    results = read_paths([path], options)
    schedules = [s for r in results for s in r.schedules]
    diagnostics: list[Diagnostic] = [d for r in results for d in r.diagnostics]
    if fmt == "json":
        click.echo(as_json(schedules, diagnostics, tz))
    else:
        for diagnostic in diagnostics:
            click.echo(str(diagnostic), err=True)
        click.echo(as_table(schedules, tz), nl=False)
    raise SystemExit(EXIT_PROBLEMS if not schedules or _errors(results) else EXIT_OK)


@click.command()
@click.argument("when")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="Day of the time (default: today there).")
@click.option("--from", "from_zone", metavar="ZONE", help="Zone of WHEN if it names none.")
@click.option(
    "--to",
    "targets",
    multiple=True,
    metavar="ZONE",
    help="Zone to convert into; repeat for several (default: UTC).",
)
@click.pass_obj
def convert(
    settings: Settings, when: str, on: str | None, from_zone: str | None, targets: tuple[str, ...]
) -> None:
    """Convert a time such as "14:00 CST", "9am Eastern" or "14h Berliner Zeit" into other zones.

    WHEN is read strictly: a zone that cannot be read ("9am Eastren"), an impossible time
    ("13pm", "25:00") or offset ("UTC+25") stops with exit code 2 and the nearest known names.
    WHEN without a zone needs --from. A date in WHEN ("2024-03-10 02:30 America/New_York") is
    used unless --date is given. A second time with its own zone ("4pm UTC / 9am PT") is
    checked against the first, which is the one converted.
    """
    from bot.cli.render import describe_moment
    from bot.domain.zones.expression import ExpressionError, read_time_expression
    from bot.domain.zones.naming import zone_name

    options = _options(settings, None)
    resolver = options.resolver
    day = _day_option(on)
    fallback = zone_option(resolver, from_zone, "--from") if from_zone else None
    try:
        reading = read_time_expression(
            when, resolver, now=datetime.now(UTC), on=day, fallback=fallback
        )
    except ExpressionError as exc:
        raise click.BadParameter(str(exc), param_hint="WHEN") from None
    for note in reading.notes:
        click.echo(f"note: {note}", err=True)
    if fallback is not None and reading.zone_written:
        click.echo(f"note: --from {from_zone} not used: {when!r} names its zone", err=True)
    source = reading.source
    zones = [zone_option(resolver, t, "--to") for t in targets] or [
        zone_option(resolver, "UTC", "--to")
    ]
    width = max(len(zone_name(z)) for z in [source, *zones])
    for tz in [source, *zones]:
        line = f"{zone_name(tz).ljust(width)}  {describe_moment(reading.start.astimezone(tz))}"
        if reading.end is not None:
            line += f" - {describe_moment(reading.end.astimezone(tz))}"
        click.echo(line)


def _day_option(on: str | None) -> date | None:
    if not on:
        return None
    try:
        return date.fromisoformat(on)
    except ValueError:
        raise click.BadParameter(
            f"{on!r} is not a date (YYYY-MM-DD)", param_hint="--date"
        ) from None
