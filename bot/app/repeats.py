"""How a repeating session repeats, in a few words of the reader's language."""

from __future__ import annotations

from bot.domain.agenda import Schedule, Session
from bot.domain.agenda_views import Repeats, repeats, series_of
from bot.texts import text_for


def repeat_label(schedule: Schedule, session: Session, locale: str | None) -> str | None:
    """How the session repeats, in a few words ("every Thursday", "每周四", "first Wednesday
    of the month", "every Tuesday at 9:00 and 17:00"); None when it is a one-off session."""
    series = series_of(schedule, session)
    pattern = repeats(series) if series is not None else None
    if pattern is None:
        return None
    label = _label(pattern, locale)
    if label is None:
        return text_for(locale, "repeats_other")
    if pattern.times:
        times = _listed([f"{h}:{m:02d}" for h, m in pattern.times], locale)
        return text_for(locale, "repeats_at", label=label, times=times)
    return label


def _label(pattern: Repeats, locale: str | None) -> str | None:
    """The label without its times, None when only "repeats" can be said."""
    if not pattern.simple:
        return None
    names = text_for(locale, "weekday_names").split()
    if pattern.frequency == "WEEKLY":
        days = text_for(locale, "repeats_join").join(names[d] for d in pattern.weekdays)
        if pattern.interval == 1:
            return text_for(locale, "repeats_weekly", days=days)
        return text_for(locale, "repeats_weeks", interval=pattern.interval, days=days)
    if pattern.frequency == "DAILY":
        if pattern.interval == 1:
            return text_for(locale, "repeats_daily")
        return text_for(locale, "repeats_days", interval=pattern.interval)
    if pattern.interval != 1 or pattern.frequency not in ("MONTHLY", "YEARLY"):
        return None
    if pattern.month_weekdays:
        return text_for(locale, "repeats_month_weekdays", which=_nth_days(pattern, names, locale))
    if pattern.month_days:
        days = _listed([_month_day(d, locale) for d in pattern.month_days], locale)
        return text_for(locale, "repeats_month_days", days=days)
    return text_for(locale, f"repeats_{pattern.frequency.lower()}")


def _nth_days(pattern: Repeats, names: list[str], locale: str | None) -> str:
    """ "first and third Tuesday", "last Friday", "first Monday and third Wednesday"."""
    ordinals = text_for(locale, "repeats_ordinals").split()

    def ordinal(n: int) -> str:
        return text_for(locale, "repeats_last") if n < 0 else ordinals[n - 1]

    chosen = pattern.month_weekdays
    if len({day for _, day in chosen}) == 1:
        which = _listed([ordinal(n) for n, _ in chosen], locale)
        return text_for(locale, "repeats_nth_day", ordinal=which, day=names[chosen[0][1]])
    return _listed(
        [
            text_for(locale, "repeats_nth_day", ordinal=ordinal(n), day=names[day])
            for n, day in chosen
        ],
        locale,
    )


def _month_day(day: int, locale: str | None) -> str:
    """ "15th", "1st", "last day" ("15日", "最后一天")."""
    if day < 0:
        return text_for(locale, "repeats_last_day")
    suffixes = text_for(locale, "repeats_day_suffixes").split()  # th st nd rd
    ones = day % 10 if day // 10 != 1 else 0
    return f"{day}{suffixes[ones] if ones < 4 else suffixes[0]}"


def _listed(items: list[str], locale: str | None) -> str:
    """ "a and b", "a, b and c" ("a和b", "a、b和c")."""
    if len(items) < 2:
        return "".join(items)
    head = text_for(locale, "repeats_join").join(items[:-1])
    return f"{head}{text_for(locale, 'repeats_and')}{items[-1]}"
