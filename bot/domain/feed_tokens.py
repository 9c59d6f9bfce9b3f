"""Personal feed tokens: the secret in a member's feed URL.

A token carries 256 random bits, is shown to its member once, and is stored only as a SHA-256
digest. Looking one up hashes the presented token and confirms the stored digest with a
constant-time comparison. Issuing a new token revokes the old one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from bot.domain.patterns import compiled

TOKEN_BYTES = 32
_TOKEN_SHAPE = compiled(r"^[A-Za-z0-9_-]{43}$")  # 32 bytes in unpadded base64url


def new_token() -> str:
    """A fresh token: 256 bits from the OS's CSPRNG, URL-safe."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def plausible(token: str) -> bool:
    """Cheap shape check before any lookup: garbage paths never reach the store."""
    return bool(_TOKEN_SHAPE.match(token))


def same_digest(stored: str, presented: str) -> bool:
    return hmac.compare_digest(stored.encode(), presented.encode())


@dataclass(frozen=True, slots=True)
class FeedSelection:
    """What a member's personal feed holds: schedules followed and sessions starred."""

    member: str
    schedule_ids: frozenset[str] = frozenset()
    sessions: frozenset[tuple[str, str]] = frozenset()  # (schedule id, session id)

    def includes(self, schedule_id: str, session_id: str) -> bool:
        return schedule_id in self.schedule_ids or (schedule_id, session_id) in self.sessions


@dataclass(slots=True)
class MemoryFeedTokens:
    """Tokens and selections held in memory (a `FeedTokenStore` of `bot.app.ports`): for
    tests and single-process runs."""

    _digests: dict[str, str] = field(default_factory=dict)  # digest -> member
    _by_member: dict[str, str] = field(default_factory=dict)  # member -> digest
    _selections: dict[str, FeedSelection] = field(default_factory=dict)

    def issue(self, member: str) -> str:
        self.revoke(member)
        token = new_token()
        digest = token_digest(token)
        self._digests[digest] = member
        self._by_member[member] = digest
        return token

    def revoke(self, member: str) -> None:
        digest = self._by_member.pop(member, None)
        if digest is not None:
            self._digests.pop(digest, None)

    def holds(self, member: str) -> bool:
        return member in self._by_member

    def select(self, selection: FeedSelection) -> None:
        self._selections[selection.member] = selection

    def lookup(self, token: str) -> FeedSelection | None:
        if not plausible(token):
            return None
        presented = token_digest(token)
        member = self._digests.get(presented)
        if member is None or not same_digest(self._by_member.get(member, ""), presented):
            return None
        return self._selections.get(member, FeedSelection(member))

    def selections(self) -> dict[str, FeedSelection]:
        """Every live token's selection, by token digest."""
        return {
            digest: self._selections.get(member, FeedSelection(member))
            for digest, member in self._digests.items()
        }
