"""Settings: one typed object built in `main()` from environment variables and an optional TOML
file, never at import time. Secrets (the Discord token, the webhook URL) come only from the
environment and are kept out of reprs and logs.

`agenda-bot.toml` (in the working directory, or `--config PATH`) may hold:

    default_timezone = "Asia/Shanghai"   # for pages that state no zone
    schedules = "schedules"              # the agenda folder
    state_dir = ".agenda-bot"            # feed revision state, the default SQLite file
    database_url = "sqlite:///.agenda-bot/agenda-bot.sqlite3"
    session_leads = "15m"                # before each session; several: "1h,15m"
    event_lead = "1d"                    # before an event's first session; "off" for none
    host = "127.0.0.1"                   # the feed server
    port = 8080
    base_url = ""                        # public URL of the feed server, for links and UIDs
    discord_channel_id = 0               # a channel that follows every agenda (0: none)
    log_level = "INFO"                   # DEBUG, INFO, WARNING, ERROR
    log_format = "text"                  # or "json" (one object per line)

    allow_private_sources = false        # let the [[sources]] and check/show URL reach private addresses
    allow_private_server_sources = false # let servers' /schedules add reach private addresses

    [abbreviations]                      # override or add abbreviation meanings
    CST = "America/Chicago"

    [[sources]]                          # an agenda followed from its URL (public)
    url = "https://example.org/meetup/agenda.md"
    interval = 30                        # minutes between polls (default 30, 5 to 10080)

Environment variables win over the file: DATABASE_URL, DISCORD_TOKEN, DISCORD_WEBHOOK_URL,
SHARD_COUNT and SHARD_IDS (this process runs those Discord shards),
AGENDA_BOT_ALLOW_PRIVATE_SOURCES=1 (the [[sources]] and check/show URL may reach private
addresses), AGENDA_BOT_ALLOW_PRIVATE_SERVER_SOURCES=1 (servers' /schedules add may too),
DISCORD_API_BASE, DISCORD_CHANNEL_ID, DISCORD_DEV_GUILD, and AGENDA_BOT_<KEY> for the other
keys above.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bot.app.sources import DEFAULT_INTERVAL, LONGEST_INTERVAL, SHORTEST_INTERVAL, SourceSpec
from bot.domain.readers.context import ReadOptions
from bot.domain.reminders.plan import DEFAULT_EVENT_LEAD, DEFAULT_SESSION_LEADS, Leads, parse_leads
from bot.domain.zones.abbreviations import DEFAULT_ABBREVIATIONS, Abbreviation, with_overrides
from bot.domain.zones.resolve import DEFAULT_ZONE, UnknownZoneError, ZoneResolver, iana_names

DEFAULT_CONFIG_FILE = Path("agenda-bot.toml")
SECRETS = ("discord_token", "discord_webhook_url", "token", "webhook_url")
_PLAIN_KEYS = (
    "log_level",
    "log_format",
    "default_timezone",
    "schedules",
    "state_dir",
    "database_url",
    "session_leads",
    "event_lead",
    "host",
    "port",
    "base_url",
    "discord_channel_id",
)


class SettingsError(ValueError):
    """A wrong setting, named so the user can fix it in one go."""


class StartupError(RuntimeError):
    """A setting that is well formed but does not work on this machine (a port in use, a
    folder that cannot be written, a database that cannot be reached): one line that names
    the setting and the cause."""


def env_variable(key: str) -> str:
    """The environment variable that sets `key`."""
    if key == "database_url":
        return "DATABASE_URL"
    if key == "discord_channel_id":
        return "DISCORD_CHANNEL_ID"
    return f"AGENDA_BOT_{key.upper()}"


@dataclass(frozen=True, slots=True)
class Settings:
    default_timezone: str = DEFAULT_ZONE
    abbreviations: Mapping[str, Abbreviation] = field(default_factory=lambda: DEFAULT_ABBREVIATIONS)
    schedules: Path = Path("schedules")
    state_dir: Path = Path(".agenda-bot")
    database_url: str = ""
    leads: Leads = field(default_factory=lambda: Leads(DEFAULT_SESSION_LEADS, DEFAULT_EVENT_LEAD))
    host: str = "127.0.0.1"
    port: int = 8080
    base_url: str = ""
    discord_channel_id: int | None = None
    discord_api_base: str | None = None
    discord_dev_guild: int | None = None  # sync commands to this guild only (instant, for testing)
    log_level: str = "INFO"
    log_format: str = "text"  # or "json"
    shard_count: int | None = None  # with shard_ids: this process runs only these shards
    shard_ids: tuple[int, ...] | None = None
    discord_token: str | None = field(default=None, repr=False)
    discord_webhook_url: str | None = field(default=None, repr=False)
    sources: tuple[SourceSpec, ...] = ()  # the operator's `[[sources]]`
    allow_private_sources: bool = False  # the operator's sources, check/show URL
    allow_private_server_sources: bool = False  # the servers' /schedules add
    # Where each key set by the user came from: its variable, or "FILE: key".
    origins: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def setting(self, key: str, value: object | None = None) -> str:
        """A setting as the user names it, with its value: `AGENDA_BOT_PORT = 9000`,
        `agenda-bot.toml: port = 9000`, or `port = 8080 (the default; AGENDA_BOT_PORT sets it)`.
        `value` replaces the setting's own (a URL without its password, say)."""
        shown = getattr(self, key) if value is None else value
        origin = self.origins.get(key)
        if origin:
            return f"{origin} = {shown}"
        return f"{key} = {shown} (the default; {env_variable(key)} sets it)"

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.state_dir / 'agenda-bot.sqlite3'}"

    def read_options(self, default_zone: str | None = None) -> ReadOptions:
        """Reader options; `default_zone` (as from `--source-tz`) beats the configured one."""
        resolver = ZoneResolver(self.abbreviations)
        zone_text = default_zone or self.default_timezone
        try:
            tz = resolver.parse(zone_text).tz
        except UnknownZoneError as exc:
            raise SettingsError(str(exc)) from None
        # Today (UTC) only helps with dates that give a weekday and no year anywhere.
        return ReadOptions(ZoneResolver(self.abbreviations, tz), today=datetime.now(UTC).date())


def load_settings(path: Path | None, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from the file (`path`, else agenda-bot.toml when present), then the environment."""
    env = os.environ if environ is None else environ
    data: dict[str, Any] = {}
    source = path or (DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.is_file() else None)
    if source is not None:
        data = _read_file(source)
    where = str(source) if source else "settings"
    for key in SECRETS:
        if key in data:
            raise SettingsError(
                f"{where}: {key} is a secret; set it in the environment ({key.upper()}), not a file"
            )
    unknown = set(data) - {
        *_PLAIN_KEYS,
        "abbreviations",
        "sources",
        "allow_private_sources",
        "allow_private_server_sources",
    }
    if unknown:
        raise SettingsError(f"{where}: unknown setting {sorted(unknown)[0]!r}")
    origins: dict[str, str] = {}
    for key in _PLAIN_KEYS:
        variable = env_variable(key)
        if env.get(variable):
            data[key] = env[variable]
            where_key = variable
            origins[key] = variable
        else:
            where_key = f"{where}: {key}"
            if key in data:
                origins[key] = where_key
        data.setdefault(f"_where_{key}", where_key)
    return replace(_build(data, env, where), origins=MappingProxyType(origins))


def _shards(env: Mapping[str, str]) -> tuple[int | None, tuple[int, ...] | None]:
    """SHARD_COUNT and SHARD_IDS ("0,1"): both or neither; ids below the count."""
    count_text = (env.get("SHARD_COUNT") or "").strip()
    ids_text = (env.get("SHARD_IDS") or "").strip()
    if not count_text and not ids_text:
        return None, None
    if not count_text.isdigit() or int(count_text) < 1:
        raise SettingsError(
            f"SHARD_COUNT = {count_text!r} is not a positive number (set it with SHARD_IDS)"
        )
    count = int(count_text)
    try:
        ids = tuple(sorted({int(part) for part in ids_text.split(",") if part.strip()}))
    except ValueError:
        raise SettingsError(
            f"SHARD_IDS = {ids_text!r} is not a list of shard numbers like 0,1"
        ) from None
    if not ids or any(not 0 <= shard < count for shard in ids):
        raise SettingsError(f"SHARD_IDS = {ids_text!r} must list shards from 0 to {count - 1}")
    return count, ids


def _read_file(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from None


LONGEST_LEAD = timedelta(days=365)


def _leads(text: str, label: str) -> tuple[timedelta, ...]:
    """Lead times, each finite and at most LONGEST_LEAD (a reminder is never planned outside
    the calendar)."""
    try:
        leads = parse_leads(text)
    except ValueError as exc:
        if str(exc).startswith("'"):  # parse_leads names the part it could not read
            raise SettingsError(f"{label}: {exc}") from None
        raise SettingsError(
            f"{label}: {text!r} is not a lead time (use minutes, or 1d, 2h, 15m, 30s)"
        ) from None
    except OverflowError:
        leads = (LONGEST_LEAD + LONGEST_LEAD,)
    if any(lead > LONGEST_LEAD for lead in leads):
        raise SettingsError(f"{label}: {text!r} is too long; a lead time is at most 365 days")
    return leads


def _build(data: dict[str, Any], env: Mapping[str, str], where: str) -> Settings:
    def label(key: str) -> str:
        return str(data.get(f"_where_{key}", f"{where}: {key}"))

    zone = data.get("default_timezone", DEFAULT_ZONE)
    if not isinstance(zone, str) or zone not in iana_names():
        raise SettingsError(f"{label('default_timezone')} = {zone!r} is not an IANA time zone name")
    overrides = data.get("abbreviations", {})
    if not isinstance(overrides, dict):
        raise SettingsError(f'{where}: [abbreviations] must be a table of NAME = "Zone/Name"')
    for key, value in overrides.items():
        if not isinstance(value, str) or value not in iana_names():
            raise SettingsError(
                f"{where}: abbreviations.{key} = {value!r} is not an IANA time zone name"
            )
    table = with_overrides(DEFAULT_ABBREVIATIONS, overrides) if overrides else DEFAULT_ABBREVIATIONS
    sessions = _leads(str(data.get("session_leads", "15m")), label("session_leads"))
    event_text = str(data.get("event_lead", "1d")).strip().lower()
    if event_text in ("off", "none", "no", ""):
        event = None
    else:
        chosen = _leads(event_text, label("event_lead"))
        if not chosen:
            raise SettingsError(f"{label('event_lead')}: {event_text!r} is not a lead time")
        event = chosen[0]
    try:
        port = int(data.get("port", 8080))
        if not 0 <= port <= 65535:
            raise ValueError
    except (TypeError, ValueError):
        raise SettingsError(
            f"{label('port')} = {data.get('port')!r} is not a port number"
        ) from None
    channel_text = str(data.get("discord_channel_id", "") or "").strip()
    if channel_text and not channel_text.isdigit():
        raise SettingsError(f"{label('discord_channel_id')} = {channel_text!r} is not a channel id")
    base = env.get("DISCORD_API_BASE") or None
    if base and not base.startswith(("http://", "https://")):
        raise SettingsError(f"DISCORD_API_BASE = {base!r} is not an http(s) URL")
    level = str(data.get("log_level", "INFO")).upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise SettingsError(
            f"{label('log_level')} = {level!r} is not DEBUG, INFO, WARNING or ERROR"
        )
    log_format = str(data.get("log_format", "text")).lower()
    if log_format not in ("text", "json"):
        raise SettingsError(f"{label('log_format')} = {log_format!r} is not text or json")
    shard_count, shard_ids = _shards(env)
    dev_guild = (env.get("DISCORD_DEV_GUILD") or "").strip()
    if dev_guild and not dev_guild.isdigit():
        raise SettingsError(f"DISCORD_DEV_GUILD = {dev_guild!r} is not a guild id")
    return Settings(
        sources=_sources(data.get("sources", []), where),
        allow_private_sources=_allow_private(data.get("allow_private_sources", False), env, where),
        allow_private_server_sources=_allow_private(
            data.get("allow_private_server_sources", False),
            env,
            where,
            "allow_private_server_sources",
        ),
        default_timezone=zone,
        abbreviations=MappingProxyType(dict(table)),
        schedules=Path(str(data.get("schedules", "schedules"))),
        state_dir=Path(str(data.get("state_dir", ".agenda-bot"))),
        database_url=str(data.get("database_url", "")),
        leads=Leads(sessions, event),
        host=str(data.get("host", "127.0.0.1")),
        port=port,
        base_url=str(data.get("base_url", "")),
        discord_channel_id=int(channel_text) if channel_text and int(channel_text) else None,
        discord_api_base=base,
        discord_dev_guild=int(dev_guild) if dev_guild else None,
        log_level=level,
        log_format=log_format,
        shard_count=shard_count,
        shard_ids=shard_ids,
        discord_token=env.get("DISCORD_TOKEN") or None,
        discord_webhook_url=env.get("DISCORD_WEBHOOK_URL") or None,
    )


def _sources(entries: object, where: str) -> tuple[SourceSpec, ...]:
    """`[[sources]]`: each a table with an http(s) `url` and an optional `interval` in minutes."""
    if not isinstance(entries, list):
        raise SettingsError(f'{where}: sources must be [[sources]] tables with url = "..."')
    found: list[SourceSpec] = []
    for n, entry in enumerate(entries, 1):
        label = f"{where}: sources[{n}]"
        if not isinstance(entry, dict):
            raise SettingsError(f'{label} must be a table with url = "..."')
        unknown = set(entry) - {"url", "interval"}
        if unknown:
            raise SettingsError(f"{label}: unknown key {sorted(unknown)[0]!r} (url, interval)")
        url = entry.get("url")
        if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
            shown = redacted_url(url) if isinstance(url, str) else url
            raise SettingsError(f"{label}.url = {shown!r} is not an http(s) URL")
        try:
            parts = urlsplit(url)
            credentials = parts.username is not None or parts.password is not None
        except ValueError:
            raise SettingsError(f"{label}.url is not a URL") from None
        if credentials:
            raise SettingsError(
                f"{label}.url holds a user name or password; followed URLs are fetched "
                "without credentials (remove them, or publish the agenda at a public URL)"
            )
        interval = entry.get("interval", DEFAULT_INTERVAL)
        if isinstance(interval, bool) or not isinstance(interval, int):
            raise SettingsError(f"{label}.interval = {interval!r} is not a number of minutes")
        if interval < SHORTEST_INTERVAL:
            raise SettingsError(
                f"{label}.interval = {interval} is too short; at least {SHORTEST_INTERVAL} minutes"
            )
        if interval > LONGEST_INTERVAL:
            raise SettingsError(
                f"{label}.interval = {interval} is too long; at most {LONGEST_INTERVAL} minutes "
                "(a week)"
            )
        if any(s.url == url for s in found):
            raise SettingsError(f"{label}.url = {url!r} is already followed")
        found.append(SourceSpec(url, interval))
    return tuple(found)


def _allow_private(
    value: object, env: Mapping[str, str], where: str, key: str = "allow_private_sources"
) -> bool:
    """`allow_private_sources` (or `allow_private_server_sources`) in the file, or its
    variable AGENDA_BOT_ALLOW_PRIVATE_SOURCES (..._SERVER_SOURCES), which wins."""
    variable = env_variable(key)
    text = (env.get(variable) or "").strip().lower()
    if text:
        if text not in ("1", "0", "true", "false", "yes", "no"):
            raise SettingsError(f"{variable} = {text!r} is not 1 or 0")
        return text in ("1", "true", "yes")
    if not isinstance(value, bool):
        raise SettingsError(f"{where}: {key} = {value!r} is not true or false")
    return value


def redacted_url(url: str) -> str:
    """`url` without a user name or password, for messages."""
    try:
        parts = urlsplit(url)
        if parts.username is None and parts.password is None:
            return url
        host = parts.netloc.rsplit("@", 1)[-1]
        return urlunsplit(parts._replace(netloc=f"***@{host}"))
    except ValueError:
        return url


__all__ = ["Settings", "SettingsError", "StartupError", "env_variable", "load_settings"]
