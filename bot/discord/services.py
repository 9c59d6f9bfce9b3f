"""What the commands use: the use cases (agendas, members, stars, follows, feeds, imports), the
zone resolver, the settings and the clock, in one object on the bot."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from bot.app.agendas import Agendas
from bot.app.calendars import PersonalFeeds
from bot.app.clock import Clock, utc_now
from bot.app.follows import ChannelFollows
from bot.app.imports import AgendaImports
from bot.app.members import Members, PreferenceCache
from bot.app.ports import (
    AgendaSource,
    MemberStore,
    PersonalFeedTokens,
    RsvpStore,
    ScheduledEventStore,
)
from bot.app.rsvp import Rsvps
from bot.app.sources import SourceDesk
from bot.app.stars import Stars
from bot.config import Settings
from bot.domain.zones.resolve import ZoneResolver


class PeopleChanged:
    """Called after every change to what members or channels asked for: the reminder runtime
    connects its re-planning here (nothing happens until it does)."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], None]] = []

    def connect(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def __call__(self) -> None:
        for listener in self._listeners:
            listener()


class Coalesced:
    """Runs `work` after a change, one run at a time: changes that come while it runs are all
    taken up by one more run after it, so the last run always starts after the last change
    (a burst of stars re-plans the reminders twice, not once per star)."""

    def __init__(
        self,
        work: Callable[[], Awaitable[object]],
        spawn: Callable[[Coroutine[Any, Any, None]], None],
    ) -> None:
        self.work = work
        self.spawn = spawn
        self._running = False
        self._again = False

    def __call__(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self.spawn(self._run())

    async def _run(self) -> None:
        try:
            again = True
            while again:
                self._again = False
                await self.work()
                again = self._again
        finally:
            self._running = False


@dataclass
class UseCases:
    agendas: Agendas
    members: Members
    stars: Stars
    follows: ChannelFollows
    rsvps: Rsvps
    feeds: PersonalFeeds
    imports: AgendaImports
    settings: Settings
    resolver: ZoneResolver
    clock: Clock = utc_now
    people_changed: PeopleChanged = field(default_factory=PeopleChanged)
    sources: SourceDesk | None = None  # agendas followed from their URLs, when set up
    scheduled_events: ScheduledEventStore | None = None  # /events publish, when set up

    @classmethod
    def build(
        cls,
        agendas: AgendaSource,
        store: MemberStore,
        tokens: PersonalFeedTokens,
        *,
        rsvps: RsvpStore,
        imports: AgendaImports,
        settings: Settings,
        resolver: ZoneResolver,
        clock: Clock = utc_now,
    ) -> UseCases:
        """Every use case on the same stores, all telling `people_changed` what changed."""
        changed = PeopleChanged()
        visible = Agendas(agendas)
        kept = PreferenceCache()  # one for both: a star remembers the member's language
        return cls(
            agendas=visible,
            members=Members(store, store, changed, kept),
            stars=Stars(store, store, visible, changed, clock, cache=kept),
            follows=ChannelFollows(store, changed),
            rsvps=Rsvps(rsvps, agendas, changed, clock),
            feeds=PersonalFeeds(tokens, store, changed),
            imports=imports,
            settings=settings,
            resolver=resolver,
            clock=clock,
            people_changed=changed,
        )

    def feed_url(self, path: str) -> str:
        base = self.settings.base_url or f"http://{self.settings.host}:{self.settings.port}"
        return f"{base.rstrip('/')}{path}"

    @property
    def base_url(self) -> str:
        """The feed server's public URL, "" when it is not set. Pages linked from replies (a
        speaker's) need it: the listening address is rarely one members can open."""
        return self.settings.base_url.rstrip("/")
