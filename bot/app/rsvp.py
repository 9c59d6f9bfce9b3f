"""RSVP for an event (one schedule in one server): seats, first come first served, a waitlist.

Members click Going or Not going. The database decides, in one transaction that holds the
event's lock, whether a click gets a seat or a place on the waitlist, and gives every click its
number in the order clicks reached the bot: two clicks at once, in two processes, never both take
the last seat. Going twice changes nothing; a member has one row per event, never two.

- A confirmed member who says Not going frees their seat: the first on the waitlist takes it
  (`Change.promoted` names who moved up, to be told).
- Raising the capacity (or removing it) moves the first on the waitlist up, in click order, as
  far as the new seats go. Lowering it keeps everyone already confirmed confirmed (an organizer
  never takes back a seat given): it only means later clicks wait longer, until enough seats
  free up for the confirmed count to fall below the new capacity.
- A closed RSVP (closed by an organizer, or its `closes_at` passed) refuses new Going clicks
  (`Refused("rsvp_closed")`); Not going is still accepted, and still promotes.
- A member who says Not going and then Going again goes to the end of the queue.
- Confirmed members get the event's reminders by DM unless they turn them off
  (`set_reminders`), and their personal feed holds the event.

Every method does its database work in a worker thread.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.app.clock import Clock, utc_now
from bot.app.errors import Refused

if TYPE_CHECKING:
    from bot.app.ports import AgendaSource, RsvpStore

MAX_CAPACITY = 100_000


class RsvpState(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    NOT_GOING = "not_going"


@dataclass(frozen=True, slots=True)
class Standing:
    """Where one member stands. `position` is their place on the waitlist (1 = next to be
    confirmed), None unless waitlisted."""

    state: RsvpState
    position: int | None = None


@dataclass(frozen=True, slots=True)
class Counts:
    """The event's RSVP as a whole. `capacity` None: no limit. `open` is False once closed by
    an organizer or once `closes_at` passed (and for an event whose RSVP was never opened)."""

    capacity: int | None
    confirmed: int
    waitlisted: int
    open: bool
    closes_at: datetime | None = None

    @property
    def seats_left(self) -> int | None:
        """Seats nobody holds (never negative: a lowered capacity can leave more confirmed than
        seats); None without a limit."""
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.confirmed)


@dataclass(frozen=True, slots=True)
class Change:
    """What one action did: the acting member's standing after it (for capacity changes and
    closing, a "not going" standing with no meaning of its own), the event's counts, and the
    members moved from the waitlist to confirmed by it, in the order they moved."""

    standing: Standing
    counts: Counts
    promoted: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """One member's row, as listed for organizers (`Rsvps.entries`, in click order)."""

    user_id: int
    state: RsvpState
    clicked_at: datetime
    position: int | None  # waitlist position, as in `Standing`
    checked_in: bool
    display_name: str | None = None  # as the member's last click showed it


@dataclass(frozen=True, slots=True)
class Announcement:
    """Where the Discord side posted an event's RSVP message."""

    guild_id: int
    schedule_id: str
    channel_id: int
    message_id: int


class Rsvps:
    """RSVP use cases. `agendas` (optional) gives the page's capacity when `open` is called
    without one and the event's end for `no_shows`; `on_changed` is told whenever who gets
    reminders may have changed (re-planning)."""

    def __init__(
        self,
        store: RsvpStore,
        agendas: AgendaSource | None = None,
        on_changed: Callable[[], None] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.store = store
        self.agendas = agendas
        self.on_changed = on_changed
        self.clock = clock

    # ---- organizers ------------------------------------------------------------------------

    async def open(
        self,
        guild_id: int,
        schedule_id: str,
        capacity: int | None,
        closes_at: datetime | None,
    ) -> Counts:
        """Open (or reopen) the event's RSVP. `capacity` None keeps the seats of an RSVP opened
        before (an organizer's choice is not reset); a first opening then takes the page's
        capacity (`Schedule.capacity`) when the agenda names one, and no limit otherwise.
        Reopening with more seats moves members up from the waitlist as `set_capacity` does
        (use `set_capacity` to learn who). `closes_at` must be aware."""
        self._refuse_if_over(guild_id, schedule_id)
        keep = capacity is None
        if capacity is None:
            capacity = self._page_capacity(guild_id, schedule_id)
        _check_capacity(capacity)
        if closes_at is not None and closes_at.tzinfo is None:
            raise ValueError("closes_at must be an aware datetime")
        closing = closes_at.astimezone(UTC) if closes_at is not None else None
        counts = await asyncio.to_thread(
            functools.partial(
                self.store.open,
                guild_id,
                schedule_id,
                capacity,
                closing,
                self.clock(),
                keep_capacity=keep,
            )
        )
        self._changed()
        return counts

    async def close(self, guild_id: int, schedule_id: str) -> Counts:
        """Refuse new Going clicks from now on; `Refused("rsvp_not_open")` if never opened."""
        return await asyncio.to_thread(self.store.close, guild_id, schedule_id, self.clock())

    async def set_capacity(self, guild_id: int, schedule_id: str, capacity: int | None) -> Change:
        """New seat count (None: no limit). More seats promote from the waitlist in click order;
        fewer seats keep every confirmed member confirmed."""
        _check_capacity(capacity)
        change = await asyncio.to_thread(
            self.store.set_capacity, guild_id, schedule_id, capacity, self.clock()
        )
        if change.promoted:
            self._changed()
        return change

    async def set_announcement(
        self, guild_id: int, schedule_id: str, channel_id: int, message_id: int
    ) -> None:
        """Remember the message that carries the event's RSVP buttons."""
        await asyncio.to_thread(
            self.store.set_announcement, guild_id, schedule_id, channel_id, message_id
        )

    async def announcements(
        self, guild_id: int | None = None, schedule_id: str | None = None
    ) -> list[Announcement]:
        """The remembered RSVP messages, of one server (and one event) or of all."""
        return await asyncio.to_thread(self.store.announcements, guild_id, schedule_id)

    # ---- members ---------------------------------------------------------------------------

    async def going(
        self,
        guild_id: int,
        schedule_id: str,
        user_id: int,
        *,
        source: str = "button",
        name: str | None = None,
    ) -> Change:
        """A Going click: a seat if one is free, else the end of the waitlist. Going again
        changes nothing. `Refused("rsvp_not_open")` if the RSVP was never opened,
        `Refused("rsvp_closed")` once closed. `source` says where the click came from
        ("button", "command", "event": a Discord scheduled event's interest), kept with it,
        as is `name`, the member's display name when the click shows it.
        `Refused("rsvp_event_over")` once the event's last session ended."""
        self._refuse_if_over(guild_id, schedule_id)
        change = await asyncio.to_thread(
            self.store.going, guild_id, schedule_id, user_id, source, self.clock, name=name
        )
        if change.standing.state is RsvpState.CONFIRMED:  # a waitlist place changes no reminder
            self._changed()
        return change

    async def not_going(
        self, guild_id: int, schedule_id: str, user_id: int, *, name: str | None = None
    ) -> Change:
        """A Not going click, accepted even when closed; a freed seat goes to the first on the
        waitlist (`promoted`)."""
        change = await asyncio.to_thread(
            self.store.not_going, guild_id, schedule_id, user_id, self.clock, name=name
        )
        self._changed()
        return change

    async def interested(
        self, guild_id: int, schedule_id: str, user_id: int, event_id: int
    ) -> Change:
        """An "Interested" mark on one of the agenda's Discord scheduled events: remembered per
        event, and a Going click (source "event")."""
        await asyncio.to_thread(self.store.interested, guild_id, schedule_id, user_id, event_id)
        return await self.going(guild_id, schedule_id, user_id, source="event")

    async def not_interested(
        self, guild_id: int, schedule_id: str, user_id: int, event_id: int
    ) -> Change | None:
        """An "Interested" mark taken back on one Discord event. The RSVP ends only when it came
        from interest (not from the Going button or a command) and no other published event of
        the agenda still holds the member's interest; None when nothing changed."""
        change = await asyncio.to_thread(
            self.store.not_interested, guild_id, schedule_id, user_id, event_id, self.clock
        )
        if change is not None:
            self._changed()
        return change

    async def standing(self, guild_id: int, schedule_id: str, user_id: int) -> Standing:
        """Where the member stands; "not going" for a member who never clicked."""
        return await asyncio.to_thread(self.store.standing, guild_id, schedule_id, user_id)

    async def set_reminders(
        self, guild_id: int, schedule_id: str, user_id: int, enabled: bool
    ) -> bool:
        """Turn the event's DM reminders for a confirmed member off (or back on). False if the
        member has no row for the event."""
        found = await asyncio.to_thread(
            self.store.set_reminders, guild_id, schedule_id, user_id, enabled
        )
        if found:
            self._changed()
        return found

    # ---- reading ---------------------------------------------------------------------------

    async def counts(self, guild_id: int, schedule_id: str) -> Counts:
        """The event's counts (capacity None, nobody, closed, for an RSVP never opened)."""
        return await asyncio.to_thread(self.store.counts, guild_id, schedule_id, self.clock())

    async def entries(self, guild_id: int, schedule_id: str) -> list[Entry]:
        """Every row, in click order."""
        return await asyncio.to_thread(self.store.entries, guild_id, schedule_id)

    async def check_in(self, guild_id: int, schedule_id: str, user_id: int) -> bool:
        """Record that a confirmed member came: True when recorded now, False if they were
        checked in already. `Refused("rsvp_not_confirmed")` for anyone without a seat."""
        return await asyncio.to_thread(
            self.store.check_in, guild_id, schedule_id, user_id, self.clock()
        )

    async def no_shows(self, guild_id: int, schedule_id: str) -> int:
        """Confirmed members not checked in, once the event is over (its last session ended);
        0 before that, and 0 for an agenda not known here or one that repeats."""
        end = self._event_end(guild_id, schedule_id)
        if end is None or end > self.clock():
            return 0
        return await asyncio.to_thread(self.store.unchecked, guild_id, schedule_id)

    # ---- helpers ---------------------------------------------------------------------------

    def _changed(self) -> None:
        if self.on_changed is not None:
            self.on_changed()

    def _refuse_if_over(self, guild_id: int, schedule_id: str) -> None:
        end = self._event_end(guild_id, schedule_id)
        if end is not None and end <= self.clock():
            raise Refused("rsvp_event_over")

    def _page_capacity(self, guild_id: int, schedule_id: str) -> int | None:
        if self.agendas is None:
            return None
        schedule = self.agendas.snapshot.visible_to(guild_id).get(schedule_id)
        return schedule.capacity if schedule is not None else None

    def _event_end(self, guild_id: int, schedule_id: str) -> datetime | None:
        if self.agendas is None:
            return None
        schedule = self.agendas.snapshot.visible_to(guild_id).get(schedule_id)
        if schedule is None:
            return None
        if schedule.series:
            return None  # a repeating meeting is never over as a whole
        ends = [s.end or s.start for s in schedule.sessions]
        return max(ends) if ends else None


def _check_capacity(capacity: int | None) -> None:
    if capacity is not None and not 0 <= capacity <= MAX_CAPACITY:
        raise Refused("rsvp_bad_capacity", max=MAX_CAPACITY)
