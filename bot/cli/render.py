"""How schedules look on a terminal (`table`) and to scripts (`json`)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, tzinfo
from typing import Any

from bot.domain.agenda import Schedule, Session
from bot.domain.diagnostics import Diagnostic
from bot.domain.zones.naming import offset_label, zone_name


def as_json(schedules: list[Schedule], diagnostics: list[Diagnostic], tz: tzinfo) -> str:
    """One object: schedules with times in `tz`, and every diagnostic."""
    payload: dict[str, Any] = {
        "schedules": [
            {
                "id": schedule.id,
                "title": schedule.title,
                "timezone": schedule.timezone_name,
                "language": schedule.language,
                "titles": dict(schedule.titles),
                **({"capacity": schedule.capacity} if schedule.capacity is not None else {}),
                "sessions": [_session_json(s, schedule, tz) for s in schedule.sessions],
            }
            for schedule in schedules
        ],
        "warnings": [
            {"file": d.file, "line": d.line, "message": d.message, "severity": str(d.severity)}
            for d in diagnostics
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _session_json(session: Session, schedule: Schedule, tz: tzinfo) -> dict[str, Any]:
    if session.all_day:
        start: str = session.first_day.isoformat()
        end: str | None = session.last_day.isoformat()
    else:
        start = session.start.astimezone(tz).isoformat()
        end = session.end.astimezone(tz).isoformat() if session.end else None
    shown: dict[str, Any] = {
        "id": session.id,
        "title": session.title,
        "titles": dict(session.titles),
        "start": start,
        "end": end,
        "all_day": session.all_day,
        "speakers": [
            {"name": s.name, "affiliation": s.affiliation, "profile": s.profile}
            | ({"language": s.language} if s.language else {})
            for s in session.speakers
        ],
        "location": session.location or schedule.venue,
        "track": session.track,
    }
    if session.series_id is not None:  # an occurrence of a repeating session
        shown["series"] = session.series_id
        shown["repeats"] = _repeats(schedule, session)
    return shown


def as_table(schedules: list[Schedule], tz: tzinfo) -> str:
    """Aligned text, one block per schedule, with a date line whenever the day changes in `tz`."""
    blocks = []
    for schedule in schedules:
        lines = [
            f"{schedule.title}  [{schedule.id}]",
            f"organizers' zone: {schedule.timezone_name}; shown in: {zone_name(tz)}"
            + (f"; languages: {', '.join(schedule.languages)}" if schedule.titles else ""),
        ]
        rows = [
            _row(session, tz, _repeats(schedule, session) if session.series_id else None)
            for session in schedule.sessions
        ]
        width = max((len(r[1]) for r in rows), default=0)
        day = None
        for session, (row_day, when, text) in zip(schedule.sessions, rows, strict=True):
            if row_day != day:
                day = row_day
                lines.append("")
                lines.append(f"{day}")
            marker = _other_day_marker(session, schedule.timezone, tz)
            lines.append(f"  {when.ljust(width)}  {text}{marker}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _row(session: Session, tz: tzinfo, repeats: str | None = None) -> tuple[str, str, str]:
    details = [session.title]
    if repeats is not None:
        details.append(f"({repeats})")
    if shown := session.speakers_in(None):
        details.append("— " + ", ".join(str(s) for s in shown))
    place = " / ".join(p for p in (session.track, session.location) if p)
    if place:
        details.append(f"[{place}]")
    text = " ".join(details)
    if session.all_day:
        last = session.last_day
        span = "all day" if last == session.first_day else f"all day to {last:%a %Y-%m-%d}"
        return f"{session.first_day:%a %Y-%m-%d}", span, text
    start = session.start.astimezone(tz)
    when = f"{start:%H:%M}"
    if session.end is not None:
        end = session.end.astimezone(tz)
        when += f"-{end:%H:%M}"
        if end.date() != start.date() and end - start > timedelta(0):
            when += f" (+{(end.date() - start.date()).days}d)"
    when += f" {offset_label(start)}"
    return f"{start:%a %Y-%m-%d}", when, text


def _other_day_marker(session: Session, source: tzinfo, tz: tzinfo) -> str:
    """Where the organizers' date differs from the reader's: the date line moved it."""
    if session.all_day:
        return ""
    here = session.start.astimezone(tz).date()
    there = session.start.astimezone(source).date()
    if here == there:
        return ""
    return f"  ({there:%a %Y-%m-%d} for the organizers)"


def describe_moment(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} {offset_label(moment)}"


def _repeats(schedule: Schedule, session: Session) -> str | None:
    """How an occurrence's series repeats, in English (the words, and Babel under them, are
    imported only for an agenda that repeats)."""
    from bot.app.repeats import repeat_label

    return repeat_label(schedule, session, "en")
