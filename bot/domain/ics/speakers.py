"""What calendars (and the bot's replies) show of a session's speakers: a name, an affiliation
and one link per person.

A speaker linked to a profile (`Speaker.profile`) links to the profile's web page,
`<base_url>/speakers/<id>`, when the feed server's public URL is known, else to the first web
link of the profile (a site, a social profile; never an email address, which calendar apps and
Discord would not open as a page). The base URL is a value handed in: the domain never asks
where it is served.

In a VEVENT each speaker is a line of DESCRIPTION ("Speakers: Huabing Zhao (Tetrate)
<https://...>", read by every client) and an RFC 9073 PARTICIPANT component
(PARTICIPANT-TYPE:SPEAKER), which clients that do not know it skip: ical.js keeps it as an
unknown component, libical 3.0 drops it without a complaint, icalendar keeps it on a round
trip (tests/interop). No CALENDAR-ADDRESS: it is an address to schedule with, and a speaker's
email address in every subscriber's calendar is not ours to hand out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from bot.domain.agenda import Session, Speaker, text_key, unique_ids
from bot.domain.speakers.profile import Profile

SPEAKER_PAGES = "/speakers/"
PARTICIPANT_DOMAIN = "speakers.agenda-bot"  # never an event UID's domain: no UID clash
_WEB = ("http", "https")


def speaker_page(base_url: str, profile_id: str) -> str:
    """The profile's web page on the feed server at `base_url`."""
    return f"{base_url.rstrip('/')}{SPEAKER_PAGES}{quote(profile_id, safe='')}"


def web_link(profile: Profile) -> str | None:
    """The profile's first link that is a web page (http or https), if any."""
    return next((link.url for link in profile.links if is_web(link.url)), None)


def profile_link(profile: Profile, base_url: str = "") -> str | None:
    """Where a speaker's name links to: their page on the feed server when its URL is known,
    else their first web link."""
    return speaker_page(base_url, profile.id) if base_url else web_link(profile)


def is_web(url: str) -> bool:
    """Whether `url` is a web page (http or https, with a host)."""
    parts = urlsplit(url)
    return parts.scheme.lower() in _WEB and bool(parts.netloc)


@dataclass(frozen=True, slots=True)
class ShownSpeaker:
    """One speaker as a calendar shows them. `key` tells speakers of one session apart, stably
    (the profile id, or a key of the name): the PARTICIPANT's UID is made from it."""

    name: str
    affiliation: str | None
    url: str | None
    key: str
    profile: str | None = None

    def __str__(self) -> str:
        text = f"{self.name} ({self.affiliation})" if self.affiliation else self.name
        return f"{text} <{self.url}>" if self.url else text


@dataclass(frozen=True, slots=True)
class SpeakerLinks:
    """The profiles speakers are linked to, and the feed server's public URL ("" when it is not
    known): what a calendar needs to show speakers with their links."""

    profiles: Mapping[str, Profile] = field(default_factory=dict)
    base_url: str = ""

    def profile_of(self, speaker: Speaker) -> Profile | None:
        return self.profiles.get(speaker.profile) if speaker.profile else None

    def shown(self, session: Session) -> tuple[ShownSpeaker, ...]:
        """The session's speakers in its order, each with the affiliation the agenda gives
        (else the profile's) and their link."""
        found: list[tuple[Speaker, Profile | None]] = [
            (speaker, self.profile_of(speaker)) for speaker in session.speakers_in(None)
        ]
        keys = unique_ids(
            profile.id if profile is not None else text_key(speaker.name, "speaker")
            for speaker, profile in found
        )
        return tuple(
            ShownSpeaker(
                name=speaker.name,
                affiliation=speaker.affiliation or (profile.affiliation if profile else None),
                url=profile_link(profile, self.base_url) if profile is not None else None,
                key=key,
                profile=profile.id if profile is not None else None,
            )
            for (speaker, profile), key in zip(found, keys, strict=True)
        )


NO_SPEAKER_LINKS = SpeakerLinks()


def profile_facts(session: Session, profiles: Mapping[str, Profile]) -> list[list[str | None]]:
    """What a session's VEVENT shows that comes from its speakers' profiles rather than from
    the agenda (an affiliation the agenda leaves out, the link when no base URL is set), for
    the session's fingerprint: a profile changing what is shown raises SEQUENCE."""
    shown = SpeakerLinks(profiles).shown(session)
    return [[s.profile, s.affiliation, s.url] for s in shown if s.profile is not None]
