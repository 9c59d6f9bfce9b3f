"""A speaker's profile as a Discord embed, in the member's language and time zone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

import discord

from bot.discord.formatting import clock, masked_link, when
from bot.discord.limits import EMBED_TITLE, FIELD_VALUE, clip, length
from bot.domain.agenda import Link, Schedule, Session
from bot.domain.ics.speakers import is_web, speaker_page
from bot.domain.speakers.profile import Profile, Talk
from bot.texts import text_for

BIO = 1500  # of the 6,000 an embed may hold: the rest is for links, talks and sessions
TALKS_SHOWN = 3
SESSIONS_SHOWN = 8
OTHER_NAMES = 3


def profile_title(profile: Profile, locale: str | None) -> str:
    """The name as written in the member's language, then the person's other names: "Huabing
    Zhao (赵化冰)", or "赵化冰 (Huabing Zhao)" for a member reading Chinese."""
    shown = profile.name_in(locale)
    others = [name for name in profile.names if name != shown][:OTHER_NAMES]
    return f"{shown} ({' / '.join(others)})" if others else shown


def speaker_embed(
    profile: Profile,
    sessions: Sequence[tuple[Schedule, Session]],
    *,
    tz: tzinfo | None,
    locale: str | None,
    now: datetime,
    base_url: str,
) -> discord.Embed:
    """Name, affiliation and bio in the member's language, links (the profile's web page first
    when the feed server's URL is known), a few recent talks, and the speaker's sessions in the
    member's zone (Discord timestamps when they have not set one)."""
    page = speaker_page(base_url, profile.id) if base_url else None
    about = []
    affiliation = profile.affiliation_in(locale)
    if affiliation:
        about.append(f"**{discord.utils.escape_markdown(affiliation)}**")
    bio = profile.bio_in(locale)
    if bio:
        about.append(clip(bio.strip(), BIO))
    embed = discord.Embed(
        title=clip(profile_title(profile, locale), EMBED_TITLE),
        url=page,
        description="\n\n".join(about) or None,
    )
    if profile.photo and is_web(profile.photo):
        embed.set_thumbnail(url=profile.photo)
    links = [masked_link(text_for(locale, "speaker_page"), page)] if page else []
    links += [_link_line(link, locale) for link in profile.links]
    if links:
        embed.add_field(
            name=text_for(locale, "links"), value=clip("\n".join(links), FIELD_VALUE), inline=False
        )
    talks = _talks_text(profile.talks[:TALKS_SHOWN], locale)
    if talks:
        embed.add_field(name=text_for(locale, "speaker_talks"), value=talks, inline=False)
    embed.add_field(
        name=text_for(locale, "speaker_sessions"),
        value=clip(_sessions_text(sessions, tz, locale, now), FIELD_VALUE),
        inline=False,
    )
    if tz is None:
        embed.set_footer(text=text_for(locale, "agenda_footer_nozone"))
    return embed


def _sessions_text(
    sessions: Sequence[tuple[Schedule, Session]],
    tz: tzinfo | None,
    locale: str | None,
    now: datetime,
) -> str:
    """One line a session, in start order: the next ones when there are many (or the last
    ones, when all are over), then how many more there are."""
    if not sessions:
        return text_for(locale, "speaker_no_sessions")
    first = next(
        (i for i, (_, s) in enumerate(sessions) if (s.end or s.start) > now), len(sessions)
    )
    start = max(0, min(first, len(sessions) - SESSIONS_SHOWN))
    shown = sessions[start : start + SESSIONS_SHOWN]
    lines = [_session_line(schedule, session, tz, locale) for schedule, session in shown]
    more = len(sessions) - len(shown)
    if more:
        lines.append(text_for(locale, "speaker_more_sessions", count=more))
    return "\n".join(lines)


def _session_line(
    schedule: Schedule, session: Session, tz: tzinfo | None, locale: str | None
) -> str:
    """When (as /session writes it), the title and the agenda's, in the member's language."""
    if session.all_day:
        span = session.first_day.isoformat()
        if session.last_day != session.first_day:
            span += f" – {session.last_day.isoformat()}"
    else:
        span = when(session.start, tz, locale)
        if session.end is not None:
            span += f" – {clock(session.end, tz)}"
    title = discord.utils.escape_markdown(session.title_in(locale))
    agenda = discord.utils.escape_markdown(schedule.title_in(locale))
    return f"{span} — **{title}** ({agenda})"


def _talks_text(talks: Sequence[Talk], locale: str | None) -> str:
    """One line a talk, within a field's limit: links to conference pages can be hundreds of
    characters long, so when the lines do not fit with every link they lose the titles' and
    events' links first (slides and videos are what members come for), then all of them; a
    line that still does not fit is left out."""
    for links in (_ALL_LINKS, _MEDIA_LINKS, ()):
        text = "\n".join(_talk_line(talk, locale, links) for talk in talks)
        if length(text) <= FIELD_VALUE:
            return text
    lines: list[str] = []
    room = FIELD_VALUE
    for talk in talks:
        for links in (_ALL_LINKS, _MEDIA_LINKS, ()):
            line = _talk_line(talk, locale, links)
            if length(line) + (1 if lines else 0) <= room:
                room -= length(line) + (1 if lines else 0)
                lines.append(line)
                break
    return "\n".join(lines)


_ALL_LINKS = ("title", "event", "slides", "video")
_MEDIA_LINKS = ("slides", "video")


def _talk_line(talk: Talk, locale: str | None, links: Sequence[str] = _ALL_LINKS) -> str:
    """ "**Title** — Event, City, 2024 · Slides · Video", as the person's page in the member's
    language writes them, linked where the page links them and `links` names them."""
    title = talk.title_in(locale)
    line = f"**{masked_link(title, talk.url if 'title' in links else None)}**"
    event_url = talk.event_url if "event" in links else None
    event_name, city = talk.event_in(locale), talk.city_in(locale)
    event = masked_link(event_name, event_url) if event_name else None
    where = [p for p in (event, city and discord.utils.escape_markdown(city)) if p]
    if talk.year is not None:
        where.append(str(talk.year))
    if where:
        line += " — " + ", ".join(where)
    for key, url in (("slides", talk.slides), ("video", talk.video)):
        if url and key in links:
            line += " · " + masked_link(text_for(locale, f"speaker_{key}"), url)
    return line


# The kinds of link pages name (`bot.domain.speakers.contact_links`) whose names differ by
# language; the others are names of services, the same in every language ("GitHub").
_LABELS = {
    "Email": "link_email",
    "Website": "link_website",
    "WeChat": "link_wechat",
    "Weibo": "link_weibo",
    "Zhihu": "link_zhihu",
    "LinkedIn": "link_linkedin",
}


def link_label(label: str, locale: str | None) -> str:
    """A link's label in the member's language ("Email" is "邮箱" in Chinese)."""
    key = _LABELS.get(label)
    return text_for(locale, key) if key is not None else label


def _link_line(link: Link, locale: str | None) -> str:
    """A web link as a link; anything else written out, since Discord opens no mailto: link
    and a WeChat id has no address at all ("WeChat: zhao_huabing")."""
    label = link_label(link.label, locale) if link.label else ""
    if is_web(link.url):
        return masked_link(label or link.url, link.url)
    scheme, _, rest = link.url.partition(":")
    value = rest if scheme.lower() == "mailto" and rest else link.url
    shown = discord.utils.escape_markdown(value)
    if not label:
        return shown
    return text_for(locale, "link_text", label=discord.utils.escape_markdown(label), value=shown)
