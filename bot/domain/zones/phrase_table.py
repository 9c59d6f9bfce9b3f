"""Zone names in words, as a table: "Beijing time", "北京时间", "Pacific Time", "hora del centro".

Keys are lower case; Latin-script phrases are matched whole-word and in any case, CJK ones as
written. "<place> time" in its many languages is not listed here: see phrases.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

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
        "kyiv time": "Europe/Kyiv",
        "kiev time": "Europe/Kyiv",
        # Ukrainian and Russian: "за київським часом", "по московскому времени"
        "київським часом": "Europe/Kyiv",
        "київський час": "Europe/Kyiv",
        "київського часу": "Europe/Kyiv",
        "киевскому времени": "Europe/Kyiv",
        "киевское время": "Europe/Kyiv",
        "московскому времени": "Europe/Moscow",
        "московское время": "Europe/Moscow",
        "московським часом": "Europe/Moscow",
        "欧洲中部时间": "Europe/Berlin",
        "coordinated universal time": "UTC",
        "universal time": "UTC",
        "greenwich mean time": "UTC",
        # Oceania
        "australian eastern time": "Australia/Sydney",
        "australian eastern standard time": "Australia/Sydney",
        "australian eastern daylight time": "Australia/Sydney",
        "new zealand time": "Pacific/Auckland",
        # More of the Americas
        "central standard time": "America/Chicago",
        "central daylight time": "America/Chicago",
        "mountain standard time": "America/Denver",
        "mountain daylight time": "America/Denver",
        "atlantic time": "America/Halifax",
        "atlantic standard time": "America/Halifax",
        "alaska time": "America/Anchorage",
        "hawaii time": "Pacific/Honolulu",
        "hawaiian time": "Pacific/Honolulu",
        "arizona time": "America/Phoenix",
        "brazil time": "America/Sao_Paulo",
        "brasília time": "America/Sao_Paulo",
        "hora del centro": "America/Mexico_City",
        "tiempo del centro": "America/Mexico_City",
        "hora del pacífico": "America/Los_Angeles",
        "hora del este": "America/New_York",
        "hora argentina": "America/Argentina/Buenos_Aires",
        "heure de l'est": "America/Toronto",
        "heure de l’est": "America/Toronto",
        "heure du pacifique": "America/Vancouver",
        "heure de l'atlantique": "America/Halifax",
        "美国太平洋时间": "America/Los_Angeles",
        # More of Europe
        "eastern european summer time": "Europe/Helsinki",
        "western european summer time": "Europe/Lisbon",
        "irish time": "Europe/Dublin",
        "deutsche zeit": "Europe/Berlin",
        "deutscher zeit": "Europe/Berlin",
        "mitteleuropäische zeit": "Europe/Berlin",
        "mitteleuropäischer zeit": "Europe/Berlin",
        "mitteleuropäische sommerzeit": "Europe/Berlin",
        "mitteleuropäischer sommerzeit": "Europe/Berlin",
        "osteuropäische zeit": "Europe/Helsinki",
        "westeuropäische zeit": "Europe/Lisbon",
        "österreichische zeit": "Europe/Vienna",
        "österreichischer zeit": "Europe/Vienna",
        "schweizer zeit": "Europe/Zurich",
        "hora peninsular": "Europe/Madrid",
        "hora española": "Europe/Madrid",
        "heure française": "Europe/Paris",
        "heure d'europe centrale": "Europe/Paris",
        "nederlandse tijd": "Europe/Amsterdam",
        "ora italiana": "Europe/Rome",
        "格林尼治时间": "UTC",
        "协调世界时": "UTC",
        "世界标准时间": "UTC",
        "한국 표준시": "Asia/Seoul",
        "한국표준시": "Asia/Seoul",
    }
)

# Region words that are zones only beside a clock time ("9am Eastern", "14:00 Central European")
# or when they are the whole zone setting: "Central Hall" and "Pacific Ocean" are not zones.
REGION_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "eastern": "America/New_York",
        "central": "America/Chicago",
        "mountain": "America/Denver",
        "pacific": "America/Los_Angeles",
        "atlantic": "America/Halifax",
        "central european": "Europe/Berlin",
        "eastern european": "Europe/Helsinki",
        "western european": "Europe/Lisbon",
    }
)

# German adjectives of place whose stem is not the name: "Münchner Zeit", "Zürcher Zeit".
GERMAN_PLACE_ADJECTIVES: Mapping[str, str] = MappingProxyType(
    {
        "münchner": "München",
        "zürcher": "Zürich",
        "basler": "Basel",
        "hannoversche": "Hannover",
        "hannoverscher": "Hannover",
        "new yorker": "New York",
    }
)
