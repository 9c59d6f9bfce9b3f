"""What calendar clients need to see change: a revision per session.

A revision remembers a session's fingerprint, its SEQUENCE and when it last changed. Feeding each
new reading of a schedule through `advance` gives the next revisions: an unchanged session keeps
everything (so the .ics bytes stay identical), a changed one gets SEQUENCE + 1 and a new stamp, a
removed one is kept as cancelled (SEQUENCE + 1) for a grace period, then dropped.

Recurring meetings: a series has one revision (its fingerprint covers the rule, EXDATEs and
RDATEs), and so has each override. The occurrences an expanded agenda holds among its sessions
have none: they come and go as the window of time rolls on, and must never turn into cancelled
events or new SEQUENCEs. An override that is gone is dropped, not cancelled: a cancelled
RECURRENCE-ID event would cancel the occurrence, which is back where its rule puts it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.agenda import Link, Recurrence, Schedule, Session, SessionKind, Speaker
from bot.domain.ics.speakers import profile_facts
from bot.domain.speakers.profile import Profile
from bot.domain.zones.naming import fixed_offset

DEFAULT_GRACE = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class Revision:
    """A session's calendar state. `session` is its last known content (what a cancelled event
    still shows); `removed_at` is set once it left its agenda."""

    schedule_id: str
    session: Session
    fingerprint: str
    sequence: int
    changed_at: datetime
    removed_at: datetime | None = None

    @property
    def key(self) -> str:
        return revision_key(self.schedule_id, self.session.id)

    @property
    def cancelled(self) -> bool:
        return self.removed_at is not None


def revision_key(schedule_id: str, session_id: str) -> str:
    return f"{schedule_id}/{session_id}"


def fingerprint(
    session: Session, schedule: Schedule, speakers: Mapping[str, Profile] | None = None
) -> str:
    """A digest of everything that shows in the session's VEVENT: the session, its agenda, and
    what its speakers' profiles (`speakers`, by id) add to it.

    What is new since a session's first fingerprints (titles in other languages, links to
    profiles) counts only where present, so a session without them keeps its digest."""
    shown = session_to_json(session)
    shown.pop("line")  # moving a row within the file changes nothing users see
    about: list[Any] = [schedule.title, schedule.venue, schedule.url, schedule.timezone_name]
    if schedule.titles:
        about.append([list(pair) for pair in schedule.titles])
    data: dict[str, Any] = {"session": shown, "schedule": about}
    from_profiles = profile_facts(session, speakers or {})
    if from_profiles:
        data["profiles"] = from_profiles
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def advance(
    book: Mapping[str, Revision],
    schedule: Schedule,
    *,
    now: datetime,
    first_seen: datetime,
    grace: timedelta = DEFAULT_GRACE,
    changed_at: datetime | None = None,
    speakers: Mapping[str, Profile] | None = None,
) -> dict[str, Revision]:
    """The revisions of `schedule`'s sessions after reading it again.

    `book` may hold other schedules' revisions; only this schedule's are returned. `first_seen`
    stamps sessions never seen before and `changed_at` (default `now`) stamps changes and
    removals: pass the file's modification time for both, and every process reading the same
    files computes the same revisions, so feed servers behind a balancer serve the same bytes.
    `now` decides when cancelled sessions have outlived `grace`. `speakers` are the profiles
    sessions link to: a profile changing what a session's event shows changes the session.
    """
    now = _second(now)
    stamp = _second(changed_at or now)
    first_seen = _second(first_seen)
    previous = {k: r for k, r in book.items() if r.schedule_id == schedule.id}
    result: dict[str, Revision] = {}
    for session in tracked(schedule):
        key = revision_key(schedule.id, session.id)
        print_ = fingerprint(session, schedule, speakers)
        old = previous.get(key)
        if old is None:
            result[key] = Revision(schedule.id, session, print_, 0, first_seen)
        elif old.fingerprint == print_ and not old.cancelled:
            result[key] = replace(old, session=session)
        else:
            result[key] = Revision(schedule.id, session, print_, old.sequence + 1, stamp)
    gone = {k: r for k, r in previous.items() if k not in result}
    result.update(_cancelled(gone, now, grace, stamp))
    return result


def tracked(schedule: Schedule) -> list[Session]:
    """The sessions that have revisions: one-off sessions, series and overrides (materialised
    occurrences, `series_id` set among the sessions, have none)."""
    one_off = [s for s in schedule.sessions if s.series_id is None]
    return [*one_off, *schedule.series, *schedule.overrides]


def _cancelled(
    gone: Mapping[str, Revision], now: datetime, grace: timedelta, stamp: datetime | None = None
) -> dict[str, Revision]:
    """Sessions no longer in their agenda: cancelled once (SEQUENCE + 1), kept for `grace`."""
    kept: dict[str, Revision] = {}
    for key, old in gone.items():
        if old.session.series_id is not None:
            continue  # an override or an occurrence: never a cancelled event
        if old.removed_at is None:
            kept[key] = replace(
                old, sequence=old.sequence + 1, changed_at=stamp or now, removed_at=now
            )
        elif now - old.removed_at < grace:
            kept[key] = old
    return kept


def _second(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


# ---- JSON form, for stores that keep revisions across restarts ---------------------------------


def session_to_json(session: Session) -> dict[str, Any]:
    """A session as plain JSON data, with its zone named so it can be rebuilt exactly."""
    tz = session.start.tzinfo
    return {
        "id": session.id,
        "title": session.title,
        "zone": tz.key if isinstance(tz, ZoneInfo) else None,
        "start": session.start.isoformat(),
        "end": session.end.isoformat() if session.end else None,
        "all_day": session.all_day,
        "speakers": [_speaker_to_json(s) for s in session.speakers],
        "kind": session.kind.value,
        "track": session.track,
        "location": session.location,
        "links": [[link.url, link.label] for link in session.links],
        "description": session.description,
        "line": session.line,
        **_recurrence_to_json(session),
        **({"titles": [list(pair) for pair in session.titles]} if session.titles else {}),
    }


def _speaker_to_json(speaker: Speaker) -> list[str | None]:
    """[name, affiliation], then the profile id when the speaker is linked to one and the
    language when only a translation names them (so a speaker without either keeps the JSON,
    and the fingerprint, it had before profiles and translations)."""
    found = [speaker.name, speaker.affiliation]
    if speaker.language is not None:
        return [*found, speaker.profile, speaker.language]
    return [*found, speaker.profile] if speaker.profile is not None else found


def _recurrence_to_json(session: Session) -> dict[str, Any]:
    """The recurrence fields, only when set (so a one-off session's JSON and fingerprint stay
    what they were before series existed)."""
    data: dict[str, Any] = {}
    if session.repeat is not None:
        data["repeat"] = {
            "rule": session.repeat.rule,
            "exdates": [m.isoformat() for m in session.repeat.exdates],
            "rdates": [m.isoformat() for m in session.repeat.rdates],
        }
    if session.series_id is not None:
        data["series_id"] = session.series_id
    if session.recurrence_id is not None:
        data["recurrence_id"] = session.recurrence_id.isoformat()
    return data


def session_from_json(data: Mapping[str, Any]) -> Session:
    zone = ZoneInfo(data["zone"]) if data.get("zone") else None
    start = _moment(data["start"], zone)
    end = _moment(data["end"], zone) if data.get("end") else None
    return Session(
        id=data["id"],
        title=data["title"],
        start=start,
        end=end,
        all_day=data["all_day"],
        speakers=tuple(Speaker(*fields) for fields in data["speakers"]),
        kind=SessionKind(data["kind"]),
        track=data["track"],
        location=data["location"],
        links=tuple(Link(url, label) for url, label in data["links"]),
        description=data["description"],
        line=data["line"],
        repeat=_repeat_from_json(data.get("repeat"), zone),
        series_id=data.get("series_id"),
        recurrence_id=_moment(data["recurrence_id"], zone) if data.get("recurrence_id") else None,
        titles=tuple((lang, title) for lang, title in data.get("titles", ())),
    )


def _repeat_from_json(data: Mapping[str, Any] | None, zone: ZoneInfo | None) -> Recurrence | None:
    if data is None:
        return None
    return Recurrence(
        data["rule"],
        tuple(_moment(m, zone) for m in data["exdates"]),
        tuple(_moment(m, zone) for m in data["rdates"]),
    )


def _moment(text: str, zone: ZoneInfo | None) -> datetime:
    parsed = datetime.fromisoformat(text)
    offset = parsed.utcoffset()
    if zone is not None:
        return parsed.astimezone(zone)
    return parsed.astimezone(fixed_offset(offset or timedelta()))


def revision_to_json(revision: Revision) -> dict[str, Any]:
    return {
        "schedule": revision.schedule_id,
        "session": session_to_json(revision.session),
        "fingerprint": revision.fingerprint,
        "sequence": revision.sequence,
        "changed_at": revision.changed_at.isoformat(),
        "removed_at": revision.removed_at.isoformat() if revision.removed_at else None,
    }


def revision_from_json(data: Mapping[str, Any]) -> Revision:
    removed = data.get("removed_at")
    return Revision(
        schedule_id=data["schedule"],
        session=session_from_json(data["session"]),
        fingerprint=data["fingerprint"],
        sequence=int(data["sequence"]),
        changed_at=datetime.fromisoformat(data["changed_at"]),
        removed_at=datetime.fromisoformat(removed) if removed else None,
    )


def retire(
    book: Mapping[str, Revision],
    schedule_id: str,
    *,
    now: datetime,
    grace: timedelta = DEFAULT_GRACE,
) -> dict[str, Revision]:
    """The revisions of a schedule whose agenda is gone: every session cancelled (once, with
    SEQUENCE + 1), and dropped after the grace period."""
    mine = {k: r for k, r in book.items() if r.schedule_id == schedule_id}
    return _cancelled(mine, _second(now), grace)
