"""The text catalogue and the few functions that put values into it, for every channel: Discord
replies, reminders in Discord, a webhook or the console. Languages: English (the default) and
Simplified Chinese, chosen from a Discord locale ("zh-CN", "en-US")."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from babel.dates import format_datetime

from bot.texts.catalogue import TEXTS

_BABEL = {"en": "en", "zh": "zh_Hans_CN"}


def language(locale: str | None) -> str:
    """Discord locales ("zh-CN", "en-US") to the languages we write: zh or en."""
    return "zh" if locale and locale.lower().startswith("zh") else "en"


def text_for(locale: str | None, key: str, **values: object) -> str:
    return TEXTS[language(locale)][key].format(**values)


def lead_text(minutes: int, locale: str | None) -> str:
    zh = language(locale) == "zh"
    if minutes % 1440 == 0 and minutes:
        days = minutes // 1440
        return f"{days} 天" if zh else f"{days} day{'s' if days > 1 else ''}"
    if minutes % 60 == 0 and minutes:
        hours = minutes // 60
        return f"{hours} 小时" if zh else f"{hours} hour{'s' if hours > 1 else ''}"
    return f"{minutes} 分钟" if zh else f"{minutes} minute{'s' if minutes != 1 else ''}"


def day_heading(day: date, locale: str | None) -> str:
    """ "Tue 2025-09-09", "2025-09-09 周二": from the catalogue, never from the process locale."""
    weekday = text_for(locale, "weekdays").split()[day.weekday()]
    return text_for(locale, "day_heading", weekday=weekday, date=day.isoformat())


def local_time(moment: datetime, tz: tzinfo, locale: str | None) -> str:
    """A full date and time in the reader's language, e.g. "Saturday, July 10, 2021, 13:30"."""
    babel_locale = _BABEL[language(locale)]
    pattern = "EEEE, MMMM d, y, HH:mm" if babel_locale == "en" else "y年M月d日 EEEE HH:mm"
    return format_datetime(moment.astimezone(tz), pattern, tzinfo=tz, locale=babel_locale)
