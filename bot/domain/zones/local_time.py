"""Wall-clock times to instants, with one rule for DST gaps and folds.

The rule is RFC 5545's (section 3.3.5), so that we agree with every calendar client:
- a wall time that does not exist (skipped by a spring-forward gap) is read with the offset in
  force before the gap, which moves it forward by the gap's length (02:30 -> 03:30);
- a wall time that happens twice (a fall-back fold) means its first occurrence.
Both cases come back with a note so readers can warn the organizer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.domain.zones.naming import offset_label, zone_name


@dataclass(frozen=True, slots=True)
class Localized:
    moment: datetime
    note: str | None = None


def localize(wall: datetime, tz: tzinfo) -> Localized:
    """Attach `tz` to a naive wall time following the gap/fold rule above."""
    if wall.tzinfo is not None:
        raise ValueError("localize takes a naive wall time")
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    same_offset = first.utcoffset() == second.utcoffset()
    if same_offset and 1 < wall.year < 9999:
        # Neither in a gap nor in a fold: both readings agree (PEP 495). At the calendar's two
        # ends the round trip below raises OverflowError, which callers report.
        return Localized(first)
    round_trip = first.astimezone(UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != wall:
        shifted = round_trip.replace(fold=0)
        return Localized(
            shifted,
            f"{wall:%Y-%m-%d %H:%M} does not exist in {zone_name(tz)} (clocks move forward); "
            f"read as {shifted:%H:%M} {offset_label(shifted)}",
        )
    if not same_offset:
        return Localized(
            first,
            f"{wall:%Y-%m-%d %H:%M} happens twice in {zone_name(tz)} (clocks move back); "
            f"read as the first, {offset_label(first)}",
        )
    return Localized(first)


def localize_date_time(day: date, clock: time, tz: tzinfo) -> Localized:
    """`localize` for a date and a clock time given apart, as agendas write them."""
    return localize(datetime.combine(day, clock), tz)


def shift(moment: datetime, delta: timedelta) -> datetime:
    """`moment + delta` as elapsed time, shown in `moment`'s zone.

    Python adds a timedelta to an aware datetime on the wall clock: 15 minutes before 03:05 on a
    spring-forward morning would land in the gap. Every duration and lead goes through here.
    """
    zone = moment.tzinfo
    return (moment.astimezone(UTC) + delta).astimezone(zone)


def elapsed(later: datetime, earlier: datetime) -> timedelta:
    """The real time between two instants (Python subtracts wall clocks within one zone)."""
    return later.astimezone(UTC) - earlier.astimezone(UTC)


def same_instant(a: datetime, b: datetime) -> bool:
    """Whether two aware datetimes are the same instant. `==` cannot say: it compares wall
    clocks within one zone, and answers False across zones for a time in a fold (PEP 495)."""
    return a.astimezone(UTC) == b.astimezone(UTC)


def midnight(day: date, tz: tzinfo) -> datetime:
    """The start of `day` in `tz` (which is not always 00:00 where DST starts at midnight)."""
    return localize(datetime.combine(day, time()), tz).moment
