from __future__ import annotations

import json
import logging

import pytest

from bot.delivery.discord_shards import owned_by, shard_of
from bot.domain.reminders.plan import (
    ChannelFollow,
    PlannedReminder,
    ReminderKind,
    Target,
    TargetKind,
)
from bot.observability.logs import SecretFilter, configure_logging


def test_json_logs_are_one_object_per_line_and_secrets_are_scrubbed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("INFO", "json", secrets=["super-secret-token-value"])
    try:
        logging.getLogger("bot.test").info("connecting with %s", "super-secret-token-value")
        line = capsys.readouterr().err.strip().splitlines()[-1]
        record = json.loads(line)
        assert (record["level"], record["logger"], record["message"]) == (
            "INFO",
            "bot.test",
            "connecting with <secret>",
        )
    finally:
        configure_logging("WARNING", "text")


def test_the_secret_filter_leaves_other_records_alone() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "plain %s", ("text",), None)
    assert SecretFilter(["abcdefgh12"]).filter(record) and record.getMessage() == "plain text"


def _reminder(guild: int | None) -> PlannedReminder:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 1, 1, tzinfo=UTC)
    follow = ChannelFollow(Target(TargetKind.CHANNEL, "1"), "x", guild) if guild else None
    target = Target(TargetKind.CHANNEL, "1") if guild else Target(TargetKind.DM, "5")
    return PlannedReminder(
        "k", now, ReminderKind.SESSION, timedelta(0), target, "x", "y", now, follow
    )


def test_reminders_belong_to_the_process_running_their_guilds_shard() -> None:
    guild = 81384788765712384  # a real-looking snowflake
    assert shard_of(guild, 4) == (guild >> 22) % 4
    owner = shard_of(guild, 4)
    assert owned_by(_reminder(guild), 4, (owner,))
    assert not owned_by(_reminder(guild), 4, tuple(s for s in range(4) if s != owner))
    assert owned_by(_reminder(None), 4, (0, 1)) and not owned_by(_reminder(None), 4, (2, 3))
