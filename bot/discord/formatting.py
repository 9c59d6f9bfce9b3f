"""How times and sessions look in replies: written out in the member's zone when they set one,
Discord timestamps (shown in the reader's own zone) otherwise."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime, tzinfo

import discord

from bot.app.stars import Starred
from bot.delivery.formats.discord_markup import discord_time
from bot.discord.limits import EMBED_DESCRIPTION, EMBED_TITLE, FIELD_VALUE, clip
from bot.discord.member_zones import zone_label
from bot.domain.agenda import Schedule, Session, Speaker
from bot.domain.ics.speakers import profile_link, speaker_for
from bot.domain.patterns import compiled
from bot.domain.speakers.profile import Profile
from bot.texts import lead_text, local_time, text_for

# Markdown that a quoted stretch of a message may carry half of: "**13:30** (CST" is cut from
# "**13:30** (CST)". Dropped, since the quote is shown in bold of its own.
_EMPHASIS = compiled(r"[*`~|]+")
_BRACKETS = {"(": ")", "（": "）", "[": "]"}
_BRACKET = compiled(r"(?<!\\)([\[\]])")  # one not escaped yet: it would end a link's text


def when(moment: datetime, tz: tzinfo | None, locale: str | None) -> str:
    if tz is None:
        return discord_time(moment, "F")
    return f"{local_time(moment, tz, locale)} ({zone_label(tz)})"


def clock(moment: datetime, tz: tzinfo | None) -> str:
    return discord_time(moment, "t") if tz is None else f"{moment.astimezone(tz):%H:%M}"


def masked_link(text: str, url: str | None) -> str:
    """`text` as a Discord link to `url` (plain text without one); the text's markdown escaped
    and the URL kept from closing the link early."""
    shown = discord.utils.escape_markdown(text)
    if not url:
        return shown
    shown = _BRACKET.sub(r"\\\1", shown)
    return f"[{shown}]({url.replace(' ', '%20').replace(')', '%29')})"


def speaker_line(
    speaker: Speaker,
    profile: Profile | None,
    base_url: str,
    locale: str | None,
    agenda_language: str | None = None,
) -> str:
    """A speaker linked to their profile (their page when the feed server's URL is known, else
    their first web link), named as the profile writes the name in the member's language, with
    the affiliation in it (the agenda's when it writes one in it, else the profile's)."""
    link = profile_link(profile, base_url) if profile is not None else None
    shown = speaker_for(speaker, profile, locale, agenda_language)
    line = masked_link(shown.name, link)
    if shown.affiliation:
        return f"{line} ({discord.utils.escape_markdown(shown.affiliation)})"
    return line


def session_embed(
    schedule: Schedule,
    session: Session,
    tz: tzinfo | None,
    locale: str | None,
    *,
    profiles: Mapping[str, Profile] | None = None,
    base_url: str = "",
    web_page: str | None = None,
) -> discord.Embed:
    """A session's details, titles in the member's language; speakers linked to `profiles`;
    the title links to the session's `web_page` when it has one (a public agenda, base_url set)."""
    embed = discord.Embed(
        title=clip(session.title_in(locale), EMBED_TITLE),
        description=clip(schedule.title_in(locale), EMBED_DESCRIPTION),
        url=web_page,
    )
    span = when(session.start, tz, locale)
    if session.end is not None:
        span += f" – {clock(session.end, tz)}"
    embed.add_field(
        name=text_for(locale, "when"),
        value=f"{span}\n{discord_time(session.start, 'R')}",
        inline=False,
    )
    shown = session.speakers_in(locale)
    if shown:
        lines = [
            speaker_line(
                s, (profiles or {}).get(s.profile or ""), base_url, locale, schedule.language
            )
            for s in shown
        ]
        embed.add_field(
            name=text_for(locale, "speaker" if len(shown) == 1 else "speakers"),
            value=clip("\n".join(lines), FIELD_VALUE),
            inline=False,
        )
    place = ", ".join(p for p in (session.track, session.location, schedule.venue) if p)
    if place:
        embed.add_field(
            name=text_for(locale, "where"), value=clip(place, FIELD_VALUE), inline=False
        )
    if session.links:
        links = "\n".join(f"[{link.label or link.url}]({link.url})" for link in session.links)
        embed.add_field(
            name=text_for(locale, "links"), value=clip(links, FIELD_VALUE), inline=False
        )
    if session.description:
        embed.add_field(name="·", value=clip(session.description, FIELD_VALUE), inline=False)
    return embed


def starred_text(locale: str | None, title: str, starred: Starred) -> str:
    """The answer to starring a session: when its reminder comes, or that none will, because
    the session starts within the member's lead (a reminder is never sent after its time)."""
    lead = lead_text(starred.lead_minutes, locale)
    if starred.reminder_comes:
        key = "starred" if starred.added else "already_starred"
        return text_for(locale, key, title=title, lead=lead)
    if starred.ended:
        late = text_for(locale, "too_late_ended")
    elif starred.started:
        late = text_for(locale, "too_late_started")
    else:
        soon = lead_text(math.ceil(starred.starts_in.total_seconds() / 60), locale)
        late = text_for(locale, "too_late_soon", until=soon, lead=lead)
    key = "starred_late" if starred.added else "already_starred_late"
    return text_for(locale, key, title=title, late=late)


def quoted_label(text: str) -> str:
    """A time as a message wrote it, ready to show in bold: without the message's own emphasis,
    with its brackets closed, and nothing left that Discord would read as markdown."""
    plain = " ".join(_EMPHASIS.sub("", text).split())
    closing: list[str] = []
    kept = []
    for character in plain:
        if character in _BRACKETS:
            closing.append(_BRACKETS[character])
        elif character in _BRACKETS.values():
            if not closing or closing[-1] != character:
                continue  # a bracket closed here was opened before the quote began
            closing.pop()
        kept.append(character)
    return discord.utils.escape_markdown("".join(kept) + "".join(reversed(closing)))
