"""How a repeating session repeats, in a few words of the reader's language."""

from __future__ import annotations

from bot.domain.agenda import Schedule, Session
from bot.domain.agenda_views import repeats, series_of
from bot.texts import text_for


def repeat_label(schedule: Schedule, session: Session, locale: str | None) -> str | None:
    """How the session repeats, in a few words ("every Thursday", "每周四"); None when it is a
    one-off session."""
    series = series_of(schedule, session)
    pattern = repeats(series) if series is not None else None
    if pattern is None:
        return None
    names = text_for(locale, "weekday_names").split()
    days = text_for(locale, "repeats_join").join(names[d] for d in pattern.weekdays)
    if not pattern.simple:
        return text_for(locale, "repeats_other")
    if pattern.frequency == "WEEKLY":
        if pattern.interval == 1:
            return text_for(locale, "repeats_weekly", days=days)
        return text_for(locale, "repeats_weeks", interval=pattern.interval, days=days)
    if pattern.frequency == "DAILY":
        if pattern.interval == 1:
            return text_for(locale, "repeats_daily")
        return text_for(locale, "repeats_days", interval=pattern.interval)
    if pattern.interval == 1 and pattern.frequency in ("MONTHLY", "YEARLY"):
        return text_for(locale, f"repeats_{pattern.frequency.lower()}")
    return text_for(locale, "repeats_other")
