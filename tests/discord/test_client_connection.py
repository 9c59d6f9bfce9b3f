"""When Discord refuses the bot for good (a bad token, refused intents) the bot raises one error
with one clear log line, so the process can stop with an error status instead of running on
without Discord or exiting as if all went well."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp import WSMsgType, web

from bot.discord.client import AgendaBot, DiscordUnavailableError
from tests.discord.conftest import Harness
from tests.fakes.discord_http import FakeDiscord
from tests.helpers import ROOT


@dataclass
class RefusingDiscord(FakeDiscord):
    """The fake, but it can refuse the token at login or close the gateway after IDENTIFY."""

    refuse_login: bool = False
    close_code: int | None = None

    async def _me(self, request: web.Request) -> web.Response:
        if self.refuse_login:
            return self._json({"message": "401: Unauthorized", "code": 0}, 401)
        return await super()._me(request)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        if self.close_code is None:
            return await super()._gateway(request)
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for message in socket:
            if message.type is WSMsgType.TEXT and json.loads(message.data).get("op") == 2:
                await socket.close(code=self.close_code, message=b"Authentication failed.")
        return socket


@pytest.fixture(scope="module")
def fake() -> Iterator[RefusingDiscord]:
    server = RefusingDiscord().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _accepting(fake: RefusingDiscord) -> Iterator[None]:
    yield
    fake.refuse_login, fake.close_code = False, None


async def test_a_refused_token_at_login_raises_with_one_clear_log_line(
    harness: Harness, fake: RefusingDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    fake.refuse_login = True
    bot = AgendaBot(harness.bot.services, sync_commands=False)
    with (
        caplog.at_level(logging.ERROR, logger="bot.discord.client"),
        pytest.raises(DiscordUnavailableError, match="the token was refused"),
    ):
        await bot.login("wrong-token")
    assert [r.getMessage() for r in caplog.records] == [
        "could not log in to Discord: the token was refused"
    ]
    assert all(r.exc_info is None for r in caplog.records)  # one line, no traceback
    assert bot.is_closed()


async def test_a_gateway_closed_for_good_raises_with_one_clear_log_line(
    harness: Harness, fake: RefusingDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    fake.close_code = 4004
    with (
        caplog.at_level(logging.ERROR, logger="bot.discord.client"),
        pytest.raises(DiscordUnavailableError, match="code 4004"),
    ):
        await asyncio.wait_for(harness.bot.connect(reconnect=True), 30)
    assert [r.getMessage() for r in caplog.records] == [
        "the Discord connection failed for good: the gateway closed with code 4004: "
        "the token was refused"
    ]
    assert harness.bot.is_closed()


def _run_bot(tmp_path: Path, fake: FakeDiscord) -> subprocess.CompletedProcess[str]:
    (tmp_path / "schedules").mkdir()
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DISCORD_TOKEN": "bot-token",
            "DISCORD_API_BASE": fake.base,
            "AGENDA_BOT_PORT": "0",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_process_exits_with_an_error_when_the_login_is_refused(
    tmp_path: Path, fake: RefusingDiscord
) -> None:
    fake.refuse_login = True
    result = _run_bot(tmp_path, fake)
    assert result.returncode != 0
    assert "could not log in to Discord: the token was refused" in result.stderr
    assert "bot-token" not in result.stderr


def test_the_process_exits_with_an_error_when_the_gateway_refuses_the_bot(
    tmp_path: Path, fake: RefusingDiscord
) -> None:
    fake.close_code = 4004
    result = _run_bot(tmp_path, fake)
    assert "the Discord connection failed for good: the gateway closed with code 4004" in (
        result.stderr
    )
    assert result.returncode != 0
