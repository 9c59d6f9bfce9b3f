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

from bot.domain.agenda import Session, Speaker, primary_language, text_in, text_key, unique_ids
from bot.domain.speakers.profile import Profile

SPEAKER_PAGES = "/speakers/"
AGENDA_PAGES = "/s/"
PARTICIPANT_DOMAIN = "speakers.agenda-bot"  # never an event UID's domain: no UID clash
_WEB = ("http", "https")


def speaker_page(base_url: str, profile_id: str) -> str:
    """The profile's web page on the feed server at `base_url`."""
    return f"{base_url.rstrip('/')}{SPEAKER_PAGES}{quote(profile_id, safe='')}"


def agenda_page(base_url: str, schedule_id: str, session_id: str | None = None) -> str:
    """An agenda's web page on the feed server at `base_url`, or one session's
    (`<base_url>/s/<schedule>/<session>`; an occurrence's id keeps its "@")."""
    page = f"{base_url.rstrip('/')}{AGENDA_PAGES}{quote(schedule_id, safe='@')}"
    return page if session_id is None else f"{page}/{quote(session_id, safe='@')}"


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


def name_for(speaker: Speaker, profile: Profile | None, language: str | None) -> str:
    """The speaker's name for a reader of `language`: as the person's page in that language
    writes it ("李伟" for "zh"), else as the agenda does. Never a name from a page in another
    language: an English reader keeps "Yu Zhang" when the only page is Chinese."""
    if profile is None:
        return speaker.name
    return _written_in(profile, profile.names_by_language, profile.name, language) or speaker.name


def affiliation_for(
    speaker: Speaker,
    profile: Profile | None,
    language: str | None,
    agenda_language: str | None = None,
) -> str | None:
    """The speaker's affiliation for a reader of `language`: the agenda's when it is written in
    that language (or the profile has none in it), else the profile's in that language ("红帽"
    for an English agenda's "Red Hat"), else whatever either gives."""
    written = speaker.language or agenda_language
    if speaker.affiliation and (written is None or _same(written, language)):
        return speaker.affiliation
    if profile is None:
        return speaker.affiliation
    own = _written_in(profile, profile.affiliations, profile.affiliation, language)
    return own or speaker.affiliation or profile.affiliation_in(language)


def speaker_for(
    speaker: Speaker,
    profile: Profile | None,
    language: str | None,
    agenda_language: str | None = None,
) -> Speaker:
    """The speaker as a reader of `language` is shown them: name and affiliation in it."""
    return Speaker(
        name_for(speaker, profile, language),
        affiliation_for(speaker, profile, language, agenda_language),
        speaker.profile,
        speaker.language,
    )


def _written_in(
    profile: Profile, pairs: tuple[tuple[str, str], ...], own: str | None, language: str | None
) -> str | None:
    """The text the profile gives in `language`: from its (language, text) pairs, else its
    own when its page is in that language; None when it gives none in it."""
    found = text_in(pairs, language)
    if found is not None or primary_language(language) is None:
        return found
    return own if primary_language(profile.language) == primary_language(language) else None


def _same(one: str | None, other: str | None) -> bool:
    return primary_language(one) == primary_language(other)


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
    known): what a calendar needs to show speakers with their links. `pages` are the agendas
    the feed server shows as web pages (the public ones): their events link to their session's
    page there."""

    profiles: Mapping[str, Profile] = field(default_factory=dict)
    base_url: str = ""
    pages: frozenset[str] = frozenset()

    def page_of(self, schedule_id: str, session_id: str | None) -> str | None:
        """The web page of a session (None: the agenda's), when the feed server shows one."""
        if not self.base_url or schedule_id not in self.pages:
            return None
        return agenda_page(self.base_url, schedule_id, session_id)

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
