"""Discord's size limits, and the one way replies are cut to fit them.

Discord refuses a whole message when one part is too long, and the member then gets nothing:
every reply, embed and autocomplete choice goes through `clip` (directly, or through
`fit_embed` and `fit_choices`) before it is sent. Lengths are counted in UTF-16 code units
(an emoji counts two): never fewer than the characters, so a text that fits by this count fits
however it is counted.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.domain.patterns import compiled

CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
FIELDS = 25
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
CHOICE = 100  # an autocomplete choice's name, and its value
CHOICES = 25
ECHO = 100  # what a reply repeats of the member's own input

ELLIPSIS = "…"
# A mention, channel, emoji or timestamp markup (`<t:1625895000:F>`) that must not be cut open.
_OPEN_MARKUP = compiled(r"<[^<>\s]{0,40}$")
# A markdown link cut open: "[text", "[text]" or "[text](http://ex", brackets escaped inside.
_OPEN_LINK = compiled(r"(?<!\\)\[(?:\\.|[^\]\\\n])*(?:\](?:\([^)\s]*)?)?$")


def length(text: str) -> int:
    """The length Discord counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _prefix(text: str, units: int) -> str:
    """The longest start of `text` that is at most `units` long."""
    if length(text) <= units:
        return text
    used = 0
    for index, character in enumerate(text):
        used += 2 if ord(character) > 0xFFFF else 1
        if used > units:
            return text[:index]
    return text  # pragma: no cover - the length check above returned already


def clip(text: str, limit: int) -> str:
    """`text` if it fits in `limit`, else its start and "…", cut where nothing breaks: at a line
    end when one is near, never inside a `<…>` markup or a `[text](url)` link (cut before it),
    never leaving `**` or a backtick open."""
    if length(text) <= limit:
        return text
    if limit <= length(ELLIPSIS):
        return _prefix(ELLIPSIS, limit)
    kept = _prefix(text, limit - length(ELLIPSIS))
    line_end = kept.rfind("\n")
    if line_end >= len(kept) // 2:
        kept = kept[: line_end + 1]
    else:
        markup = _OPEN_MARKUP.search(kept)
        if markup is not None:
            kept = kept[: markup.start()]
        link = _OPEN_LINK.search(kept)
        if link is not None:
            kept = kept[: link.start()]
        if kept.count("**") % 2:
            kept = kept[: kept.rfind("**")]
        if kept.count("`") % 2:
            kept = kept[: kept.rfind("`")]
        kept = kept.rstrip()
    return kept + ELLIPSIS


def fit_content(text: str) -> str:
    return clip(text, CONTENT)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """The embed within every embed limit: each part clipped, at most 25 fields, and 6,000
    characters in all (the description, then the fields in order, get what the title, footer and
    author leave; fields that no longer fit are left out, and the last one kept says so)."""
    data: dict[str, Any] = {**embed.to_dict()}
    budget = EMBED_TOTAL
    if "title" in data:
        data["title"] = clip(data["title"], EMBED_TITLE)
        budget -= length(data["title"])
    for part, key, limit in (("footer", "text", FOOTER), ("author", "name", AUTHOR)):
        if part in data and key in data[part]:
            data[part][key] = clip(data[part][key], limit)
            budget -= length(data[part][key])
    if "description" in data:
        data["description"] = clip(data["description"], min(EMBED_DESCRIPTION, budget))
        budget -= length(data["description"])
    fields = []
    for field in data.get("fields", [])[:FIELDS]:
        name = clip(field.get("name") or "·", FIELD_NAME)
        room = budget - length(name)
        if room < 2 * length(ELLIPSIS):
            break
        value = clip(field.get("value") or "—", min(FIELD_VALUE, room))
        fields.append({**field, "name": name, "value": value})
        budget -= length(name) + length(value)
    left_out = len(data.get("fields", [])) - len(fields)
    if left_out and fields and not fields[-1]["value"].endswith(ELLIPSIS):
        last = fields[-1]
        budget += length(last["value"])
        last["value"] = clip(last["value"] + "\n" + ELLIPSIS, min(FIELD_VALUE, budget))
    if "fields" in data:
        data["fields"] = fields
    return discord.Embed.from_dict(data)


def fit_choices(choices: list[app_commands.Choice[str]]) -> list[app_commands.Choice[str]]:
    """At most 25 choices, names clipped to 100; a value over 100 could not be sent back as it
    is, so that choice is left out rather than cut."""
    kept = []
    for choice in choices:
        if length(choice.value) > CHOICE:
            continue
        kept.append(app_commands.Choice(name=clip(choice.name, CHOICE), value=choice.value))
        if len(kept) == CHOICES:
            break
    return kept
