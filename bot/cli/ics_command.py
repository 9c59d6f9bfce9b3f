"""`agenda-bot ics`: an agenda, or one of its sessions, as an .ics file."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli.agenda_commands import EXIT_PROBLEMS

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.domain.agenda import Schedule
    from bot.domain.ics.revisions import Revision


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--session", "session_id", metavar="ID", help="Only this session (a download).")
@click.option(
    "--schedule", "schedule_id", metavar="ID", help="Which schedule, when PATH has several."
)
@click.option(
    "--alarm",
    type=click.IntRange(1, 10080),
    metavar="MINUTES",
    help="With --session: a reminder this many minutes before.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write here instead of standard output.",
)
@click.pass_obj
def ics(
    settings: Settings,
    *,
    path: Path,
    session_id: str | None,
    schedule_id: str | None,
    alarm: int | None,
    output: Path | None,
) -> None:
    """Write the agenda at PATH as iCalendar."""
    from bot.app.calendars import alone, download_revision
    from bot.cli.speaker_pages import linked, pages_for_agendas
    from bot.config import SettingsError
    from bot.domain.diagnostics import Severity
    from bot.domain.ics.calendars import feed_calendar, session_download
    from bot.domain.ics.revisions import advance
    from bot.domain.ics.speakers import SpeakerLinks
    from bot.domain.readers.source import read_paths
    from bot.domain.readers.translations import merge_translations

    try:
        options = settings.read_options()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from None
    results = merge_translations(read_paths([path], options))
    for diagnostic in (d for r in results for d in r.diagnostics):
        if diagnostic.severity is Severity.ERROR:
            click.echo(str(diagnostic), err=True)
    # Sessions name their speakers' profiles, as the bot's feeds do (links, PARTICIPANT).
    speakers = pages_for_agendas(path)
    pairs = [(schedule, r.modified) for r in results for schedule in linked(r.schedules, speakers)]
    links = SpeakerLinks(speakers.profiles, "")
    if schedule_id is not None:
        pairs = [(s, m) for s, m in pairs if s.id == schedule_id]
    if not pairs:
        raise click.ClickException(
            f"no schedule found in {path}" + (f" with id {schedule_id!r}" if schedule_id else "")
        )
    if alarm is not None and session_id is None:
        raise click.BadParameter("only with --session", param_hint="--alarm")
    revisions: dict[str, Revision] = {}
    for schedule, modified in pairs:
        if modified is not None:
            revisions.update(
                advance({}, schedule, now=modified, first_seen=modified, speakers=speakers.profiles)
            )
    if session_id is not None:
        found = [(s, x) for s, _ in pairs for x in _with_occurrence(s, session_id).sessions]
        found = [(s, x) for s, x in found if x.id == session_id]
        if not found:
            raise click.BadParameter(f"no session {session_id!r}", param_hint="--session")
        schedule, session = found[0]
        data = session_download(
            schedule,
            alone(session),
            download_revision(revisions, schedule, session),
            alarm=timedelta(minutes=alarm) if alarm else None,
            speakers=links,
        )
    else:
        name = pairs[0][0].title if len(pairs) == 1 else "All agendas"
        data = feed_calendar(name, [s for s, _ in pairs], revisions, speakers=links)
    if output is not None:
        output.write_bytes(data)
    else:
        click.echo(data, nl=False)
    if any(d.severity is Severity.ERROR for r in results for d in r.diagnostics):
        raise SystemExit(EXIT_PROBLEMS)


# How far from the day an occurrence's id names its schedule is expanded: the day in any zone,
# and an occurrence moved on its own as far as an override may move it.
_AROUND = timedelta(days=32)


def _with_occurrence(schedule: Schedule, session_id: str) -> Schedule:
    """`schedule` with the occurrences of its series around the day `session_id` names
    (`weekly-call@20261203`); as read for any other id, or when its rules cannot be expanded
    (reported as the library reports them)."""
    from bot.domain.recurrence import expand_schedule, occurrence_day

    day = occurrence_day(session_id)
    if day is None or not schedule.series:
        return schedule
    try:
        middle = datetime.combine(day, time(), UTC)
        start, end = middle - _AROUND, middle + _AROUND
    except OverflowError:
        return schedule
    made, problems = expand_schedule(schedule, start, end, schedule.source.file)
    for problem in problems:
        click.echo(str(problem), err=True)
    return made
