"""What the reminder runtime reads and writes about people, whatever stores them."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.domain.reminders.plan import Audience


class PeopleStore(Protocol):
    """Everyone who asked for reminders. Synchronous: the runtime calls it off the event loop."""

    def audience(self) -> Audience:
        """Follows, members' preferences, stars and guild membership, as of now."""
        ...

    def star_times(self) -> dict[tuple[int, str, str], datetime]:
        """When each star was made: (user, schedule, session) -> instant."""
        ...

    def mark_dm_closed(self, user_id: int) -> None:
        """The member's DMs refused a message: plan no more DMs for them."""
        ...
