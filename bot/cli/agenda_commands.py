"""`check`, `show` and `convert`: reading agendas from the command line."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.sources.cli import PATH_OR_URL, read_arguments

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.domain.agenda import Schedule
    from bot.domain.diagnostics import Diagnostic
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


def _until_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date: write the last day to list as YYYY-MM-DD", param=param
        ) from None
    last = datetime.now(UTC).date() + UNTIL_AT_MOST
    if day > last:
        raise click.BadParameter(
            f"{day.isoformat()} is more than two years ahead: occurrences are listed up to "
            f"{last.isoformat()} at most",
            param=param,
        )
    return day


# How far ahead --until may reach: two years of a daily meeting is 730 occurrences.
UNTIL_AT_MOST = timedelta(days=731)

# How far repeating sessions are listed, occurrence by occurrence.
UNTIL_OPTION = click.option(
    "--until",
    metavar="YYYY-MM-DD",
    callback=_until_day,
    help="List the occurrences of repeating sessions up to this day, inclusive, in ZONE "
    "(default: the next four months; at most two years ahead).",
)


def with_occurrences(
    schedules: list[Schedule], tz: tzinfo, until: date | None
) -> tuple[list[Schedule], list[Diagnostic]]:
    """The schedules with the occurrences of their series from the start of today in `tz` up
    to the end of `until` there (default: four months from now), and the problems of the rules
    that could not be expanded (each on its series' line)."""
    from bot.domain.recurrence import DEFAULT_AHEAD, expand_schedule

    now = datetime.now(UTC)
    start = datetime.combine(now.astimezone(tz).date(), time(), tz).astimezone(UTC)
    if until is None:
        end = now + DEFAULT_AHEAD
    else:
        end = datetime.combine(until + timedelta(days=1), time(), tz).astimezone(UTC)
    made: list[Schedule] = []
    problems: list[Diagnostic] = []
    for schedule in schedules:
        expanded, found = expand_schedule(schedule, start, end, schedule.source.file)
        made.append(expanded)
        problems.extend(found)
    return made, problems


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
@click.argument("paths", nargs=-1, type=PATH_OR_URL)
@click.option("--source-tz", metavar="ZONE", help="Zone for pages that state none.")
@click.pass_obj
def check(settings: Settings, paths: tuple[Path | str, ...], source_tz: str | None) -> None:
    """Read agendas and report every problem with file:line.

    PATHS are files, folders or http(s) URLs (default: schedules/ and the followed
    [[sources]]). Exits 0 when every file reads cleanly
    (warnings allowed), 1 otherwise.
    """
    from bot.cli.speaker_pages import pages_to_check, report
    from bot.domain.diagnostics import Severity

    options = _options(settings, source_tz)
    agenda_paths, speakers = pages_to_check(paths)
    results = read_arguments(settings, agenda_paths, options) if agenda_paths or not paths else []
    if not results and not speakers.readings:
        click.echo("no agenda files found (.md, .markdown, .yaml, .yml, .ics)", err=True)
        raise SystemExit(EXIT_PROBLEMS)
    for result in results:
        warnings = sum(1 for d in result.diagnostics if d.severity is Severity.WARNING)
        errors = len(result.diagnostics) - warnings
        status = "ok" if result.ok else "FAILED"
        if result.translation_of is not None:  # merged into the page it translates
            contents = f"translation of {result.translation_of}"
        else:
            contents = f"{_count(len(result.schedules), 'schedule')}, {_contents(result.schedules)}"
        click.echo(
            f"{result.file}: {status}: {contents}, {_count(warnings, 'warning')}, "
            f"{_count(errors, 'error')}"
        )
        for diagnostic in result.diagnostics:
            click.echo(f"  {diagnostic}")
    failed = sum(1 for r in results if not r.ok) + report(speakers, click.echo)
    click.echo(f"{len(results) + len(speakers.readings)} files, {failed} failed")
    raise SystemExit(EXIT_PROBLEMS if failed else EXIT_OK)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _contents(schedules: list[Schedule]) -> str:
    """What the schedules hold: "12 sessions", "1 recurring series", or both; a page whose
    agenda is only a recurring meeting is not summed up as "0 sessions"."""
    sessions = sum(len(s.sessions) for s in schedules)
    series = sum(len(s.series) for s in schedules)
    parts = [_count(sessions, "session")] if sessions or not series else []
    if series:
        parts.append(f"{series} recurring series")
    languages = sorted({lang for s in schedules if s.titles for lang in s.languages})
    if languages:  # published in several: "9 sessions (en, zh)"
        parts[-1] += f" ({', '.join(languages)})"
    return ", ".join(parts)


def _language_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from bot.domain.readers.languages import language_tag

    if value is None:
        return None
    tag = language_tag(value)
    if tag is None:
        raise click.BadParameter(
            f"{value!r} is not a language: write its code (en, zh, zh-CN, ja)", param=param
        )
    return tag


# The language titles are shown in, for an agenda published in several (meetup.md, meetup.zh.md).
LANGUAGE_OPTION = click.option(
    "--language",
    metavar="LANG",
    callback=_language_option,
    help="Show titles in this language (en, zh, ...) where the agenda is published in it "
    "(default: the agenda's own).",
)


@click.command()
@click.argument("path", type=PATH_OR_URL)
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
@UNTIL_OPTION
@LANGUAGE_OPTION
@click.pass_obj
def show(
    settings: Settings,
    path: Path | str,
    tz_name: str,
    source_tz: str | None,
    fmt: str,
    *,
    until: date | None = None,
    language: str | None = None,
) -> None:
    """Show the sessions of PATH (a file, a folder or an http(s) URL) in ZONE.

    Repeating sessions are listed occurrence by occurrence, from today (in ZONE) up to --until
    (default: the next four months). An agenda published in several languages (a page and its
    translation, meetup.md and meetup.zh.md) is one agenda, its titles in --language."""
    from bot.cli.render import as_json, as_table
    from bot.cli.speaker_pages import linked, pages_for_agendas
    from bot.domain.readers.translations import shown_in

    options = _options(settings, source_tz)
    tz = zone_option(options.resolver, tz_name, "--tz")
    results = read_arguments(settings, [path], options)
    speakers = pages_for_agendas(path)  # sessions name their speakers' profiles
    read = linked((s for r in results for s in r.schedules), speakers)
    schedules = [shown_in(s, language) for s in read]
    diagnostics: list[Diagnostic] = [d for r in results for d in r.diagnostics]
    diagnostics.extend(speakers.diagnostics)
    schedules, unexpanded = with_occurrences(schedules, tz, until)
    diagnostics.extend(unexpanded)
    if fmt == "json":
        click.echo(as_json(schedules, diagnostics, tz))
    else:
        for diagnostic in diagnostics:
            click.echo(str(diagnostic), err=True)
        click.echo(as_table(schedules, tz), nl=False)
    failed = not schedules or _errors(results) or bool(unexpanded)
    raise SystemExit(EXIT_PROBLEMS if failed else EXIT_OK)


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
