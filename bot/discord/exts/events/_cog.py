"""/events publish, /events unpublish: an agenda in the server's own Events tab, kept in step
when the agenda changes; "Interested" on those events counts as an RSVP.

Every event is external (entity type 3), guild only (privacy level 2), with its times in UTC
and an end (Discord requires one for external events: the session's end, else the next
session's start, else an hour). Each event's description ends with a line `ref <marker>`, the
marker also kept in the database before the event is created: publishing again, or after a
crash between creating an event and writing its id down, finds the event instead of making a
second one.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.app.errors import Refused
from bot.app.ports import EventLink, ScheduledEventStore
from bot.app.rsvp import RsvpState
from bot.discord.errors import UserError
from bot.discord.i18n import reply
from bot.discord.limits import ECHO, clip, length
from bot.discord.replies import respond
from bot.discord.services import UseCases
from bot.discord.transformers import (
    ScheduleTransformer,
    only_schedule,
    require_manage_events,
    services,
)
from bot.domain.agenda import Schedule, Session
from bot.domain.patterns import compiled
from bot.texts import text_for

log = logging.getLogger(__name__)

EVENT = "event"  # the item of the one Discord event spanning an agenda
NAME = 100  # Discord's limits for a scheduled event's name, description and location
DESCRIPTION = 1000
LOCATION = 100
GUILD_CAP = 100  # unfinished scheduled events Discord lets a server hold
WINDOW = timedelta(days=28)  # how far ahead a repeating session's occurrences are published
DEFAULT_LENGTH = timedelta(hours=1)
EXTERNAL = discord.EntityType.external.value
GUILD_ONLY = discord.PrivacyLevel.guild_only.value
SCHEDULED = discord.EventStatus.scheduled.value
CANCELLED = discord.EventStatus.cancelled.value
TOO_MANY = 30038  # Discord's error code: the server holds as many events as it may
USER_ADD = "GUILD_SCHEDULED_EVENT_USER_ADD"
USER_REMOVE = "GUILD_SCHEDULED_EVENT_USER_REMOVE"
_MARKER = compiled(r"(?:^|\n)ref ([0-9a-f]{16})\s*\Z")


def marker_for(guild_id: int, schedule_id: str, item: str) -> str:
    """The same marker for the same server, agenda and item, in every process."""
    return hashlib.sha256(f"{guild_id}\n{schedule_id}\n{item}".encode()).hexdigest()[:16]


def marker_in(event: dict[str, Any]) -> str | None:
    found = _MARKER.search(event.get("description") or "")
    return found.group(1) if found else None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True, slots=True)
class Planned:
    """One Discord event as it should be."""

    item: str
    name: str
    description: str
    location: str
    start: datetime
    end: datetime

    def payload(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "privacy_level": GUILD_ONLY,
            "entity_type": EXTERNAL,
            "channel_id": None,
            "entity_metadata": {"location": self.location},
            "scheduled_start_time": _iso(self.start),
            "scheduled_end_time": _iso(self.end),
        }

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.payload(), sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Plan:
    items: dict[str, Planned]
    later: int = 0  # occurrences of repeating sessions beyond WINDOW, published as they near


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0


def _ends(sessions: list[Session]) -> dict[str, datetime]:
    """Each session's end: its own, else the next session's start, else an hour after it."""
    ordered = sorted(sessions, key=lambda s: s.start)
    ends = {}
    for index, session in enumerate(ordered):
        later = [s.start for s in ordered[index + 1 :] if s.start > session.start]
        end = session.end or (later[0] if later else session.start + DEFAULT_LENGTH)
        ends[session.id] = end if end > session.start else session.start + DEFAULT_LENGTH
    return ends


def _location(schedule: Schedule, locale: str, session: Session | None = None) -> str:
    for place in (session.location if session else None, schedule.venue, schedule.url):
        if place and place.strip():
            text = " ".join(place.split())
            if length(text) <= LOCATION or not text.startswith("http"):
                return clip(text, LOCATION)  # a cut web address would lead nowhere
    return text_for(locale, "events_location_none")


def _description(body: list[str], footer: list[str]) -> str:
    """`body` cut to what fits before the footer (the feed link and the marker, kept whole)."""
    end = "\n\n".join(footer)
    room = DESCRIPTION - length(end) - 2
    text = clip("\n".join(line for line in body if line).strip(), room)
    return f"{text}\n\n{end}" if text else end


def plan(
    schedule: Schedule,
    mode: str,
    guild_id: int,
    *,
    now: datetime,
    locale: str,
    feed: str | None,
) -> Plan:
    """The Discord events an agenda should have in a server: for sessions still to come, one
    spanning them all (`mode` "event") or one per session; a repeating session's occurrences
    within WINDOW only (Discord holds 100 unfinished events per server; later ones are added
    as the agenda's occurrences roll forward)."""
    ahead = [s for s in schedule.sessions if s.start > now]
    ends = _ends(list(schedule.sessions))
    feed_line = [text_for(locale, "events_calendar", url=feed)] if feed else []
    if mode == EVENT:
        if not ahead:
            return Plan({})
        titles = [f"• {s.title_in(locale)}" for s in ahead]
        body = [
            schedule.description or "",
            text_for(locale, "events_sessions", count=len(ahead)),
            *titles,
        ]
        marker = marker_for(guild_id, schedule.id, EVENT)
        planned = Planned(
            EVENT,
            clip(schedule.title_in(locale), NAME),
            _description(body, [*feed_line, f"ref {marker}"]),
            _location(schedule, locale),
            min(s.start for s in ahead),
            max(ends[s.id] for s in ahead),
        )
        return Plan({EVENT: planned})
    items: dict[str, Planned] = {}
    later = 0
    for session in ahead:
        if session.series_id is not None and session.start >= now + WINDOW:
            later += 1
            continue
        named = [s.name for s in session.speakers_in(locale)]
        speakers_key = "reminder_speaker" if len(named) == 1 else "reminder_speakers"
        body = [
            text_for(locale, "reminder_agenda", agenda=schedule.title_in(locale)),
            text_for(locale, speakers_key, names=", ".join(named)) if named else "",
            session.description or "",
        ]
        marker = marker_for(guild_id, schedule.id, session.id)
        items[session.id] = Planned(
            session.id,
            clip(session.title_in(locale), NAME),
            _description(body, [*feed_line, f"ref {marker}"]),
            _location(schedule, locale, session),
            session.start,
            ends[session.id],
        )
    return Plan(items, later)


def _public_feed(box: UseCases, schedule_id: str) -> str | None:
    """The agenda's public calendar feed, when the public web may see it."""
    if schedule_id not in box.agendas.public():
        return None
    return box.feed_url(f"/calendars/{schedule_id}.ics")


def _store(box: UseCases) -> ScheduledEventStore:
    if box.scheduled_events is None:
        raise UserError("events_off")
    return box.scheduled_events


def _http_error(error: discord.HTTPException) -> UserError:
    if error.code == TOO_MANY:
        return UserError("events_cap", cap=GUILD_CAP, existing=GUILD_CAP, needed=1)
    if isinstance(error, discord.Forbidden):
        return UserError("events_forbidden")
    return UserError("events_failed", error=clip(error.text or str(error.status), ECHO))


PER_CHOICES = [
    app_commands.Choice(name=_("one event for the agenda"), value=EVENT),
    app_commands.Choice(name=_("one event per session"), value="session"),
]


@app_commands.guild_only()
@app_commands.default_permissions(manage_events=True)
class EventsCog(
    commands.GroupCog,
    group_name=_("events"),
    group_description=_("The server's Events tab, kept in step with an agenda"),
):
    def __init__(self, bot: commands.Bot) -> None:
        super().__init__()
        self.bot = bot
        self._locks: dict[tuple[int, str], asyncio.Lock] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._parsers: dict[str, Callable[[Any], None] | None] = {}
        self._active = True
        self._running = False
        self._again = False

    @property
    def box(self) -> UseCases:
        found: UseCases = self.bot.services  # type: ignore[attr-defined]
        return found

    async def cog_load(self) -> None:
        # Agenda changes: the library tells its listeners of every new snapshot.
        subscribe = getattr(self.box.agendas.source, "subscribe", None)
        if callable(subscribe):
            subscribe(self._agendas_changed)
        # "Interested" clicks: discord.py drops them unless the member is in its cache (which
        # a bot without the members intent mostly is not), so they are read as they arrive.
        parsers = self.bot._connection.parsers
        for name, add in ((USER_ADD, True), (USER_REMOVE, False)):
            original = parsers.get(name)
            self._parsers[name] = original
            parsers[name] = self._interest_parser(add, original)

    async def cog_unload(self) -> None:
        self._active = False
        parsers = self.bot._connection.parsers
        for name, original in self._parsers.items():
            if original is None:
                parsers.pop(name, None)
            else:
                parsers[name] = original
        for task in list(self._tasks):
            task.cancel()

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a blocking load outside the loop: the next reload catches up
            work.close()
            return
        task = loop.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def settle(self) -> None:
        """Wait until every update started so far (and those they started) is done."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    # ---- commands ------------------------------------------------------------------------------

    @app_commands.command(
        name=_("publish"), description=_("Put an agenda in this server's Events tab")
    )
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"),
        per=_("One event for the whole agenda, or one per session"),
    )
    @app_commands.choices(per=PER_CHOICES)
    @app_commands.check(require_manage_events)
    async def publish(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
        per: app_commands.Choice[str] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        box = services(interaction)
        store = _store(box)
        chosen = only_schedule(interaction, schedule)
        mode = per.value if per is not None else EVENT
        locale = str(interaction.guild_locale or "en-US")
        await interaction.response.defer(ephemeral=True, thinking=True)
        made = plan(
            chosen,
            mode,
            interaction.guild_id,
            now=box.clock(),
            locale=locale,
            feed=_public_feed(box, chosen.id),
        )
        if not made.items:
            raise UserError("events_nothing_ahead", title=chosen.title_in(str(interaction.locale)))
        try:
            tally = await self.sync(interaction.guild_id, chosen.id, made, store, strict=True)
        except discord.HTTPException as exc:
            raise _http_error(exc) from exc
        text = reply(
            interaction,
            "events_published",
            title=chosen.title_in(str(interaction.locale)),
            created=tally.created,
            updated=tally.updated,
            unchanged=tally.unchanged,
            cancelled=tally.cancelled,
        )
        if made.later:
            text += "\n" + reply(interaction, "events_later", count=made.later, days=WINDOW.days)
        await respond(interaction, text)

    @app_commands.command(
        name=_("unpublish"), description=_("Remove an agenda's events from the Events tab")
    )
    @app_commands.describe(schedule=_("Which agenda (default: the only one)"))
    @app_commands.check(require_manage_events)
    async def unpublish(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        box = services(interaction)
        store = _store(box)
        chosen = only_schedule(interaction, schedule)
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            removed = await self.remove_all(interaction.guild_id, chosen.id, store)
        except discord.HTTPException as exc:
            raise _http_error(exc) from exc
        title = chosen.title_in(str(interaction.locale))
        if removed is None:
            raise UserError("events_not_published", title=title)
        await respond(
            interaction, reply(interaction, "events_unpublished", title=title, count=removed)
        )

    # ---- keeping Discord in step ---------------------------------------------------------------

    def _lock(self, guild_id: int, schedule_id: str) -> asyncio.Lock:
        return self._locks.setdefault((guild_id, schedule_id), asyncio.Lock())

    async def _listed(self, guild_id: int) -> list[dict[str, Any]]:
        events = await self.bot.http.get_scheduled_events(guild_id, False)
        return cast(list[dict[str, Any]], events)

    async def sync(
        self,
        guild_id: int,
        schedule_id: str,
        made: Plan,
        store: ScheduledEventStore,
        *,
        strict: bool = False,
    ) -> Tally:
        """Make the server's events for the agenda what `made` says: create what is missing
        (found again by its marker first), edit what changed, cancel what is gone. With
        `strict`, more events than Discord allows is refused before anything is made."""
        tally = Tally()
        now = self.box.clock()
        async with self._lock(guild_id, schedule_id):
            links = {
                link.item: link
                for link in await asyncio.to_thread(store.links, guild_id, schedule_id)
            }
            listed = await self._listed(guild_id)
            by_id = {int(e["id"]): e for e in listed}
            by_marker = {m: e for e in listed if (m := marker_in(e)) is not None}

            def existing(item: str, link: EventLink | None) -> dict[str, Any] | None:
                if link is not None and link.event_id is not None and link.event_id in by_id:
                    return by_id[link.event_id]
                return by_marker.get(marker_for(guild_id, schedule_id, item))

            missing = [i for i in made.items if existing(i, links.get(i)) is None]
            if strict and len(listed) + len(missing) > GUILD_CAP:
                raise UserError(
                    "events_cap", cap=GUILD_CAP, existing=len(listed), needed=len(missing)
                )
            for item, planned in made.items.items():
                link = links.get(item)
                found = existing(item, link)
                marker = marker_for(guild_id, schedule_id, item)
                if link is None:
                    await asyncio.to_thread(
                        store.intend, guild_id, schedule_id, item, marker, planned.start
                    )
                sent: str | None = planned.digest  # what Discord holds once this is done
                if found is None:
                    created = await self.bot.http.create_guild_scheduled_event(
                        guild_id, **planned.payload()
                    )
                    event_id = int(created["id"])
                    tally.created += 1
                else:
                    event_id = int(found["id"])
                    started = link is not None and link.starts_at <= now
                    same = link is not None and link.digest == planned.digest
                    if same or started or found.get("status") != SCHEDULED:
                        tally.unchanged += 1
                        sent = link.digest if link is not None else None
                    else:
                        await self.bot.http.edit_scheduled_event(
                            guild_id, event_id, **planned.payload()
                        )
                        tally.updated += 1
                if link is None or link.event_id != event_id or link.digest != sent:
                    kept = link.starts_at if link is not None and link.starts_at <= now else None
                    await asyncio.to_thread(
                        functools.partial(
                            store.record,
                            guild_id,
                            schedule_id,
                            item,
                            event_id=event_id,
                            digest=sent,
                            starts_at=kept or planned.start,
                        )
                    )
            for item, link in links.items():
                if item in made.items:
                    continue
                found = existing(item, link)
                if link.starts_at > now and found is not None:
                    await self._cancel(guild_id, int(found["id"]), found)
                    tally.cancelled += 1
                await asyncio.to_thread(store.forget, guild_id, schedule_id, item)
        return tally

    async def _cancel(self, guild_id: int, event_id: int, found: dict[str, Any]) -> None:
        """A removed session's event is cancelled (members who were interested see why it is
        gone); one Discord will not cancel any more (already under way) is deleted."""
        try:
            if found.get("status") == SCHEDULED:
                await self.bot.http.edit_scheduled_event(guild_id, event_id, status=CANCELLED)
                return
        except discord.NotFound:
            return
        except discord.HTTPException as exc:
            log.info("could not cancel scheduled event %s, deleting it: %s", event_id, exc)
        with contextlib.suppress(discord.NotFound):
            await self.bot.http.delete_scheduled_event(guild_id, event_id)

    async def remove_all(
        self, guild_id: int, schedule_id: str, store: ScheduledEventStore
    ) -> int | None:
        """Delete every event published for the agenda here; None when there were none."""
        async with self._lock(guild_id, schedule_id):
            links = await asyncio.to_thread(store.links, guild_id, schedule_id)
            if not links:
                return None
            listed = await self._listed(guild_id)
            by_id = {int(e["id"]): e for e in listed}
            by_marker = {m: e for e in listed if (m := marker_in(e)) is not None}
            removed = 0
            for link in links:
                found = by_id.get(link.event_id) if link.event_id is not None else None
                found = found or by_marker.get(link.marker)
                if found is not None:
                    try:
                        await self.bot.http.delete_scheduled_event(guild_id, int(found["id"]))
                        removed += 1
                    except discord.NotFound:
                        pass
                await asyncio.to_thread(store.forget, guild_id, schedule_id, link.item)
            return removed

    def _owns(self, guild_id: int) -> bool:
        """Whether this process runs the guild's shard (each process keeps its own guilds)."""
        shard_ids = getattr(self.bot, "shard_ids", None)
        count = self.bot.shard_count
        if not shard_ids or not count:
            return True
        return (guild_id >> 22) % count in shard_ids

    def _guild_locale(self, guild_id: int) -> str:
        guild = self.bot.get_guild(guild_id)
        return str(guild.preferred_locale) if guild is not None else "en-US"

    def _agendas_changed(self, _snapshot: object) -> None:
        """A new agenda snapshot: bring the published events up to date, one run at a time
        (changes during a run are taken up by one more run after it)."""
        if not self._active:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._spawn(self._follow_changes())

    async def _follow_changes(self) -> None:
        try:
            again = True
            while again:
                self._again = False
                await self._update_published()
                again = self._again
        finally:
            self._running = False

    async def _update_published(self) -> None:
        box = self.box
        store = box.scheduled_events
        if store is None:
            return
        for guild_id, schedule_id in await asyncio.to_thread(store.published):
            if not self._owns(guild_id):
                continue
            try:
                links = await asyncio.to_thread(store.links, guild_id, schedule_id)
                mode = EVENT if any(link.item == EVENT for link in links) else "session"
                schedule = box.agendas.schedule(guild_id, schedule_id)
                made = (
                    plan(
                        schedule,
                        mode,
                        guild_id,
                        now=box.clock(),
                        locale=self._guild_locale(guild_id),
                        feed=_public_feed(box, schedule_id),
                    )
                    if schedule is not None
                    else Plan({})
                )
                await self.sync(guild_id, schedule_id, made, store)
            except Exception:  # one server's trouble never keeps the others stale
                log.exception(
                    "updating the scheduled events of %s in guild %s failed", schedule_id, guild_id
                )

    # ---- "Interested" ----------------------------------------------------------------------

    def _interest_parser(
        self, add: bool, original: Callable[[Any], None] | None
    ) -> Callable[[Any], None]:
        def parse(data: Any) -> None:
            if self._active:
                self._spawn(self._interest(data, add))
            if original is not None:
                original(data)

        return parse

    async def _interest(self, data: dict[str, Any], add: bool) -> None:
        """A member marked (or unmarked) one of the agenda's events as Interested: they are
        going (a seat, or the waitlist when the seats are taken); taking it back on the last
        of the agenda's events they were interested in ends an RSVP that came from interest."""
        box = self.box
        store = box.scheduled_events
        try:
            guild_id = int(data["guild_id"])
            event_id = int(data["guild_scheduled_event_id"])
            user_id = int(data["user_id"])
        except (KeyError, TypeError, ValueError):
            log.warning("a scheduled event interest without its ids: %r", data)
            return
        if store is None or (self.bot.user is not None and user_id == self.bot.user.id):
            return
        try:
            schedule_id = await asyncio.to_thread(store.schedule_of, guild_id, event_id)
            if schedule_id is None:
                return  # an event this bot did not publish
            rsvps = box.rsvps
            waiting_before = False
            if add:
                before = await rsvps.standing(guild_id, schedule_id, user_id)
                waiting_before = before.state is RsvpState.WAITLISTED
                try:
                    change = await rsvps.interested(guild_id, schedule_id, user_id, event_id)
                except Refused as refused:
                    if refused.key != "rsvp_not_open":
                        log.info("interest in %s not counted: %s", schedule_id, refused.key)
                        return
                    # Publishing invites interest: the first click opens the RSVP, with the
                    # page's seats (if it names any).
                    await rsvps.open(guild_id, schedule_id, None, None)
                    change = await rsvps.interested(guild_id, schedule_id, user_id, event_id)
            else:
                try:
                    withdrawn = await rsvps.not_interested(guild_id, schedule_id, user_id, event_id)
                except Refused as refused:
                    log.info("interest in %s not withdrawn: %s", schedule_id, refused.key)
                    return
                if withdrawn is None:
                    return  # still interested in another of its events, or going by the button
                change = withdrawn
            await self._tell_board(guild_id, schedule_id, change.promoted)
            standing = change.standing
            if add and standing.state is RsvpState.WAITLISTED and not waiting_before:
                await self._tell_waitlisted(guild_id, schedule_id, user_id, standing.position)
        except Exception:
            log.exception(
                "counting interest in event %s of guild %s for member %s failed",
                event_id,
                guild_id,
                user_id,
            )

    async def _tell_waitlisted(
        self, guild_id: int, schedule_id: str, user_id: int, position: int | None
    ) -> None:
        """An "Interested" mark has no reply: a member put on the waitlist learns their place
        by DM (when the RSVP feature is loaded)."""
        board = getattr(self.bot.get_cog("RsvpCog"), "board", None)
        schedule = self.box.agendas.schedule(guild_id, schedule_id)
        if board is None or schedule is None or position is None:
            return
        await board.tell_waitlisted(schedule, user_id, position, self._guild_locale(guild_id))

    async def _tell_board(self, guild_id: int, schedule_id: str, promoted: tuple[int, ...]) -> None:
        """The RSVP feature's announcements show the new counts, and members moved up from the
        waitlist are told, as after a button click (when that feature is loaded)."""
        board = getattr(self.bot.get_cog("RsvpCog"), "board", None)
        if board is None:
            return
        locale = self._guild_locale(guild_id)
        board.changed(guild_id, schedule_id, locale)
        schedule = self.box.agendas.schedule(guild_id, schedule_id)
        if promoted and schedule is not None:
            await board.tell_promoted(guild_id, schedule, promoted, locale)
