"""The `agenda-bot` command line. Settings are built here, in `main()`, never at import.

Each command imports what it uses when it runs, not when the command line starts: `--help`,
`show` and `check` answer without loading Discord, the database or the feed server.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.cli.agenda_commands import check, convert, show
from bot.cli.ics_command import ics
from bot.cli.invite_command import invite_url
from bot.cli.run_commands import db, reminders, run
from bot.cli.serve_command import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Settings file (default: agenda-bot.toml in the current folder, if present).",
)
@click.version_option(package_name="agenda-bot")
@click.pass_context
def cli(ctx: click.Context, config: Path | None) -> None:
    """Read event agendas and show every session in your own time zone."""
    from bot.config import SettingsError, load_settings

    try:
        ctx.obj = load_settings(config)
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from None


cli.add_command(check)
cli.add_command(show)
cli.add_command(convert)
cli.add_command(ics)
cli.add_command(serve)
cli.add_command(run)
cli.add_command(db)
cli.add_command(reminders)
cli.add_command(invite_url)


def main() -> None:
    """Console entry point (`agenda-bot`, `python -m bot`)."""
    # Agenda text is UTF-8 whatever the terminal says; never die on a CJK title.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    cli(prog_name="agenda-bot")
