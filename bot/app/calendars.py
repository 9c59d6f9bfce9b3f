"""Calendar files (.ics) of a session or a whole agenda, and members' personal feeds.

A session's file is built in one place, with the session's revision, so the file the bot sends
and the one the feed server serves are the same bytes (a calendar app that imports both sees one
event, at its latest SEQUENCE).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot.app.agendas import PUBLIC, visible
from bot.domain.agenda import Schedule, Session
from bot.domain.feed_tokens import FeedSelection
from bot.domain.ics.calendars import feed_calendar, session_download
from bot.domain.ics.revisions import Revision, revision_key
from bot.domain.ics.speakers import SpeakerLinks

if TYPE_CHECKING:
    from bot.app.ports import AgendaSnapshot, MemberFollowStore, PersonalFeedTokens


@dataclass(frozen=True, slots=True)
class CalendarFile:
    """A calendar file to hand out: its name, its bytes, and when what it holds last changed
    (None: never seen changing)."""

    filename: str
    data: bytes
    changed_at: datetime | None = None


def session_file(
    snapshot: AgendaSnapshot, schedule: Schedule, session: Session, *, base_url: str = ""
) -> CalendarFile:
    """One session to import once (`/ics session:`, the calendar button, the web download).
    An occurrence of a repeating session is that one meeting, an event of its own (its own id,
    so its own UID): importing it never brings in the whole series. `base_url` is the feed
    server's public URL ("" when unknown), for links to speakers' pages."""
    revision = download_revision(snapshot.revisions, schedule, session)
    return CalendarFile(
        download_name(schedule, session),
        session_download(
            schedule, alone(session), revision, speakers=speaker_links(snapshot, base_url)
        ),
        revision.changed_at if revision is not None else None,
    )


def download_revision(
    revisions: Mapping[str, Revision], schedule: Schedule, session: Session
) -> Revision | None:
    """The revision a session's download is written from. An occurrence the series gives
    unchanged has none of its own: it changes when its series does, so it takes the series'
    SEQUENCE and change time (a moved series gives every download a higher SEQUENCE and a new
    Last-Modified, never a 304 for old bytes)."""
    found = revisions.get(revision_key(schedule.id, session.id))
    if found is not None or session.series_id is None:
        return found
    series = revisions.get(revision_key(schedule.id, session.series_id))
    return replace(series, session=alone(session)) if series is not None else None


def alone(session: Session) -> Session:
    """The session as an event of its own: an occurrence of a repeating session loses its tie
    to the series (its own UID, no RECURRENCE-ID)."""
    if session.series_id is None:
        return session
    return replace(session, series_id=None, recurrence_id=None)


def download_name(schedule: Schedule, session: Session) -> str:
    """The file name a session's calendar file is handed out under."""
    return f"{schedule.id}-{session.id.replace('@', '-')}.ics"


def schedule_file(
    snapshot: AgendaSnapshot, schedule: Schedule, *, base_url: str = ""
) -> CalendarFile:
    """A whole agenda, as its subscribable feed has it."""
    links = speaker_links(snapshot, base_url)
    data = feed_calendar(schedule.title, [schedule], snapshot.revisions, speakers=links)
    return CalendarFile(f"{schedule.id}.ics", data)


def speaker_links(snapshot: AgendaSnapshot, base_url: str) -> SpeakerLinks:
    """The snapshot's speaker profiles, with the feed server's public URL for their pages and
    for the pages of the agendas it shows (the public ones)."""
    pages = frozenset(visible(snapshot, PUBLIC)) if base_url else frozenset()
    return SpeakerLinks(snapshot.speakers, base_url, pages)


def webcal(url: str) -> str:
    """The same URL for calendar apps: `webcal://` in place of `http(s)://`."""
    return re.sub(r"^https?://", "webcal://", url)


@dataclass(frozen=True, slots=True)
class FeedLink:
    """What asking for one's feed link did. `token` is a new link's secret, None when the
    member's link stays as it was (it cannot be shown again: only its digest is kept);
    `replaced` says an earlier link stopped working."""

    token: str | None
    replaced: bool = False


class PersonalFeeds:
    """Members' personal feed links: issuing one (and adding an agenda to what it holds), and
    what a link's feed holds."""

    def __init__(
        self,
        tokens: PersonalFeedTokens,
        follows: MemberFollowStore,
        on_changed: Callable[[], None],
    ) -> None:
        self.tokens = tokens
        self.follows = follows
        self.on_changed = on_changed

    async def subscribe(
        self, user_id: int, schedule: Schedule | None = None, *, reset: bool = False
    ) -> FeedLink:
        """Follow `schedule` if given (the member's feed then holds it, under the link they
        have), and give a link: a new one when they have none, or when they ask to `reset` (the
        old one then stops working). A link already in a calendar app is never revoked unasked:
        the app would stop updating without a word."""
        if schedule is not None:
            await asyncio.to_thread(self.follows.follow_schedule, user_id, schedule.id)
            self.on_changed()
        member = str(user_id)
        had = await asyncio.to_thread(self.tokens.holds, member)
        if had and not reset:
            return FeedLink(None)
        return FeedLink(await asyncio.to_thread(self.tokens.issue, member), replaced=had)

    def selection(self, token: str) -> FeedSelection | None:
        """What the feed behind `token` holds (blocking: the feed server runs it in threads of
        its own, with a timeout)."""
        return self.tokens.lookup(token)

    lookup = selection  # the name the feed server's token lookups call
