"""`agenda-bot serve`: the calendar feed server."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from bot.agendas.library import AgendaLibrary
    from bot.config import Settings

log = logging.getLogger(__name__)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--schedules",
    "folder",
    default="schedules",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Agenda folder to serve.",
)
@click.option(
    "--base-url",
    default="",
    help="Public URL of this server, used in links (default: the address each request came to).",
)
@click.option(
    "--state-dir",
    default=".agenda-bot",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Where feed revision history (SEQUENCE, stamps) is kept.",
)
@click.option(
    "--access-log/--no-access-log",
    default=False,
    show_default=True,
    help="Log one line per request (feed tokens are always redacted).",
)
@click.pass_obj
def serve(
    settings: Settings,
    *,
    host: str,
    port: int,
    folder: Path,
    base_url: str,
    state_dir: Path,
    access_log: bool,
) -> None:
    """Serve .ics downloads and subscribable feeds; agendas are re-read when files change."""
    from bot.agendas.library import AgendaLibrary
    from bot.agendas.revision_store import JsonRevisionStore
    from bot.cli import event_loop
    from bot.cli.preflight import check_port, check_state_dir
    from bot.config import SettingsError, StartupError
    from bot.observability.logs import configure_logging

    if not folder.is_dir():
        raise click.BadParameter(f"{folder} is not a folder", param_hint="--schedules")
    try:
        options = settings.read_options()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        check_state_dir(state_dir, f"--state-dir {state_dir}")
        check_port(host, port, port_setting=f"--port {port}", host_setting=f"--host {host}")
    except StartupError as exc:
        raise click.ClickException(str(exc)) from None
    configure_logging(settings.log_level, settings.log_format)
    library = AgendaLibrary(folder, options, JsonRevisionStore(state_dir / "revisions.json"))
    snapshot = library.load()
    for diagnostic in snapshot.warnings:  # (the errors: logged by the library's load)
        log.warning("%s", diagnostic)
    event_loop.run(_serve(library, host, port, base_url, access_log))


async def _serve(
    library: AgendaLibrary, host: str, port: int, base_url: str, access_log: bool
) -> None:
    import asyncio
    import signal

    from bot.agendas.watch import watch_agendas
    from bot.domain.feed_tokens import MemoryFeedTokens
    from bot.web.server import serve_feeds

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    watcher = asyncio.create_task(watch_agendas(library, stop))
    try:
        await serve_feeds(
            library,
            MemoryFeedTokens(),
            host=host,
            port=port,
            base_url=base_url,
            stop=stop,
            access_log=access_log,
        )
    finally:
        stop.set()
        await watcher
    log.info("feed server stopped")
