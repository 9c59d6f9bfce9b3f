"""What every reader is given: the zone resolver (abbreviations, default zone) and where to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.domain.zones.resolve import ZoneResolver


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings that change how agendas are read.

    `resolver` carries the abbreviation table and the default zone used when a page states none.
    """

    resolver: ZoneResolver = field(default_factory=ZoneResolver)
    # The reader's "today", for dates written with a weekday but no year anywhere on the page.
    # None (the default) keeps reading independent of the clock: such dates are errors then.
    today: date | None = None
