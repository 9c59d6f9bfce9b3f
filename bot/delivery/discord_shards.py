"""Which process sends which reminder when the bot runs as several processes, each with some of
Discord's shards: a channel reminder goes with its guild's shard; DMs and reminders without a
guild go with shard 0. The ledger would stop a double send anyway; this keeps each process to
its own share of the work."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.reminders.plan import PlannedReminder


def shard_of(guild_id: int, shard_count: int) -> int:
    """Discord's rule: which shard carries a guild."""
    return (guild_id >> 22) % shard_count


def owned_by(reminder: PlannedReminder, shard_count: int, shard_ids: tuple[int, ...]) -> bool:
    """Whether the process running `shard_ids` (of `shard_count`) sends this reminder."""
    follow = reminder.follow
    if follow is not None and follow.guild_id is not None:
        return shard_of(follow.guild_id, shard_count) in shard_ids
    return 0 in shard_ids


def shard_owner(
    shard_count: int | None, shard_ids: tuple[int, ...] | None
) -> Callable[[PlannedReminder], bool] | None:
    """The reminders this process sends, for the runtime; None (all of them) without shards."""
    if not shard_count or not shard_ids:
        return None
    count, ids = shard_count, shard_ids
    return lambda reminder: owned_by(reminder, count, ids)
