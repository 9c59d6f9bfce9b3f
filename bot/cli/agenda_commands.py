"""`check`, `show` and `convert`: reading agendas from the command line."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

import click

from bot.cli.render import as_json, as_table, describe_moment
from bot.config import Settings, SettingsError
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_paths
from bot.domain.timetext.clock import find_clock_spans
from bot.domain.timetext.dates import DateError, find_dates
from bot.domain.zones.local_time import elapsed, localize
from bot.domain.zones.naming import zone_name
from bot.domain.zones.resolve import UnknownZoneError, ZoneResolver

EXIT_OK = 0
EXIT_PROBLEMS = 1


def _options(settings: Settings, source_tz: str | None, option: str = "--source-tz") -> ReadOptions:
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
    try:
        resolved = resolver.parse(name)
    except UnknownZoneError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None
    for note in resolved.notes:
        click.echo(f"note: {option} {note}", err=True)
    return resolved.tz


def _errors(results: list[ReadResult]) -> bool:
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
    """Convert a time such as "14:00 CST" or "9am PT" into other zones."""
    options = _options(settings, None)
    resolver = options.resolver
    spans = find_clock_spans(when)
    if not spans:
        raise click.BadParameter(f"no time of day in {when!r}", param_hint="WHEN")
    day = _day(when, on)
    mentions = resolver.find(when)
    if mentions:
        resolved = resolver.decide(mentions[0], day)
        for note in resolved.notes:
            click.echo(f"note: {note}", err=True)
        source = resolved.tz
    elif from_zone:
        source = zone_option(resolver, from_zone, "--from")
    else:
        source = resolver.default_zone
        click.echo(f"note: {when!r} names no zone; assumed {zone_name(source)}", err=True)
    if day is None:
        day = datetime.now(source).date()
    zones = [zone_option(resolver, t, "--to") for t in targets] or [
        zone_option(resolver, "UTC", "--to")
    ]
    span = spans[0]
    localized = localize(datetime.combine(day, span.start), source)
    if localized.note:
        click.echo(f"note: {localized.note}", err=True)
    start = localized.moment
    end = None
    if span.end is not None:
        end = localize(datetime.combine(day, span.end), source).moment
        if elapsed(end, start) <= timedelta(0):
            end = localize(datetime.combine(day + timedelta(days=1), span.end), source).moment
    width = max(len(zone_name(z)) for z in [source, *zones])
    for tz in [source, *zones]:
        line = f"{zone_name(tz).ljust(width)}  {describe_moment(start.astimezone(tz))}"
        if end is not None:
            line += f" - {describe_moment(end.astimezone(tz))}"
        click.echo(line)


def _day(when: str, on: str | None) -> date | None:
    if on:
        try:
            return date.fromisoformat(on)
        except ValueError:
            raise click.BadParameter(
                f"{on!r} is not a date (YYYY-MM-DD)", param_hint="--date"
            ) from None
    dates = find_dates(when)
    if dates:
        try:
            return dates[0].resolve(None)[0]
        except DateError as exc:
            raise click.BadParameter(str(exc), param_hint="WHEN") from None
    return None
