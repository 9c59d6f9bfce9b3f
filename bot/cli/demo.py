"""`agenda-bot run --demo`: an agenda that starts two minutes after the bot does, so that a first
run shows reminders arriving within a minute or two, whatever the agendas in `schedules/` hold.

The demo lives in memory only (it is never written to `schedules/`); it is read by the same
native reader as any agenda file, and served in the feeds like one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.source import ReadResult, read_bytes
from bot.domain.reminders.plan import Leads

DEMO_ID = "agenda-bot-demo"
DEMO_FILE = "(demo)"  # how messages name it: never the name of an agenda file
FIRST_AFTER = timedelta(minutes=2)
# Leads for a demo run, unless session_leads / event_lead are set in the file or environment.
DEMO_LEADS = Leads(sessions=(timedelta(minutes=1),), event=None)
# (title, minutes after the first session starts, length in minutes)
SESSIONS = (
    ("Welcome to agenda-bot", 0, 2),
    ("Lightning talk: one agenda, every time zone", 2, 2),
    ("Wrap-up", 4, 2),
)


def demo_text(now: datetime, zone: str) -> str:
    """The demo agenda in the native format, its first session FIRST_AFTER after `now`, its
    times written in `zone` (the configured default zone)."""
    first = (now + FIRST_AFTER).astimezone(ZoneInfo(zone)).replace(microsecond=0)
    lines = [
        f"id: {DEMO_ID}",
        "title: agenda-bot demo",
        "description: A demo agenda that starts two minutes after the bot; not a real event.",
        f"timezone: {zone}",
        "sessions:",
    ]
    for title, offset, length in SESSIONS:
        start = first + timedelta(minutes=offset)
        lines += [
            f'  - title: "{title}"',
            f'    start: "{start.isoformat()}"',
            f"    duration: {length}",
        ]
    return "\n".join(lines) + "\n"


def demo_agenda(now: datetime, settings: Settings, options: ReadOptions) -> ReadResult:
    """The demo, read as if it were a file at the top of the schedules folder."""
    return read_bytes(
        demo_text(now, settings.default_timezone).encode(),
        str(settings.schedules / DEMO_FILE),
        options,
        file_name="demo.yaml",
    )


def demo_settings(settings: Settings) -> Settings:
    """Short leads for a demo run (one minute before each session, no event reminder), for
    the leads the user has not set."""
    leads = Leads(
        sessions=settings.leads.sessions
        if "session_leads" in settings.origins
        else DEMO_LEADS.sessions,
        event=settings.leads.event if "event_lead" in settings.origins else DEMO_LEADS.event,
    )
    return replace(settings, leads=leads)
