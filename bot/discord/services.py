"""What the commands use: the use cases (agendas, members, stars, follows, feeds, imports), the
zone resolver, the settings and the clock, in one object on the bot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.app.agendas import Agendas
from bot.app.calendars import PersonalFeeds
from bot.app.clock import Clock, utc_now
from bot.app.follows import ChannelFollows
from bot.app.imports import AgendaImports
from bot.app.members import Members
from bot.app.ports import AgendaSource, FeedTokenStore, MemberStore
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


@dataclass
class UseCases:
    agendas: Agendas
    members: Members
    stars: Stars
    follows: ChannelFollows
    feeds: PersonalFeeds
    imports: AgendaImports
    settings: Settings
    resolver: ZoneResolver
    clock: Clock = utc_now
    people_changed: PeopleChanged = field(default_factory=PeopleChanged)

    @classmethod
    def build(
        cls,
        agendas: AgendaSource,
        store: MemberStore,
        tokens: FeedTokenStore,
        *,
        imports: AgendaImports,
        settings: Settings,
        resolver: ZoneResolver,
        clock: Clock = utc_now,
    ) -> UseCases:
        """Every use case on the same stores, all telling `people_changed` what changed."""
        changed = PeopleChanged()
        visible = Agendas(agendas)
        return cls(
            agendas=visible,
            members=Members(store, store, changed),
            stars=Stars(store, store, visible, changed, clock),
            follows=ChannelFollows(store, changed),
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
