"""/rsvp open, /rsvp close, /rsvp post, /rsvp list, /rsvp export, /rsvp checkin; the
announcement's buttons; its counts kept up to date; DMs to members moved up from the waitlist."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import logging
import math
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, Self, cast

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands

from bot.app.errors import Refused
from bot.app.rsvp import MAX_CAPACITY, Counts, Entry, RsvpState, Standing
from bot.delivery.formats.discord_markup import discord_time
from bot.discord.errors import UserError, answer_error
from bot.discord.formatting import when as written_when
from bot.discord.i18n import reply
from bot.discord.limits import CONTENT, ECHO, clip, length
from bot.discord.replies import respond
from bot.discord.services import UseCases
from bot.discord.transformers import ScheduleTransformer, require_manage_events, services
from bot.domain.agenda import Schedule, Session
from bot.domain.patterns import compiled
from bot.texts import text_for

log = logging.getLogger(__name__)

EDIT_EVERY = 2.0  # seconds between two edits of an event's announcements, at least
KEPT = 10_000  # members' names and languages remembered from their clicks
TITLE = 200  # how much of an event's title the announcement and replies show
NO_MENTIONS = discord.AllowedMentions.none()
CLOSES_FORMAT = "%Y-%m-%d %H:%M"
CHECK_IN_EARLY = timedelta(hours=1)  # the Check in button works this long before the start
PICKS = 25  # members an organizer can check in at once (a user select's limit)
# A cell a spreadsheet would read as a formula: written with a quote in front.
_FORMULA = compiled(r"^[=+\-@\t\r]")


def event_key(schedule_id: str) -> str:
    """A short stable key for an event in a button's custom id (at most 100 characters)."""
    digest = hashlib.sha1(f"rsvp/{schedule_id}".encode(), usedforsecurity=False)
    return digest.hexdigest()[:20]


def event_start(schedule: Schedule, now: datetime) -> datetime | None:
    """When the event starts: its first session; for a repeating meeting, the next occurrence
    that is not over yet."""
    if not schedule.sessions:
        return None
    if schedule.series:
        coming = [s.start for s in schedule.sessions if (s.end or s.start) > now]
        if coming:
            return min(coming)
    return min(s.start for s in schedule.sessions)


def first_session(schedule: Schedule, now: datetime) -> Session | None:
    """The session the event starts with (for a repeating meeting, the next occurrence)."""
    start = event_start(schedule, now)
    return next((s for s in schedule.sessions if s.start == start), None)


def checking_in(schedule: Schedule, now: datetime) -> bool:
    """The Check in button works from an hour before the first session until it ends."""
    first = first_session(schedule, now)
    if first is None:
        return False
    end = first.end or first.start + CHECK_IN_EARLY
    return first.start - CHECK_IN_EARLY <= now < end


def event_over(schedule: Schedule, now: datetime) -> bool:
    """The last session has ended (never, for a repeating meeting)."""
    if schedule.series or not schedule.sessions:
        return False
    return max(s.end or s.start for s in schedule.sessions) <= now


def announcement(schedule: Schedule, counts: Counts, locale: str | None, now: datetime) -> str:
    """The announcement's text: the event, its time, seats left and the waitlist."""
    lines = [text_for(locale, "rsvp_announce_title", title=clip(schedule.title_in(locale), TITLE))]
    start = event_start(schedule, now)
    if start is not None:
        lines.append(
            text_for(
                locale,
                "rsvp_announce_when",
                full=discord_time(start, "F"),
                relative=discord_time(start, "R"),
            )
        )
    if counts.capacity is None:
        lines.append(
            text_for(
                locale,
                "rsvp_announce_unlimited",
                going=counts.confirmed,
                waitlist=counts.waitlisted,
            )
        )
    else:
        lines.append(
            text_for(
                locale,
                one("rsvp_announce_seats", counts.capacity),
                left=counts.seats_left,
                capacity=counts.capacity,
                going=counts.confirmed,
                waitlist=counts.waitlisted,
            )
        )
    if not counts.open:
        lines.append(text_for(locale, "rsvp_announce_closed"))
    elif counts.closes_at is not None:
        lines.append(
            text_for(locale, "rsvp_announce_closes", when=discord_time(counts.closes_at, "R"))
        )
    return clip("\n".join(lines), CONTENT)


def standing_text(locale: str | None, title: str, standing: Standing, key: str) -> str:
    """What a member is told of where they stand: `key` + "_confirmed", "_waitlisted" or
    "_not_going"."""
    shown = clip(title, TITLE)
    if standing.state is RsvpState.CONFIRMED:
        return text_for(locale, f"{key}_confirmed", title=shown)
    if standing.state is RsvpState.WAITLISTED:
        return text_for(locale, f"{key}_waitlisted", title=shown, position=standing.position)
    return text_for(locale, f"{key}_not_going", title=shown)


def parse_closes(value: str, tz: tzinfo) -> datetime:
    """ "YYYY-MM-DD HH:MM" in `tz`, or an ISO 8601 time (in `tz` when it names no offset)."""
    text = value.strip()
    try:
        return datetime.strptime(text, CLOSES_FORMAT).replace(tzinfo=tz).astimezone(UTC)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UserError("rsvp_bad_closes", value=clip(text, ECHO)) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def fit_lines(lines: list[str], budget: int, more: Callable[[int], str]) -> str:
    """As many whole lines as fit in `budget`, then `more(count)` for the `count` left out."""
    whole = "\n".join(lines)
    if length(whole) <= budget:
        return whole
    kept, used = 0, 0
    for index, line in enumerate(lines):
        used += length(line) + (1 if index else 0)
        if used + 1 + length(more(len(lines) - index - 1)) > budget:
            break
        kept = index + 1
    return clip("\n".join([*lines[:kept], more(len(lines) - kept)]), budget)


def one(key: str, count: int) -> str:
    """The catalogue key for `count`: its "_one" form for exactly one (English says "1 seat",
    "2 seats"; Chinese has the same text in both)."""
    return f"{key}_one" if count == 1 else key


def csv_cell(text: str) -> str:
    return f"'{text}" if _FORMULA.match(text) else text


class Board:
    """Keeps every event's announcements showing its counts. Clicks mark an event changed; its
    messages are edited at most once every `interval` seconds with the counts read just before
    the edit, so a burst of clicks makes a few edits, the last one with the final counts. Edits
    go through discord.py's HTTP client, which waits out Discord's rate limits."""

    def __init__(self, client: discord.Client, interval: float = EDIT_EVERY) -> None:
        self.client = client
        self.interval = interval
        self.names: dict[int, str] = {}  # display names seen on clicks (no member intent)
        self.locales: dict[int, str] = {}  # the language members clicked in
        self._seen: dict[tuple[int, str], set[tuple[int, int]]] = {}
        self._guild_locales: dict[tuple[int, str], str | None] = {}
        self._shown: dict[tuple[int, str], str] = {}  # the text the messages carry now
        self._titles: dict[tuple[int, str], str] = {}  # each event's title, once seen
        self._last: dict[tuple[int, str], float] = {}
        self._dirty: set[tuple[int, str]] = set()
        self._tasks: dict[tuple[int, str], asyncio.Task[None]] = {}
        self._closing: dict[tuple[int, str], asyncio.TimerHandle] = {}

    @property
    def box(self) -> UseCases:
        found: UseCases = self.client.services  # type: ignore[attr-defined]
        return found

    def member_seen(self, interaction: discord.Interaction[Any]) -> None:
        user = interaction.user
        for table, value in (
            (self.names, user.display_name),
            (self.locales, str(interaction.locale)),
        ):
            if len(table) >= KEPT and user.id not in table:
                del table[next(iter(table))]
            table[user.id] = value

    def message_seen(
        self, guild_id: int, schedule_id: str, channel_id: int, message_id: int
    ) -> None:
        self._seen.setdefault((guild_id, schedule_id), set()).add((channel_id, message_id))

    def changed(self, guild_id: int, schedule_id: str, locale: str | None) -> None:
        key = (guild_id, schedule_id)
        self._guild_locales[key] = locale
        self._dirty.add(key)
        task = self._tasks.get(key)
        if task is None or task.done():
            self._tasks[key] = asyncio.create_task(self._run(key))

    async def _run(self, key: tuple[int, str]) -> None:
        while key in self._dirty:
            wait = self._last.get(key, -math.inf) + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            # Changes up to here are in the counts read below; later ones come round again.
            self._dirty.discard(key)
            try:
                await self._edit(*key)
            except Exception:  # one failed edit never stops the next ones
                log.exception("updating the RSVP announcements of %s in guild %s", key[1], key[0])
            self._last[key] = time.monotonic()

    async def _edit(self, guild_id: int, schedule_id: str) -> None:
        box = self.box
        key = (guild_id, schedule_id)
        schedule = box.agendas.schedule(guild_id, schedule_id)
        locale = self._guild_locales.get(key)
        gone = schedule is None
        if schedule is None:
            # The agenda was removed: the message says so and loses its buttons.
            title = clip(self._titles.get(key, schedule_id), TITLE)
            text = text_for(locale, "rsvp_announce_gone", title=title)
        else:
            self._titles[key] = schedule.title_in(locale)
            counts = await box.rsvps.counts(guild_id, schedule_id)
            text = announcement(schedule, counts, locale, box.clock())
            self._edit_at_closing(key, counts, box.clock())
        if self._shown.get(key) == text:
            return
        places = set(self._seen.get(key, ()))
        for posted in await box.rsvps.announcements(guild_id, schedule_id):
            places.add((posted.channel_id, posted.message_id))
        extra: dict[str, Any] = {"view": None} if gone else {}
        failed = False
        for channel_id, message_id in sorted(places):
            channel = self.client.get_partial_messageable(channel_id, guild_id=guild_id)
            try:
                await channel.get_partial_message(message_id).edit(
                    content=text, allowed_mentions=NO_MENTIONS, **extra
                )
            except discord.NotFound:
                self._seen.get((guild_id, schedule_id), set()).discard((channel_id, message_id))
            except discord.DiscordException as exc:
                failed = True
                log.warning(
                    "could not update the RSVP announcement %s in channel %s: %s",
                    message_id,
                    channel_id,
                    exc,
                )
        if failed:  # tried again with the next change, even if its text is the same
            self._shown.pop(key, None)
        else:
            self._shown[key] = text

    def _edit_at_closing(self, key: tuple[int, str], counts: Counts, now: datetime) -> None:
        """An open RSVP with a closing time: its messages are edited again when it closes, to
        say so."""
        old = self._closing.pop(key, None)
        if old is not None:
            old.cancel()
        if not counts.open or counts.closes_at is None:
            return
        delay = max(0.0, (counts.closes_at - now).total_seconds()) + 0.2
        self._closing[key] = asyncio.get_running_loop().call_later(
            delay, lambda: self.changed(key[0], key[1], self._guild_locales.get(key))
        )

    def posted(self, guild_id: int, schedule_id: str) -> None:
        """A new announcement was posted: the next edit is made even with the same text."""
        self._shown.pop((guild_id, schedule_id), None)

    async def refresh_all(self) -> None:
        """Every remembered announcement shown again from the current agendas (after the
        agendas changed: times moved, an agenda removed)."""
        for posted in await self.box.rsvps.announcements():
            key = (posted.guild_id, posted.schedule_id)
            if key not in self._guild_locales:
                guild = self.client.get_guild(posted.guild_id)
                self._guild_locales[key] = (
                    str(guild.preferred_locale) if guild is not None else None
                )
            self.changed(posted.guild_id, posted.schedule_id, self._guild_locales[key])

    async def settle(self) -> None:
        """Wait until every pending edit is made."""
        while any(not task.done() for task in self._tasks.values()):
            await asyncio.gather(*self._tasks.values(), return_exceptions=True)

    def stop(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        for handle in self._closing.values():
            handle.cancel()

    async def tell_waitlisted(
        self, schedule: Schedule, user_id: int, position: int, guild_locale: str | None
    ) -> None:
        """A DM to a member put on the waitlist without a reply to see it (an "Interested"
        mark on a full event): their place, in their zone and language."""
        box = self.box
        start = event_start(schedule, box.clock())
        try:
            chosen = await box.members.preferences(user_id)
            locale = chosen.locale or self.locales.get(user_id) or guild_locale
            when = written_when(start, chosen.tz, locale) if start is not None else "—"
            text = text_for(
                locale,
                "rsvp_waitlisted_dm",
                title=clip(schedule.title_in(locale), TITLE),
                when=when,
                position=position,
            )
            channel = await self.client.create_dm(discord.Object(user_id))
            await channel.send(clip(text, CONTENT), allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.info("could not tell member %s of their waitlist place: %s", user_id, exc)
        except Exception:
            log.exception("telling member %s of their waitlist place failed", user_id)

    async def tell_promoted(
        self,
        guild_id: int,
        schedule: Schedule,
        promoted: tuple[int, ...],
        guild_locale: str | None,
    ) -> None:
        """A DM to each member moved up from the waitlist, in their zone and language, when
        they still hold the seat as the DM goes out (their own Not going may have come in
        since). A member who cannot be written to is logged and skipped."""
        box = self.box
        start = event_start(schedule, box.clock())
        for user_id in promoted:
            try:
                now = await box.rsvps.standing(guild_id, schedule.id, user_id)
                if now.state is not RsvpState.CONFIRMED:
                    continue
                chosen = await box.members.preferences(user_id)
                locale = chosen.locale or self.locales.get(user_id) or guild_locale
                when = written_when(start, chosen.tz, locale) if start is not None else "—"
                text = text_for(
                    locale, "rsvp_promoted", title=clip(schedule.title_in(locale), TITLE), when=when
                )
                channel = await self.client.create_dm(discord.Object(user_id))
                await channel.send(clip(text, CONTENT), allowed_mentions=NO_MENTIONS)
            except discord.HTTPException as exc:
                log.info("could not tell member %s of their RSVP seat: %s", user_id, exc)
            except Exception:
                log.exception("telling member %s of their RSVP seat failed", user_id)


_ACTIONS = (
    ("go", "rsvp_button_going", discord.ButtonStyle.success),
    ("no", "rsvp_button_not_going", discord.ButtonStyle.secondary),
    ("me", "rsvp_button_status", discord.ButtonStyle.primary),
    ("ci", "rsvp_button_check_in", discord.ButtonStyle.secondary),
)


def board_of(client: discord.Client) -> Board:
    # By name: reloading the extension makes a new class, and the cog is of that one.
    cog = cast(commands.Bot, client).get_cog(RsvpCog.__cog_name__)
    if cog is None:
        raise RuntimeError("the RSVP feature is not loaded")
    return cast(RsvpCog, cog).board


class RsvpButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"rsvp:(?P<action>go|no|me|ci):(?P<key>[0-9a-f]{20})",
):
    """Going, Not going, My status, and Check in (organizers). The custom id names the event by
    key; the server is the one the click comes from."""

    def __init__(
        self,
        action: str,
        key: str,
        label: str | None = None,
        style: discord.ButtonStyle = discord.ButtonStyle.secondary,
    ) -> None:
        super().__init__(
            discord.ui.Button(label=label, style=style, custom_id=f"rsvp:{action}:{key}")
        )
        self.action = action
        self.key = key

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> Self:
        return cls(match["action"], match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        # Buttons are not commands: their errors are answered here, or the member would see
        # only "This interaction failed".
        try:
            await self._act(interaction)
        except Exception as exc:  # every failure gets an answer (and a log line)
            await answer_error(interaction, exc, f"button rsvp:{self.action}")

    async def _act(self, interaction: discord.Interaction[Any]) -> None:
        box = services(interaction)
        guild_id, schedule = keyed_event(interaction, self.key)
        if self.action == "ci":
            await offer_check_in(interaction, schedule, self.key)
            return
        board = board_of(interaction.client)
        board.member_seen(interaction)
        if interaction.message is not None:
            board.message_seen(
                guild_id, schedule.id, interaction.message.channel.id, interaction.message.id
            )
        locale = str(interaction.locale)
        user_id = interaction.user.id
        if self.action == "me":
            standing = await box.rsvps.standing(guild_id, schedule.id, user_id)
            await respond(
                interaction,
                standing_text(locale, schedule.title_in(locale), standing, "rsvp_status"),
            )
            return
        name = interaction.user.display_name
        await keep_language(box, user_id, locale)
        if self.action == "go":
            try:
                change = await box.rsvps.going(guild_id, schedule.id, user_id, name=name)
            except Refused as refused:
                if refused.key == "rsvp_closed":  # the announcement shows it closed too
                    board.changed(guild_id, schedule.id, _guild_locale(interaction))
                raise
        else:
            change = await box.rsvps.not_going(guild_id, schedule.id, user_id, name=name)
        await respond(
            interaction,
            standing_text(locale, schedule.title_in(locale), change.standing, "rsvp_now"),
        )
        guild_locale = _guild_locale(interaction)
        board.changed(guild_id, schedule.id, guild_locale)
        if change.promoted:
            await board.tell_promoted(guild_id, schedule, change.promoted, guild_locale)


async def keep_language(box: UseCases, user_id: int, locale: str) -> None:
    """The language a member clicked in becomes theirs when they chose none: later DMs (a seat
    from the waitlist, reminders) speak it, after a restart too."""
    try:
        await box.members.adopt_locale(user_id, locale)
    except Exception:  # the click counts all the same; its language is a nicety
        log.exception("keeping the language of member %s failed", user_id)


def keyed_event(interaction: discord.Interaction[Any], key: str) -> tuple[int, Schedule]:
    """The server a click comes from and the event its custom id names."""
    guild_id = interaction.guild_id
    visible = services(interaction).agendas.visible(guild_id)
    schedule = next((s for s in visible if event_key(s.id) == key), None)
    if guild_id is None or schedule is None:
        raise UserError("rsvp_gone")
    return guild_id, schedule


def organizer_only(interaction: discord.Interaction[Any]) -> None:
    """Buttons carry no default permissions: who may use an organizer's one is checked here."""
    permissions = interaction.permissions
    if not (permissions.manage_events or permissions.administrator):
        raise UserError("no_permission")


async def offer_check_in(
    interaction: discord.Interaction[Any], schedule: Schedule, key: str
) -> None:
    """The Check in button: for organizers, around the first session, a member picker."""
    organizer_only(interaction)
    if not checking_in(schedule, services(interaction).clock()):
        raise UserError("rsvp_check_in_not_now")
    view = discord.ui.View(timeout=None)
    view.add_item(CheckInPicker(key, reply(interaction, "rsvp_check_in_pick")))
    await respond(
        interaction,
        reply(interaction, "rsvp_check_in_who", title=clip(_title(interaction, schedule), TITLE)),
        view=view,
    )


class CheckInPicker(
    discord.ui.DynamicItem[discord.ui.UserSelect[Any]],
    template=r"rsvp:pick:(?P<key>[0-9a-f]{20})",
):
    """The members an organizer saw come, checked in at once."""

    def __init__(self, key: str, placeholder: str | None = None) -> None:
        super().__init__(
            discord.ui.UserSelect(
                custom_id=f"rsvp:pick:{key}",
                placeholder=placeholder,
                min_values=1,
                max_values=PICKS,
            )
        )
        self.key = key

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> Self:
        return cls(match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await self._check_in(interaction)
        except Exception as exc:  # every failure gets an answer (and a log line)
            await answer_error(interaction, exc, "select rsvp:pick")

    async def _check_in(self, interaction: discord.Interaction[Any]) -> None:
        organizer_only(interaction)
        guild_id, schedule = keyed_event(interaction, self.key)
        rsvps = services(interaction).rsvps
        done: dict[str, list[str]] = {"now": [], "already": [], "no_seat": []}
        for member in self.item.values:
            try:
                fresh = await rsvps.check_in(guild_id, schedule.id, member.id)
            except Refused:
                done["no_seat"].append(member.mention)
                continue
            done["now" if fresh else "already"].append(member.mention)
        lines = [
            reply(interaction, f"rsvp_picked_{kind}", members=", ".join(mentions))
            for kind, mentions in done.items()
            if mentions
        ]
        await respond(interaction, "\n".join(lines), allowed_mentions=NO_MENTIONS)


def rsvp_buttons(schedule_id: str, locale: str | None) -> discord.ui.View:
    """Going, Not going and My status for an event, labelled in `locale`."""
    view = discord.ui.View(timeout=None)
    key = event_key(schedule_id)
    for action, label, style in _ACTIONS:
        view.add_item(RsvpButton(action, key, text_for(locale, label), style))
    return view


def _over_capacity(interaction: discord.Interaction[Any], counts: Counts) -> str:
    """A capacity below the confirmed count: who keeps a seat, and that nobody new gets one."""
    if counts.capacity is None or counts.confirmed <= counts.capacity:
        return ""
    return "\n" + reply(
        interaction,
        one("rsvp_over_capacity", counts.confirmed),
        going=counts.confirmed,
        capacity=counts.capacity,
    )


def _seats(interaction: discord.Interaction[Any], capacity: int | None) -> str:
    if capacity is None:
        return reply(interaction, "rsvp_no_limit")
    if capacity == 1:
        return reply(interaction, "rsvp_one_seat")
    return reply(interaction, "rsvp_seats", count=capacity)


@app_commands.guild_only()
@app_commands.default_permissions(manage_events=True)
class RsvpCog(
    commands.GroupCog,
    group_name=_("rsvp"),
    group_description=_("RSVPs with seats and a waitlist"),
):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.board = Board(bot)
        self._tasks: set[asyncio.Task[None]] = set()
        self._active = True
        super().__init__()

    async def cog_load(self) -> None:
        # Agenda changes (a moved session, a removed agenda) show in the announcements.
        box: UseCases = self.bot.services  # type: ignore[attr-defined]
        subscribe = getattr(box.agendas.source, "subscribe", None)
        if callable(subscribe):
            subscribe(self._agendas_changed)

    async def cog_unload(self) -> None:
        self._active = False
        self.board.stop()
        for task in list(self._tasks):
            task.cancel()

    def _agendas_changed(self, _snapshot: object) -> None:
        if not self._active:
            return
        try:
            task = asyncio.get_running_loop().create_task(self._refresh())
        except RuntimeError:  # a load outside the loop: the next change catches up
            return
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _refresh(self) -> None:
        try:
            await self.board.refresh_all()
        except Exception:
            log.exception("refreshing the RSVP announcements after an agenda change failed")

    async def settle(self) -> None:
        """Wait until the refreshes started so far, and the edits they asked for, are done."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        await self.board.settle()

    @app_commands.command(name=_("open"), description=_("Open RSVPs for an event"))
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"),
        capacity=_("Seats (default: the agenda's, or no limit)"),
        closes=_("When RSVPs close: YYYY-MM-DD HH:MM in your zone, or ISO"),
    )
    @app_commands.check(require_manage_events)
    async def open_rsvps(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
        capacity: app_commands.Range[int, 0, MAX_CAPACITY] | None = None,
        closes: str | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        box = services(interaction)
        closes_at = None
        if closes is not None:
            tz = await box.members.zone(interaction.user.id) or schedule.timezone
            closes_at = parse_closes(closes, tz)
            if closes_at <= box.clock():
                raise UserError("rsvp_closes_past", when=discord_time(closes_at, "F"))
        before = await box.rsvps.counts(interaction.guild_id, schedule.id)
        promoted: tuple[int, ...] = ()
        if before.waitlisted and capacity is not None:
            # More seats move members up from the waitlist: learn who, to tell them.
            change = await box.rsvps.set_capacity(interaction.guild_id, schedule.id, capacity)
            promoted = change.promoted
        # Without a capacity, an RSVP opened before keeps its seats.
        counts = await box.rsvps.open(interaction.guild_id, schedule.id, capacity, closes_at)
        until = (
            reply(interaction, "rsvp_closes_at", when=discord_time(counts.closes_at, "F"))
            if counts.closes_at is not None
            else ""
        )
        await respond(
            interaction,
            reply(
                interaction,
                "rsvp_opened",
                title=clip(_title(interaction, schedule), TITLE),
                seats=_seats(interaction, counts.capacity),
                closes=until,
                going=counts.confirmed,
                waitlist=counts.waitlisted,
            )
            + _over_capacity(interaction, counts),
        )
        self.board.changed(interaction.guild_id, schedule.id, _guild_locale(interaction))
        if promoted:
            await self.board.tell_promoted(
                interaction.guild_id, schedule, promoted, _guild_locale(interaction)
            )

    @app_commands.command(name=_("close"), description=_("Stop taking RSVPs for an event"))
    @app_commands.describe(schedule=_("Which agenda (default: the only one)"))
    @app_commands.check(require_manage_events)
    async def close_rsvps(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
    ) -> None:
        assert interaction.guild_id is not None
        counts = await services(interaction).rsvps.close(interaction.guild_id, schedule.id)
        await respond(
            interaction,
            reply(
                interaction,
                "rsvp_closed_now",
                title=clip(_title(interaction, schedule), TITLE),
                going=counts.confirmed,
                waitlist=counts.waitlisted,
            ),
        )
        self.board.changed(interaction.guild_id, schedule.id, _guild_locale(interaction))

    @app_commands.command(
        name=_("post"), description=_("Post an event's announcement with RSVP buttons")
    )
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"),
        channel=_("Where the announcement goes"),
    )
    @app_commands.check(require_manage_events)
    async def post(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
        channel: app_commands.AppCommandChannel,
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        box = services(interaction)
        if event_over(schedule, box.clock()):
            raise UserError("rsvp_event_over")
        counts = await box.rsvps.counts(guild_id, schedule.id)
        if not counts.open:
            raise UserError("rsvp_post_closed", title=clip(_title(interaction, schedule), TITLE))
        locale = _guild_locale(interaction)
        text = announcement(schedule, counts, locale, box.clock())
        target = self.bot.get_partial_messageable(channel.id, guild_id=guild_id)
        try:
            message = await target.send(
                text, view=rsvp_buttons(schedule.id, locale), allowed_mentions=NO_MENTIONS
            )
        except discord.HTTPException as exc:
            log.info("could not post the RSVP announcement in %s: %s", channel.id, exc)
            raise UserError("rsvp_cannot_post", channel=channel.mention) from None
        await box.rsvps.set_announcement(guild_id, schedule.id, channel.id, message.id)
        self.board.message_seen(guild_id, schedule.id, channel.id, message.id)
        self.board.posted(guild_id, schedule.id)
        await respond(
            interaction,
            reply(
                interaction,
                "rsvp_posted",
                title=clip(_title(interaction, schedule), TITLE),
                link=f"https://discord.com/channels/{guild_id}/{channel.id}/{message.id}",
            ),
        )

    @app_commands.command(name=_("list"), description=_("Who is going, waiting or not going"))
    @app_commands.describe(schedule=_("Which agenda (default: the only one)"))
    @app_commands.check(require_manage_events)
    async def list_rsvps(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        box = services(interaction)
        counts = await box.rsvps.counts(guild_id, schedule.id)
        entries = await box.rsvps.entries(guild_id, schedule.id)
        await respond(
            interaction,
            await self._listing(interaction, schedule, counts, entries),
            allowed_mentions=NO_MENTIONS,
        )

    async def _listing(
        self,
        interaction: discord.Interaction[Any],
        schedule: Schedule,
        counts: Counts,
        entries: list[Entry],
    ) -> str:
        assert interaction.guild_id is not None
        box = services(interaction)
        declined = [e for e in entries if e.state is RsvpState.NOT_GOING]
        lines = [
            reply(
                interaction,
                "rsvp_list_head",
                title=clip(_title(interaction, schedule), TITLE),
                going=counts.confirmed,
                seats=_seats(interaction, counts.capacity),
                waitlist=counts.waitlisted,
                declined=len(declined),
                state=reply(interaction, "rsvp_state_open" if counts.open else "rsvp_state_closed"),
            )
        ]
        if event_over(schedule, box.clock()):
            missing = await box.rsvps.no_shows(interaction.guild_id, schedule.id)
            lines.append(
                reply(interaction, "rsvp_list_no_shows", count=missing, going=counts.confirmed)
            )
        if not entries:
            lines.append(reply(interaction, "rsvp_list_empty"))
        going = [e for e in entries if e.state is RsvpState.CONFIRMED]
        waiting = sorted(
            (e for e in entries if e.state is RsvpState.WAITLISTED),
            key=lambda e: e.position or 0,
        )
        if going:
            lines.append(reply(interaction, "rsvp_list_going"))
            lines += [
                f"{n}. <@{e.user_id}>" + (" ✅" if e.checked_in else "")
                for n, e in enumerate(going, 1)
            ]
        if waiting:
            lines.append(reply(interaction, "rsvp_list_waiting"))
            lines += [f"{e.position}. <@{e.user_id}>" for e in waiting]
        if declined:
            lines.append(reply(interaction, "rsvp_list_declined"))
            lines += [f"<@{e.user_id}>" for e in declined]
        return fit_lines(
            lines,
            CONTENT,
            lambda left: reply(interaction, one("rsvp_list_more", left), count=left),
        )

    @app_commands.command(name=_("export"), description=_("The RSVPs of an event as a CSV file"))
    @app_commands.describe(schedule=_("Which agenda (default: the only one)"))
    @app_commands.check(require_manage_events)
    async def export(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        box = services(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        entries = await box.rsvps.entries(guild_id, schedule.id)
        guild = interaction.guild
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(
            [
                "member_id",
                "display_name",
                "state",
                "clicked_at_utc",
                "zone",
                "waitlist_position",
                "checked_in",
            ]
        )
        for entry in entries:
            member = guild.get_member(entry.user_id) if guild is not None else None
            name = (
                member.display_name
                if member is not None
                else entry.display_name or self.board.names.get(entry.user_id)
            )
            chosen = await box.members.preferences(entry.user_id)
            writer.writerow(
                [
                    entry.user_id,
                    csv_cell(name or ""),
                    entry.state.value,
                    entry.clicked_at.astimezone(UTC).isoformat(),
                    chosen.zone or "",
                    entry.position if entry.position is not None else "",
                    "yes" if entry.checked_in else "no",
                ]
            )
        data = out.getvalue().encode("utf-8-sig")  # the mark lets spreadsheets read it as UTF-8
        await respond(
            interaction,
            reply(
                interaction,
                one("rsvp_exported", len(entries)),
                title=clip(_title(interaction, schedule), TITLE),
                rows=len(entries),
            ),
            file=discord.File(io.BytesIO(data), filename=f"rsvp-{schedule.id[:80]}.csv"),
        )

    @app_commands.command(name=_("checkin"), description=_("Record that a member came"))
    @app_commands.describe(
        schedule=_("Which agenda (default: the only one)"), member=_("The member who came")
    )
    @app_commands.check(require_manage_events)
    async def checkin(
        self,
        interaction: discord.Interaction[Any],
        schedule: app_commands.Transform[Schedule, ScheduleTransformer],
        member: discord.User,
    ) -> None:
        assert interaction.guild_id is not None
        fresh = await services(interaction).rsvps.check_in(
            interaction.guild_id, schedule.id, member.id
        )
        await respond(
            interaction,
            reply(
                interaction,
                "rsvp_checked_in" if fresh else "rsvp_checked_in_already",
                member=member.mention,
                title=clip(_title(interaction, schedule), TITLE),
            ),
            allowed_mentions=NO_MENTIONS,
        )


def _title(interaction: discord.Interaction[Any], schedule: Schedule) -> str:
    """The event's title in the language of the member's client, when the agenda has it."""
    return schedule.title_in(str(interaction.locale))


def _guild_locale(interaction: discord.Interaction[Any]) -> str | None:
    return str(interaction.guild_locale) if interaction.guild_locale is not None else None
