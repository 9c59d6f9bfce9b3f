"""Settings: built once in `main()` from an optional TOML file, never at import time.

The file (`agenda-bot.toml` in the working directory, or `--config PATH`) may hold:

    default_timezone = "Asia/Shanghai"   # for pages that state no zone

    [abbreviations]                      # override or add abbreviation meanings
    CST = "America/Chicago"
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from bot.domain.readers.context import ReadOptions
from bot.domain.zones.abbreviations import DEFAULT_ABBREVIATIONS, Abbreviation, with_overrides
from bot.domain.zones.resolve import DEFAULT_ZONE, UnknownZoneError, ZoneResolver, iana_names

DEFAULT_CONFIG_FILE = Path("agenda-bot.toml")


class SettingsError(ValueError):
    """A wrong setting, named so the user can fix it in one go."""


@dataclass(frozen=True, slots=True)
class Settings:
    default_timezone: str = DEFAULT_ZONE
    abbreviations: Mapping[str, Abbreviation] = field(default_factory=lambda: DEFAULT_ABBREVIATIONS)

    def read_options(self, default_zone: str | None = None) -> ReadOptions:
        """Reader options; `default_zone` (as from `--source-tz`) beats the configured one."""
        resolver = ZoneResolver(self.abbreviations)
        zone_text = default_zone or self.default_timezone
        try:
            tz = resolver.parse(zone_text).tz
        except UnknownZoneError as exc:
            raise SettingsError(str(exc)) from None
        return ReadOptions(ZoneResolver(self.abbreviations, tz))


def load_settings(path: Path | None) -> Settings:
    """Settings from `path`, or from `agenda-bot.toml` when it exists, or the defaults."""
    if path is None:
        if not DEFAULT_CONFIG_FILE.is_file():
            return Settings()
        path = DEFAULT_CONFIG_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from None
    zone = data.get("default_timezone", DEFAULT_ZONE)
    if not isinstance(zone, str) or zone not in iana_names():
        raise SettingsError(f"{path}: default_timezone {zone!r} is not an IANA time zone name")
    overrides = data.get("abbreviations", {})
    if not isinstance(overrides, dict):
        raise SettingsError(f'{path}: [abbreviations] must be a table of NAME = "Zone/Name"')
    for key, value in overrides.items():
        if not isinstance(value, str) or value not in iana_names():
            raise SettingsError(
                f"{path}: abbreviations.{key} = {value!r} is not an IANA time zone name"
            )
    table = with_overrides(DEFAULT_ABBREVIATIONS, overrides) if overrides else DEFAULT_ABBREVIATIONS
    return Settings(zone, MappingProxyType(dict(table)))


__all__ = ["Settings", "SettingsError", "load_settings"]
