"""Personal feed tokens in the database (the app's `FeedTokenStore`)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.app.clock import Clock, utc_now
from bot.app.rsvp import RsvpState
from bot.domain.feed_tokens import FeedSelection, new_token, plausible, same_digest, token_digest
from bot.storage.tables import FeedToken, Member, MemberFollow, RsvpRow, Star

_ATTEMPTS = 3  # a write that lost a race to insert the member's row is tried again
_CONFIRMED = RsvpState.CONFIRMED.value  # a confirmed RSVP puts its event in the member's feed


class DatabaseFeedTokens:
    """Tokens as SHA-256 digests; a feed holds the member's stars, followed schedules and the
    events where they hold a confirmed RSVP."""

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
        for attempt in range(_ATTEMPTS):
            try:
                with self.sessions.begin() as db:
                    if db.get(Member, user_id) is None:
                        member_row = Member(
                            user_id=user_id, dm_opt_in=False, created_at=now, updated_at=now
                        )
                        db.add(member_row)
                    db.execute(delete(FeedToken).where(FeedToken.user_id == user_id))
                    db.add(FeedToken(user_id=user_id, digest=token_digest(token), created_at=now))
                return token
            except IntegrityError:
                # The member's row was added meanwhile (their first interaction records them
                # too, at the same time): the next attempt finds it.
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def revoke(self, member: str) -> None:
        with self.sessions.begin() as db:
            db.execute(delete(FeedToken).where(FeedToken.user_id == int(member)))

    def holds(self, member: str) -> bool:
        with self.sessions() as db:
            found = db.scalars(
                select(FeedToken.user_id).where(FeedToken.user_id == int(member)).limit(1)
            ).first()
        return found is not None

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
            ) | frozenset(
                db.scalars(
                    select(RsvpRow.schedule_id).where(
                        RsvpRow.user_id == row.user_id, RsvpRow.state == _CONFIRMED
                    )
                )
            )
            sessions = frozenset(
                (star[0], star[1])
                for star in db.execute(
                    select(Star.schedule_id, Star.session_id).where(Star.user_id == row.user_id)
                )
            )
        return FeedSelection(str(row.user_id), schedules, sessions)

    def selections(self) -> dict[str, FeedSelection]:
        """Every live token's selection, by token digest: four queries for all members, so a
        feed server can answer personal feeds from memory."""
        with self.sessions() as db:
            digests = db.execute(select(FeedToken.user_id, FeedToken.digest)).all()
            follows: dict[int, set[str]] = {}
            for user_id, schedule_id in db.execute(
                select(MemberFollow.user_id, MemberFollow.schedule_id).join(
                    FeedToken, FeedToken.user_id == MemberFollow.user_id
                )
            ):
                follows.setdefault(user_id, set()).add(schedule_id)
            for user_id, schedule_id in db.execute(
                select(RsvpRow.user_id, RsvpRow.schedule_id)
                .join(FeedToken, FeedToken.user_id == RsvpRow.user_id)
                .where(RsvpRow.state == _CONFIRMED)
            ):
                follows.setdefault(user_id, set()).add(schedule_id)
            stars: dict[int, set[tuple[str, str]]] = {}
            for user_id, schedule_id, session_id in db.execute(
                select(Star.user_id, Star.schedule_id, Star.session_id).join(
                    FeedToken, FeedToken.user_id == Star.user_id
                )
            ):
                stars.setdefault(user_id, set()).add((schedule_id, session_id))
        return {
            digest: FeedSelection(
                str(user_id),
                frozenset(follows.get(user_id, ())),
                frozenset(stars.get(user_id, ())),
            )
            for user_id, digest in digests
        }
