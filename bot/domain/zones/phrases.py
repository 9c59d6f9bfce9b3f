"""Zone names in words: "Beijing time", "北京时间", "Pacific Time", "London time".

Fixed phrases come from the table below; "<city> time" and "<country> time" are looked up in the
IANA city names and pytz's country tables (countries with a single zone only).
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import pytz

PHRASES: Mapping[str, str] = MappingProxyType(
    {
        # China and neighbours
        "beijing time": "Asia/Shanghai",
        "china standard time": "Asia/Shanghai",
        "china time": "Asia/Shanghai",
        "北京时间": "Asia/Shanghai",
        "北京時間": "Asia/Shanghai",
        "中国时间": "Asia/Shanghai",
        "中国标准时间": "Asia/Shanghai",
        "中国本地时间": "Asia/Shanghai",
        "东八区": "Asia/Shanghai",
        "上海时间": "Asia/Shanghai",
        "香港时间": "Asia/Hong_Kong",
        "香港時間": "Asia/Hong_Kong",
        "台北时间": "Asia/Taipei",
        "台北時間": "Asia/Taipei",
        "新加坡时间": "Asia/Singapore",
        "japan standard time": "Asia/Tokyo",
        "japan time": "Asia/Tokyo",
        "日本时间": "Asia/Tokyo",
        "日本時間": "Asia/Tokyo",
        "日本標準時": "Asia/Tokyo",
        "东京时间": "Asia/Tokyo",
        "東京時間": "Asia/Tokyo",
        "korea standard time": "Asia/Seoul",
        "korean time": "Asia/Seoul",
        "india standard time": "Asia/Kolkata",
        "indian standard time": "Asia/Kolkata",
        "india time": "Asia/Kolkata",
        # The Americas
        "pacific time": "America/Los_Angeles",
        "pacific standard time": "America/Los_Angeles",
        "pacific daylight time": "America/Los_Angeles",
        "太平洋时间": "America/Los_Angeles",
        "mountain time": "America/Denver",
        "central time": "America/Chicago",
        "eastern time": "America/New_York",
        "eastern standard time": "America/New_York",
        "eastern daylight time": "America/New_York",
        "美国东部时间": "America/New_York",
        "美东时间": "America/New_York",
        "美西时间": "America/Los_Angeles",
        "brasilia time": "America/Sao_Paulo",
        "bay area time": "America/Los_Angeles",
        "silicon valley time": "America/Los_Angeles",
        "san francisco time": "America/Los_Angeles",
        "seattle time": "America/Los_Angeles",
        "boston time": "America/New_York",
        "washington time": "America/New_York",
        "austin time": "America/Chicago",
        # Europe
        "central european time": "Europe/Berlin",
        "central european summer time": "Europe/Berlin",
        "eastern european time": "Europe/Helsinki",
        "western european time": "Europe/Lisbon",
        "british summer time": "Europe/London",
        "uk time": "Europe/London",
        "british time": "Europe/London",
        "finnish time": "Europe/Helsinki",
        "german time": "Europe/Berlin",
        "french time": "Europe/Paris",
        "spanish time": "Europe/Madrid",
        "italian time": "Europe/Rome",
        "dutch time": "Europe/Amsterdam",
        "swedish time": "Europe/Stockholm",
        "polish time": "Europe/Warsaw",
        "moscow time": "Europe/Moscow",
        "欧洲中部时间": "Europe/Berlin",
        "coordinated universal time": "UTC",
        "universal time": "UTC",
        "greenwich mean time": "UTC",
        # Oceania
        "australian eastern time": "Australia/Sydney",
        "australian eastern standard time": "Australia/Sydney",
        "australian eastern daylight time": "Australia/Sydney",
        "new zealand time": "Pacific/Auckland",
    }
)

_PHRASE_PATTERN = re.compile(
    "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)), re.IGNORECASE
)
# "<Place> time": up to three capitalised words before "time" or "Time".
_PLACE_TIME = re.compile(r"\b((?:[A-Z][\w.'-]*\s){1,3})(?:time|Time)\b")


@cache
def places() -> Mapping[str, str]:
    """Lower-cased city and single-zone country names to IANA zones."""
    found: dict[str, str] = {}
    for key in zoneinfo.available_timezones():
        if "/" not in key or key.startswith(("Etc/", "SystemV/", "US/")):
            continue
        city = key.rsplit("/", 1)[1].replace("_", " ").lower()
        found.setdefault(city, key)
    for code, name in pytz.country_names.items():
        zones = pytz.country_timezones.get(code, [])
        if len(zones) == 1:
            found.setdefault(name.lower(), zones[0])
    return MappingProxyType(found)


def find_phrases(text: str) -> list[tuple[int, int, str, str]]:
    """Each zone phrase in the text as (start, end, matched text, IANA zone), in order."""
    found = [
        (m.start(), m.end(), m.group(0), PHRASES[m.group(0).lower()])
        for m in _PHRASE_PATTERN.finditer(text)
    ]
    taken = [(s, e) for s, e, _, _ in found]
    for match in _PLACE_TIME.finditer(text):
        words = match.group(1).split()
        # Try the longest run of words ending right before "time": "New York time" then "York".
        for first in range(len(words)):
            place = " ".join(words[first:]).lower()
            zone = places().get(place)
            if zone is None:
                continue
            start = match.start(1) + match.group(1).index(words[first])
            if not any(s <= start < e for s, e in taken):
                found.append((start, match.end(), text[start : match.end()], zone))
            break
    return sorted(found)
