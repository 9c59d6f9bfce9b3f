"""The real bot process against the Discord-compatible server: it connects to the gateway,
syncs its commands, answers slash commands, and delivers reminders to a channel and a DM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.fakes.discord_http import CHANNEL_ID, GUILD_ID, FakeDiscord, Received
from tests.fakes.interactions import slash
from tests.helpers import ROOT

MANAGE_EVENTS = str(1 << 33)


@pytest.fixture
def discord() -> Iterator[FakeDiscord]:
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _reminders(fake: FakeDiscord) -> list[Received]:
    """Reminder posts (the bot also DMs a confirmation for /remind on)."""
    return [m for m in fake.received() if m.content.startswith("⏰")]


def _ask(fake: FakeDiscord, payload: dict[str, object]) -> Received:
    """Send an interaction over the gateway; return the bot's reply to it."""
    before = len(fake.replies())
    fake.dispatch("INTERACTION_CREATE", payload)
    assert _wait(lambda: len(fake.replies()) > before, 15), "the bot did not answer"
    return fake.replies()[before]


def test_the_bot_connects_syncs_answers_and_delivers_to_a_channel_and_a_dm(
    tmp_path: Path, discord: FakeDiscord
) -> None:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=25)
    folder = tmp_path / "schedules"
    folder.mkdir()
    local = start.astimezone(ZoneInfo("Asia/Shanghai"))
    (folder / "live.yaml").write_text(
        "title: Live\ntimezone: Asia/Shanghai\nsessions:\n  - title: Opening\n"
        f'    start: "{local:%Y-%m-%d %H:%M:%S}"\n    duration: 30m\n'
    )
    log = (tmp_path / "bot.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DISCORD_TOKEN": "bot-token",
            "DISCORD_API_BASE": discord.base,
            "DISCORD_DEV_GUILD": GUILD_ID,
            "AGENDA_BOT_SESSION_LEADS": "0",
            "AGENDA_BOT_EVENT_LEAD": "off",
            "AGENDA_BOT_PORT": "0",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    try:
        assert _wait(lambda: discord.connected and GUILD_ID in discord.commands, 30), (
            tmp_path / "bot.log"
        ).read_text()
        # guilds (1) and guild scheduled events (1 << 16, for "Interested"): no privileged intents
        assert discord.identified[0]["intents"] == 1 | 1 << 16
        assert "timezone" in {c["name"] for c in discord.commands[GUILD_ID]}

        answer = _ask(
            discord, slash("set", {"zone": "Europe/Berlin"}, group="timezone", user_id=42)
        )
        assert answer.content.startswith("Your time zone is now **Europe/Berlin**")
        raw = [
            {"name": "schedule", "type": 3, "value": "live"},
            {"name": "channel", "type": 7, "value": CHANNEL_ID},
        ]
        resolved = {
            "channels": {
                CHANNEL_ID: {
                    "id": CHANNEL_ID,
                    "type": 0,
                    "name": "general",
                    "permissions": MANAGE_EVENTS,
                }
            }
        }
        answer = _ask(
            discord,
            slash(
                "follow", raw_options=raw, resolved=resolved, permissions=MANAGE_EVENTS, user_id=7
            ),
        )
        assert answer.content == f"<#{CHANNEL_ID}> now gets reminders for **Live**."
        assert (
            "DM reminders are on" in _ask(discord, slash("on", group="remind", user_id=42)).content
        )
        _ask(discord, slash("lead", {"minutes": 0}, group="remind", user_id=42))
        answer = _ask(
            discord,
            slash("star", {"schedule": "live", "session": "opening"}, user_id=42, locale="zh-CN"),
        )
        assert answer.content.startswith("⭐ 已将 **Opening** 加入你的日程")

        assert _wait(lambda: len(_reminders(discord)) >= 2, 40), (tmp_path / "bot.log").read_text()
        time.sleep(1.5)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)
    messages = {m.route: m for m in _reminders(discord)}
    assert sorted(m.route for m in _reminders(discord)) == [f"channel:{CHANNEL_ID}", "dm:42"]
    channel, dm = messages[f"channel:{CHANNEL_ID}"], messages["dm:42"]
    assert channel.content.startswith("⏰ **Opening** starts")
    assert "Europe/Berlin" in channel.content  # the guild member's zone, written out
    assert dm.content.startswith("⏰ **Opening** <t:") and "开始" in dm.content  # Chinese, as set
    for message in (channel, dm):
        assert -0.1 <= message.at - start.timestamp() <= 2.0
    assert process.returncode == 0, (tmp_path / "bot.log").read_text()
    assert "bot-token" not in (tmp_path / "bot.log").read_text()
