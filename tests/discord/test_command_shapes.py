"""Every command and option within Discord's limits, described, translated validly, no clashes."""

from __future__ import annotations

import re

import discord
from discord import app_commands

from bot.discord.i18n import AgendaTranslator
from bot.texts.catalogue import COMMANDS_ZH
from tests.discord.conftest import Harness

NAME = re.compile(r"^[-_\w]{1,32}$", re.UNICODE)


def _walk(commands: list[app_commands.Command | app_commands.Group | app_commands.ContextMenu]):
    for command in commands:
        yield command
        if isinstance(command, app_commands.Group):
            yield from _walk(command.commands)


async def test_every_command_and_option_is_within_discords_limits(harness: Harness) -> None:
    tree = harness.bot.tree
    top = tree.get_commands()
    assert len(top) <= 100
    slash_names = [c.name for c in top if not isinstance(c, app_commands.ContextMenu)]
    assert len(slash_names) == len(set(slash_names))
    for command in _walk(top):
        if isinstance(command, app_commands.ContextMenu):
            assert 1 <= len(command.name) <= 32
            continue
        assert NAME.match(command.name) and command.name == command.name.lower(), command.name
        assert 1 <= len(command.description) <= 100, command.qualified_name
        if isinstance(command, app_commands.Group):
            names = [c.name for c in command.commands]
            assert len(names) == len(set(names)) and len(names) <= 25
            continue
        assert len(command.parameters) <= 25
        for parameter in command.parameters:
            assert NAME.match(parameter.name), parameter.name
            assert parameter.description and parameter.description != "…", (
                command.qualified_name,
                parameter.name,
            )
            assert len(parameter.description) <= 100
            assert len(parameter.choices) <= 25


async def test_the_synced_commands_are_the_tree_and_translations_are_valid(
    harness: Harness,
) -> None:
    synced = harness.fake.commands["global"]
    assert sorted(c["name"] for c in synced) == sorted(
        [
            "timezone",
            "agenda",
            "next",
            "session",
            "speaker",
            "convert",
            "ics",
            "subscribe",
            "remind",
            "star",
            "unstar",
            "mine",
            "follow",
            "unfollow",
            "schedules",
            "rsvp",
            "events",
            "Convert times",
        ]
    )
    for command in synced:
        for localized in (command.get("name_localizations") or {}).values():
            if command.get("type", 1) == 1:
                assert NAME.match(localized) and localized == localized.lower(), localized
        for description in (command.get("description_localizations") or {}).values():
            assert 1 <= len(description) <= 100
    timezone = next(c for c in synced if c["name"] == "timezone")
    assert timezone["name_localizations"] == {"zh-CN": "时区"}
    follow = next(c for c in synced if c["name"] == "follow")
    assert (
        int(follow["default_member_permissions"]) == discord.Permissions(manage_events=True).value
    )


async def test_every_english_string_sent_for_translation_has_a_chinese_text(
    harness: Harness,
) -> None:
    translator = AgendaTranslator()
    missing = set()
    for command in _walk(harness.bot.tree.get_commands()):
        strings = (
            [command.name]
            if isinstance(command, app_commands.ContextMenu)
            else [command.name, command.description]
        )
        if isinstance(command, app_commands.Command):
            for parameter in command.parameters:
                strings += [parameter.name, parameter.description]
        for text in strings:
            translated = await translator.translate(
                app_commands.locale_str(text), discord.Locale.chinese, None
            )  # type: ignore[arg-type]
            if translated is None:
                missing.add(text)
    assert missing == set()
    assert all(len(v) <= 100 for v in COMMANDS_ZH.values())
