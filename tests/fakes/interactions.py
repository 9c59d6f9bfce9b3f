"""Raw INTERACTION_CREATE payloads, as Discord sends them, for commands, autocomplete, message
commands and buttons."""

from __future__ import annotations

import itertools
from typing import Any

from tests.fakes.discord_http import APPLICATION_ID, CHANNEL_ID, GUILD_ID, message_payload

_ids = itertools.count(900_000_000_000_000_000)
ALL_PERMISSIONS = str((1 << 50) - 1)


def _base(
    kind: int,
    data: dict[str, Any],
    *,
    user_id: int,
    locale: str,
    permissions: str,
    guild: bool = True,
) -> dict[str, Any]:
    interaction_id = str(next(_ids))
    user = {
        "id": str(user_id),
        "username": f"member{user_id}",
        "discriminator": "0",
        "avatar": None,
        "global_name": None,
    }
    payload: dict[str, Any] = {
        "id": interaction_id,
        "application_id": APPLICATION_ID,
        "type": kind,
        "data": data,
        "token": f"token-{interaction_id}",
        "version": 1,
        "locale": locale,
        "app_permissions": ALL_PERMISSIONS,
        "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD_ID},
        "context": 0 if guild else 1,
        "attachment_size_limit": 8 * 1024 * 1024,
        "channel_id": CHANNEL_ID,
        "channel": {
            "id": CHANNEL_ID,
            "type": 0 if guild else 1,
            "name": "general",
            "guild_id": GUILD_ID,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
        },
    }
    if guild:
        payload["guild_id"] = GUILD_ID
        payload["guild_locale"] = "en-US"
        payload["member"] = {
            "user": user,
            "roles": [],
            "joined_at": "2026-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": permissions,
            "pending": False,
            "nick": None,
            "avatar": None,
        }
    else:
        payload["user"] = user
    return payload


def _options(options: dict[str, Any], focused: str | None = None) -> list[dict[str, Any]]:
    result = []
    for name, value in options.items():
        kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
        option: dict[str, Any] = {"name": name, "type": kind, "value": value}
        if name == focused:
            option["focused"] = True
        result.append(option)
    return result


def slash(
    name: str,
    options: dict[str, Any] | None = None,
    *,
    group: str | None = None,
    user_id: int = 42,
    locale: str = "en-US",
    permissions: str = "0",
    focused: str | None = None,
    resolved: dict[str, Any] | None = None,
    raw_options: list[dict[str, Any]] | None = None,
    guild: bool = True,
) -> dict[str, Any]:
    """A chat-input command (or its autocomplete, with `focused`): /group name options."""
    opts = raw_options if raw_options is not None else _options(options or {}, focused)
    data: dict[str, Any] = {"id": str(next(_ids)), "type": 1}
    if group:
        data.update(name=group, options=[{"name": name, "type": 1, "options": opts}])
    else:
        data.update(name=name, options=opts)
    if resolved:
        data["resolved"] = resolved
    return _base(
        4 if focused else 2,
        data,
        user_id=user_id,
        locale=locale,
        permissions=permissions,
        guild=guild,
    )


def message_command(
    name: str, content: str, *, user_id: int = 42, locale: str = "en-US"
) -> dict[str, Any]:
    message_id = str(next(_ids))
    author = {
        "id": "77",
        "username": "someone",
        "discriminator": "0",
        "avatar": None,
        "global_name": None,
    }
    message = message_payload(message_id, CHANNEL_ID, content, author)
    data = {
        "id": str(next(_ids)),
        "type": 3,
        "name": name,
        "target_id": message_id,
        "resolved": {"messages": {message_id: message}},
    }
    return _base(2, data, user_id=user_id, locale=locale, permissions="0")


def button(custom_id: str, *, user_id: int = 42, locale: str = "en-US") -> dict[str, Any]:
    payload = _base(
        3,
        {"custom_id": custom_id, "component_type": 2},
        user_id=user_id,
        locale=locale,
        permissions="0",
    )
    author = {
        "id": "1000",
        "username": "agenda-bot",
        "discriminator": "0",
        "avatar": None,
        "global_name": None,
        "bot": True,
    }
    components = [
        {"type": 1, "components": [{"type": 2, "style": 1, "label": "x", "custom_id": custom_id}]}
    ]
    # The message must carry the button: discord.py rebuilds the view from it to dispatch.
    payload["message"] = message_payload(
        str(next(_ids)), CHANNEL_ID, "", author, type=20, flags=64, components=components
    )
    return payload
