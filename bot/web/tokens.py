"""Personal feed token lookups off the event loop.

The token store is a database: a lookup can take as long as a lock is held. It runs in a few
threads of its own, so a slow store delays personal feeds only, never `/healthz`, the public
feeds, agenda reloads or anything else on the loop (nor the default executor they use). A lookup
that takes longer than `timeout`, or finds too many already waiting, answers "try again later".
With a `CachedFeedTokens` store, tokens it knows are answered from memory, on the loop, and a
lookup's answer is remembered.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache

from bot.app.ports import FeedTokenStore
from bot.domain.feed_tokens import FeedSelection, plausible, token_digest
from bot.web.token_cache import UNSEEN, CachedFeedTokens, Unseen

log = logging.getLogger(__name__)


# A token polled all day is hashed once, not at every poll (bench/feeds.py: personal feeds
# answered at 0.84 of the public feed's rate with a hash per request); the last 4,096 kept.
_digest = lru_cache(maxsize=4096)(token_digest)


class TokenStoreUnavailable(Exception):
    """The token store did not answer in time, is overloaded, or failed."""


class TokenLookups:
    def __init__(
        self,
        store: FeedTokenStore,
        *,
        workers: int = 4,
        timeout: float = 10.0,
        max_waiting: int = 256,
    ) -> None:
        self.store = store
        self.cache = store if isinstance(store, CachedFeedTokens) else None
        self.timeout = timeout
        self.max_waiting = max_waiting
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="feed-token-lookup")
        self._lock = threading.Lock()
        self._unfinished = 0  # submitted and not finished, including ones nobody awaits any more

    def known(self, token: str) -> FeedSelection | Unseen | None:
        """What memory says of `token` without waiting: its selection, None for garbage or a
        token known to open nothing, UNSEEN when only `lookup` can tell (the feed route's
        fast path: most requests are answered here, with no coroutine in between)."""
        cache = self.cache
        if cache is not None:
            found = cache.cached(_digest(token))
            if found is not UNSEEN:
                return found  # a token seen before: its shape was checked then
        if not plausible(token):
            return None  # garbage never costs a thread or a query
        return UNSEEN

    async def lookup(self, token: str) -> FeedSelection | None:
        """The selection behind `token`, None for an unknown token; raises
        TokenStoreUnavailable when the store cannot answer now."""
        found = self.known(token)
        if found is not UNSEEN:
            return found
        cache = self.cache
        if cache is None:
            return await self._ask(token)
        digest = token_digest(token)
        generation = cache.generation
        selection = await self._ask(token)
        cache.remember(digest, selection, generation)
        return selection

    async def _ask(self, token: str) -> FeedSelection | None:
        with self._lock:
            if self._unfinished >= self.max_waiting:
                raise TokenStoreUnavailable("too many lookups waiting")
            self._unfinished += 1
        future = self._executor.submit(self.store.lookup, token)
        future.add_done_callback(self._finished)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            raise TokenStoreUnavailable(f"no answer within {self.timeout:g} s") from None
        except Exception as exc:
            log.warning("the feed token store failed", exc_info=True)
            raise TokenStoreUnavailable(type(exc).__name__) from exc

    def _finished(self, _: Future[FeedSelection | None]) -> None:
        with self._lock:
            self._unfinished -= 1

    def close(self) -> None:
        """Stop the threads; lookups still queued are dropped, running ones end on their own."""
        self._executor.shutdown(wait=False, cancel_futures=True)
