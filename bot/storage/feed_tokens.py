"""Personal feed tokens in the database (the app's `FeedTokenStore`)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from bot.app.clock import Clock, utc_now
from bot.domain.feed_tokens import FeedSelection, new_token, plausible, same_digest, token_digest
from bot.storage.tables import FeedToken, Member, MemberFollow, Star


class DatabaseFeedTokens:
    """Tokens as SHA-256 digests; a feed holds the member's stars and followed schedules."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock = utc_now,
    ) -> None:
        self.sessions = sessions
        self.clock = clock

    def issue(self, member: str) -> str:
        user_id = int(member)
        token = new_token()
        now = self.clock()
        with self.sessions.begin() as db:
            if db.get(Member, user_id) is None:
                db.add(Member(user_id=user_id, dm_opt_in=False, created_at=now, updated_at=now))
            db.execute(delete(FeedToken).where(FeedToken.user_id == user_id))
            db.add(FeedToken(user_id=user_id, digest=token_digest(token), created_at=now))
        return token

    def revoke(self, member: str) -> None:
        with self.sessions.begin() as db:
            db.execute(delete(FeedToken).where(FeedToken.user_id == int(member)))

    def lookup(self, token: str) -> FeedSelection | None:
        if not plausible(token):
            return None
        presented = token_digest(token)
        with self.sessions() as db:
            row = db.scalars(select(FeedToken).where(FeedToken.digest == presented)).first()
            if row is None or not same_digest(row.digest, presented):
                return None
            schedules = frozenset(
                db.scalars(
                    select(MemberFollow.schedule_id).where(MemberFollow.user_id == row.user_id)
                )
            )
            sessions = frozenset(
                (star[0], star[1])
                for star in db.execute(
                    select(Star.schedule_id, Star.session_id).where(Star.user_id == row.user_id)
                )
            )
        return FeedSelection(str(row.user_id), schedules, sessions)
