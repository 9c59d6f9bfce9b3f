"""Personal feeds answered from memory: which token opens which selection.

The feed server keeps every live token's selection (by the token's digest, never the token) in
memory: read from the token store in a thread of its own at start and again every
`refresh_every` seconds, so serving a personal feed costs no database call. A token not seen
yet (issued by another process since the last reading) is looked up once, off the loop, and
remembered; so is a token that opens nothing.

What this process changes takes effect at once: issuing or revoking a token through this store
forgets the member's old token before it returns, and `invalidate()` (connected to the bot's
"people changed" signal: a follow, a star) forgets every selection, then reads them all again.
Changes made by other processes are seen within `refresh_every` seconds.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from bot.app.ports import PersonalFeedTokens
from bot.domain.feed_tokens import FeedSelection

log = logging.getLogger(__name__)

REFRESH_EVERY = 30.0


class Unseen(enum.Enum):
    """A digest this process has no answer for yet."""

    UNSEEN = enum.auto()


UNSEEN = Unseen.UNSEEN


class TokenTable(PersonalFeedTokens, Protocol):
    def selections(self) -> Mapping[str, FeedSelection]:
        """Every live token's selection, by token digest."""
        ...


class CachedFeedTokens:
    """A `FeedTokenStore` that also answers the feed server from memory (see the module)."""

    def __init__(
        self,
        store: TokenTable,
        *,
        refresh_every: float = REFRESH_EVERY,
        unknown_limit: int = 10_000,
    ) -> None:
        self.store = store
        self.refresh_every = refresh_every
        self._unknown_limit = unknown_limit
        self._lock = threading.Lock()
        self._generation = 0  # bumped by every change: a reading begun before it is dropped
        self._known: dict[str, FeedSelection] = {}
        self._unknown: set[str] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    # ---- the store, for the bot's use cases (blocking) ---------------------------------------

    def issue(self, member: str) -> str:
        try:
            return self.store.issue(member)
        finally:
            self.forget(member)

    def revoke(self, member: str) -> None:
        try:
            self.store.revoke(member)
        finally:
            self.forget(member)

    def lookup(self, token: str) -> FeedSelection | None:
        return self.store.lookup(token)

    def holds(self, member: str) -> bool:
        return self.store.holds(member)

    # ---- what the feed server asks (on the loop) --------------------------------------------

    @property
    def generation(self) -> int:
        return self._generation

    def cached(self, digest: str) -> FeedSelection | Unseen | None:
        """The selection behind `digest`, None when it opens nothing, UNSEEN when unknown here."""
        found = self._known.get(digest)
        if found is not None:
            return found
        return None if digest in self._unknown else UNSEEN

    def remember(self, digest: str, selection: FeedSelection | None, generation: int) -> None:
        """Keep the answer of a lookup begun at `generation`, unless something changed since."""
        with self._lock:
            if generation != self._generation:
                return
            if selection is not None:
                self._known[digest] = selection
                return
            if len(self._unknown) >= self._unknown_limit:
                self._unknown.clear()
            self._unknown.add(digest)

    # ---- changes ------------------------------------------------------------------------------

    def forget(self, member: str) -> None:
        """Stop answering for `member`'s tokens now (any thread)."""
        with self._lock:
            self._generation += 1
            self._known = {d: s for d, s in self._known.items() if s.member != member}

    def invalidate(self) -> None:
        """Forget every selection now and read them all again soon (any thread)."""
        with self._lock:
            self._generation += 1
            self._known, self._unknown = {}, set()
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            loop.call_soon_threadsafe(wake.set)

    def reload(self) -> None:
        """Read every selection from the store and answer from them (blocking)."""
        with self._lock:
            generation = self._generation
        table = dict(self.store.selections())
        with self._lock:
            if generation == self._generation:
                self._known, self._unknown = table, set()

    async def keep_fresh(self, stop: asyncio.Event) -> None:
        """Read the selections now, every `refresh_every` seconds and after `invalidate`,
        in a thread of its own, until `stop` is set."""
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        reader = ThreadPoolExecutor(1, thread_name_prefix="feed-token-reload")
        stopping = asyncio.create_task(stop.wait())
        try:
            while not stop.is_set():
                self._wake.clear()
                try:
                    await self._loop.run_in_executor(reader, self.reload)
                except Exception:
                    log.warning(
                        "could not read the feed tokens: personal feeds ask the token store "
                        "token by token until the next reading",
                        exc_info=True,
                    )
                woken = asyncio.create_task(self._wake.wait())
                await asyncio.wait(
                    (stopping, woken), timeout=self.refresh_every, return_when="FIRST_COMPLETED"
                )
                woken.cancel()
        finally:
            stopping.cancel()
            self._loop = self._wake = None
            reader.shutdown(wait=False, cancel_futures=True)
