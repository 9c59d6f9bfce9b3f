"""One formatter per sink: a `ReminderMessage` written out as the sink shows it.

`discord_markup` for channels and DMs through the bot (Discord timestamps, bold titles, the role
mention), `webhook` for a channel webhook (the same markup, in the webhook's payload), and
`plain_text` for the console (times written out, no markup). Every word comes from `bot.texts`.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.reminders.message import ReminderMessage

Formatter = Callable[[ReminderMessage], str]
