"""Lines that are sessions: "17:00 - 17:10: Welcome", "Doors: 18:00", "**6:30 PM**" with the
title below, a time heading over parallel sessions, "6 月 11 日 凌晨 1:00 — 直播", and the lines
under a session that give its speakers, links and abstract. A new line shape of a session is one
method here, called from the walk in page.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.domain.agenda import Speaker
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Line
from bot.domain.readers.markdown.drafts import (
    DAYS_OF_ONE_EVENT,
    Draft,
    add_clock,
    end_weekday_day,
    links_of,
)
from bot.domain.readers.markdown.event_lines import across_days
from bot.domain.readers.markdown.prose_lines import after_time_words
from bot.domain.readers.markdown.session_ends import own_end, own_end_on_a_later_day, own_range
from bot.domain.readers.markdown.speakers import (
    SPEAKER_WORDS,
    looks_like_person,
    name_shaped,
    parse_speakers,
    several_people,
    split_title_and_speakers,
)
from bot.domain.readers.markdown.vocabulary import VENUE_PIN, Role, normalise_label, split_label
from bot.domain.timetext.clock import (
    BadClock,
    ClockSpan,
    find_bad_clocks,
    find_clock_spans,
    leading_clock_span,
)
from bot.domain.timetext.dates import DateMention, find_dates
from bot.domain.timetext.durations import cell_duration
from bot.domain.timetext.languages import ALL_WEEKDAYS, WRITTEN_WEEKDAYS, alternation
from bot.domain.zones.places import find_places, place_zone
from bot.domain.zones.resolve import ZoneMention

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

SESSION_LEAD = compiled(r"^[\s:：\-–—|.,，)）\]*_~〜～·•]+")
_RESTATED = compiled(
    r"^\s*(?:/|\||·|,|=|or|[(（\[])\s*"
    # "[Wed 18:00–18:05 PT]": the other zone's weekday before its time
    rf"(?:(?i:{alternation(w for w in ALL_WEEKDAYS if len(w) >= 2)})\.?,?\s+(?=\d))?"
)
_LABEL_FIRST = compiled(r"^\s*[*_]*(?P<label>[^:：\d][^:：]{0,38}?)[*_]*\s*[:：]\s*(?P<value>.+)$")
_LABEL_VERB = compiled(r"(?i)\s+(?:begins?|starts?|opens?|kicks? off|commences?|beginnt|commence)$")
# "Speaker: Aditi Deshpande", "Panelists: Sneha Patil, Vikram Iyer" on a heading's time line.
_SPEAKER_LABEL = compiled(
    r"(?i)^(?:speakers?|panelists?|presenters?|moderators?|hosts?|講師|講者|讲者|嘉宾|발표자)\s*[:：]\s*"
)
# A session's own length at the end of its line, after its speaker: "… – Tan Wei Jie (30 min)".
_OWN_LENGTH = compiled(
    r"\s*[(（]\s*(\d{1,3})\s*(?:min|mins|minutes|minutos|minuten|分钟|分)\s*[)）]\s*$"
)
_SPEAKER_BEFORE = compiled(r"\s[-–—]\s|\s(?:by|par|von|por)\s")
_LENGTH_OR_LEVEL = compiled(
    r"(?i)\d{1,3}\s*(?:min(?:ute)?s?|h|hrs?|hours?|'|m)|beginner|intermediate|advanced|expert"
    r"|all levels|introductory|débutant|intermédiaire|avancé|einsteiger|fortgeschrittene"
    r"|principiante|intermedio|avanzado|iniciante|intermediário|avançado"
)
_MARKS_BEFORE = compiled(r"^[\W_]+")  # "🎉 **After-party:**"
# "from 5:30pm", "desde las 19:00", "ab 18 Uhr": the words before a start with no end
_FROM_WORD = r"(?:from|ab|dès|desde(?:\s+las?)?|a partir de(?:\s+las?)?|a partir das|vanaf)"
_FROM_WORDS = rf"{_FROM_WORD}\s+(?=\d)"
_FROM = compiled(rf"(?i)^\s*{_FROM_WORDS}")
_FROM_BEFORE = compiled(rf"(?i)(?:^|[^\w]){_FROM_WORD}[\s*_]*$")  # "- **From 3pm** – …"
# "After-party: Wednesday from 7:00 PM", "Carrete de cierre: viernes desde las 19:00": the day first
_DAY_THEN_FROM = compiled(rf"(?i)^\s*(?P<wd>{WRITTEN_WEEKDAYS})\.?,?\s+(?={_FROM_WORDS})")
_ONWARDS = compiled(
    r"(?i)^\s*(?:-?ish|onwards?|and later|till late|until late|[-–—]\s*late|open end|เป็นต้นไป|以降|起"
    r"|-t[óő]l)(?!\w)"  # Hungarian "18.00-tól: Afterparty": from 18.00
)


def goes_on(after_time: str) -> bool:
    """Whether the words right after a lone time say its item goes on ("12:00 onwards",
    "12:00 น. เป็นต้นไป", "19:00以降"), with no end to give."""
    found = _ONWARDS.match(after_time)
    return found is not None and "ish" not in found.group(0).casefold()


# An agenda's own name over it ("**Ablauf**"), not a session's title
_AGENDA_NAMES = frozenset(
    normalise_label(w)
    for w in (
        *("agenda", "schedule", "program", "programme", "timetable", "ablauf", "programm"),
        *("tagesordnung", "programa", "programma", "ohjelma", "aikataulu", "schema"),
        *("dagsorden", "dagskrá", "cronograma", "расписание", "программа", "프로그램", "일정"),
    )
)
_LABELLED_LINK = compiled(r"^[^:：]{1,40}[:：]\s*<?https?://\S+>?\s*$")
# A remark on the time in brackets, then a dash and the title
_REMARK_FIRST = compiled(r"^[(（][^()（）]{1,80}[)）][\s*_]*[—–-][\s*_]+(?=\S)")
_BRACKETED = compiled(r"^\s*[(（]\s*([^()（）]+?)\s*[)）]")
_BRACKETED_ANYWHERE = compiled(r"[(（]\s*([^()（）]{1,24}?)\s*[)）]")
_BOOK_TITLE = compiled(r"[《「『“\"](.+?)[》」』”\"]")
# "Room 1", "Main hall", "Salle B", "会场A": a part of a time line that names where, not who.
_ROOM = compiled(
    r"(?i)^(?:\w+\s+)?(?:room|hall|salle|sala|saal|raum|zaal|stage|auditorium|auditório|auditorio|"
    r"anfiteatro|átrio|atrio|cantina|refeitório|comedor|patio|pátio|terraza|breakout rooms?|"
    r"restaurant|restaurante|ristorante|"
    r"amphi(?:théâtre)?|aula|theat(?:re|er)|ballroom|track|foyer|lobby|atrium|terrace|lounge|"
    r"courtyard|rooftop|plenary|level\s*\d|floor\s*\d|salón|salon\s+\w|lab\s*\d|(?:data|fab|maker)lab|"
    r"laborat[oó]ri[oa]?|laboratoire|kantin[ae]n?|canteen|cafeteria|mensa|foaj[ée](?:en)?|aud\.?\s*\d|"
    # compounds: "Hörsaal 1", "Seminarraum", "Vergaderzaal", "Hörsalen"
    r"\w{2,}(?:saal|raum|zaal)|\w*h[öo]rsal(?:en)?|"
    r"αίθουσα|αιθουσα|αμφιθέατρο|αμφιθεατρο|зал|аудитория|аудиторія|амфитеатр)\b"
    r"|^(?:会场|會場|会議室|会場|部屋|ホール|教室)|^\w*(?:ホール|홀|볼룸|룸)\b|^[主分]?(?:会场|會場)"
    # "第一會議室 R1", "3F 國際會議廳", "2층 세미나실": a room word after its number or floor
    r"|^\S{0,8}?(?:會議室|会议室|會議廳|会议厅|講堂|讲堂|禮堂|礼堂|演講廳|演讲厅|多功能廳|多功能厅"
    r"|セミナールーム|세미나실|강의실|회의실|강당)"
)
# A room after a title: "Workshop: Kubernetes debugging clinic (Room B)", "… @ Saal A",
# "… ＠ホールA".
_ROOM_AFTER = compiled(
    r"\s*(?:[(（]\s*([^()（）]{1,40}?)\s*[)）]|[@＠]\s*([^@＠]{1,40}?)|\s[·|]\s+([^·|]{1,40}?)"
    r"|\s[—–]\s+([^—–·|]{1,40}?))\s*$"
)  # "… (Room B)", "… @ Saal A", "… — Priya Raman · Room D135", "Lunch — Level 3 foyer"


_ROOM_BRACKETED_AFTER = compiled(r"\s*[(（]\s*([^()（）]{1,40}?)\s*[)）]\s*$")


# (no dash in a room's name: "Auditorio — Gutenberg en 2025: …" is a room, then a title)
_ROOM_BEFORE = compiled(
    r"^\s*(?:\[([^\[\]]{1,40})\]|[*_]*([^:：*_—–]{1,40}?)[*_]*\s*[:：][*_]*)\s*"
)


# "10h45 – 11h30 · deux sessions en parallèle :", "Breakout sessions", "Laboratori in parallelo":
# a slot whose nested items, each in its room, are the sessions.
_PARALLEL = compiled(
    r"(?i)paral?l[eè]l|simult[aá]ne|gleichzeitig|breakouts?\b|同时进行|同時|並行|并行|분과"
    r"|\b(?:pick|choose) one\b|au choix|a elegir|à escolha"
)
_NUMBERED_PLACE = compiled(r"[^\W\d_][\w.-]{1,20}\s+\d{1,3}[A-Za-z]?")  # "Datalab 1", "Aula 3"
_DASHES = compiled(r"\s+[—–]\s+")
_BRACKETED_ROOM = compiled(r"\s*[(（]([^()（）]{2,40})[)）]")
# "**12:30 to 2:00 p.m.**, workshops:": a short label that introduces the items below it.
_INTRODUCES = compiled(r"[^:：]{2,40}[:：]")


def _announces_parallel(title: str) -> bool:
    """Whether a slot's title announces sessions in rooms below it rather than being one."""
    return _PARALLEL.search(title) is not None or _INTRODUCES.fullmatch(title) is not None


# "🟦 Platform (Great Hall): …": a track's name, its room in brackets, a colon.
_TRACK_AND_ROOM = compiled(
    r"^[\W_]*([^\W_][^()（）:：]{0,28}?)\s*[(（]([^()（）]{2,40})[)）]\s*[:：]\s*"
)
_TRACK_IN_BRACKETS = compiled(r"^\[([^\[\]]{1,30})\]\s*")
_ROOM_THEN_HOURS = compiled(r"^\s*[*_]*([^,—–:：*_·]{2,40}?)\s*[,·:]\s*")
_ROOM_DASHED = compiled(r"^\s*[*_]*([^—–:：*_·]{2,40}?)[*_]*\s+[—–·-]\s+")


# A compact schedule's parts ("Doors 6pm, talks 6:30pm, ends 9pm"), each a word or three and
# a time; "ends 9pm", "Ende 21:30", "fin 22h" end the evening.
_COMPACT_PARTS = compiled(r"\s*[,;·|•]\s*|\s+/\s+|\s+(?:then|puis|dann|luego)\s+")
_COMPACT_LEAD = compiled(r"(?i)\s+(?:at|from|um|ab|à|a las|às|dès|vanaf|om)$")
_COMPACT_LABEL = compiled(r"[^\W\d_][^\W\d_'’&+ -]{1,30}")
_START_WORD = compiled(r"(?i)(?:start|begin|beginn|début|inicio|início|inizio|aanvang|alku)")
_END_WORD = compiled(
    r"(?i)(?:ends?|end|finish(?:es)?|close|wrap(?:s| up)?|ende|fin|fine|einde|slut|koniec)"
)
# Words right after a time that make the line a sentence about the time ("の間のみ", "以降は",
# "までに", "之前"), not a session; "から" (from) before a title is only dropped.
_CJK_PROSE_AFTER = compiled(
    r"^[\s*_]*(?:の(?:間|前|後|あいだ)|まで(?:に|は|の)?|以降|以後|以前|以内|以內|頃|ごろ|前後|"
    r"之前|之后|以后)"
)
_CJK_FROM = compiled(r"^[\s*_]*(?:から|より)\s*")
_FOR_THE_START = compiled(r"^[\s*_]*for\s+\d{1,2}[:.h]\d{2}\s*[*_]*\s*[—–:-]?\s*")
# "**6pm for a 6:30 start.**": when to come and when it begins, the evening's hours
_FOR_A_START = compiled(
    r"(?i)^[\s*_]*for\s+an?\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s+start\b"
)
# A sentence about a session that ends by naming who gives it.
_NAMED_AT_END = compiled(
    rf"(?i)(?:^|[.;!?]\s+)(?:{SPEAKER_WORDS}|hosts?|facilitators?|mentors?)\s*[:：]\s*"
    r"([^.;!?]{2,120})[.!]?$"
)
# "by", "par", "von", "por" before the people on the line under a talk.
_BY_WORD = compiled(
    r"(?i)^(?:by|par|von|por|com|con|mit|door|with|presented by|animée? par|a cura di|"
    r"moderated by|hosted by|v/)\s*(?=\w)"  # Danish "v/ Rasmus Kjær" (ved: by)
)
# Emoji and marks before a name on a speaker's line ("🎤 Lucía Fernández", "👤 王磊", "→ Jane").
_LEADING_SYMBOLS = compiled(r"^[^\w(（@]+(?=\w)")


def _unclosed(title: str) -> bool:
    """Whether a title stops inside parentheses or quotes: the source wrapped it."""
    opened = title.count("(") + title.count("（") - title.count(")") - title.count("）")
    quotes = title.count('"') % 2 or title.count("“") > title.count("”")
    return opened > 0 or bool(quotes) or title.count("«") > title.count("»")


# Labels that say who or where, not what: after the event's hours they are no session's title.
_WHO_WHERE = (Role.SPEAKER, Role.LOCATION, Role.VENUE, Role.LINKS)


def is_room(text: str) -> bool:
    """Whether a short text names a room or a track ("Salle Lovelace", "Main Hall", "Room 2")."""
    return len(text) <= 40 and _ROOM.match(text) is not None


def room_around(text: str) -> tuple[str, str | None]:
    """A line's text without the room written before or after it, and the room: "[Hall B]
    핸즈온: …", "**Room 201A:** Screen readers 101", "Room 327 — Async Rust", "… (Room B)",
    "… @ Saal A"."""
    before = _ROOM_BEFORE.match(text) or _ROOM_DASHED.match(text)
    if before is not None and text[before.end() :].strip():
        room = next((g for g in before.groups() if g), "").strip()
        if is_room(room):
            return text[before.end() :], room
    rest, room = room_after(text)
    if room is None:
        # "**Building Maintainer Programs** — Cellar Room — Nadia Kowalski": between two dashes
        parts = _DASHES.split(text)
        for index in range(1, len(parts) - 1):
            if is_room(parts[index].strip(" *_")):
                return " — ".join(parts[:index] + parts[index + 1 :]), parts[index].strip(" *_")
    return rest, room


def room_after(title: str) -> tuple[str, str | None]:
    """A title without the room written after it, and the room ("… (Room B)", "… @ Saal A")."""
    # ("Welcome — Hannah Whitlock, CTO (Library Room)": the room in brackets, not the dash's tail)
    bracketed = _ROOM_BRACKETED_AFTER.search(title)
    if bracketed is not None and bracketed.start() and is_room(bracketed.group(1).strip()):
        return title[: bracketed.start()].rstrip(" ,-–—·|"), bracketed.group(1).strip()
    found = _ROOM_AFTER.search(title)
    if found is None or found.start() == 0:
        return title, None
    room = next((group for group in found.groups() if group), "").strip()
    if not is_room(room):
        return title, None
    return title[: found.start()].rstrip(" ,-–—·|"), room


_CONVERSION_WORDS = frozenset(
    (
        *("and", "und", "the", "for", "you", "are", "time", "local", "on", "is", "or", "in", "at"),
        *("that", "which", "means", "em", "en", "um"),  # "that's 17:00 in London", "22h em Lisboa"
        *("y", "e", "et"),  # "9 p.m. en Buenos Aires y Montevideo"
    )
)
# What may stand between a converted time and its city: "17:00 in London", "22h em Lisboa",
# "18h à Montréal", "15 Uhr in Berlin", "o 9:00 w Warszawie".
_PLACE_PREPOSITIONS = frozenset(("", "in", "em", "en", "à", "a", "au", "um", "im", "w", "v"))
# A remark in brackets (the city of a zone), and a weekday and date beside a converted time.
_BRACKETS_AND_DATES = compiled(
    r"[(（][^()（）]*[)）]"
    rf"|(?<![^\W\d_])(?i:{alternation(w for w in ALL_WEEKDAYS if len(w) >= 3)})(?![^\W\d_])\.?,?"
    r"|\d{1,2}\.?\s+[^\W\d_]{3,12}\.?|[^\W\d_]{3,12}\.?\s+\d{1,2}\b"
)
_WORDS = compiled(r"[^\W\d_]{2,}")


# A city closing the bracket of a time restated there: "(22h00 Lisboa)", "(22:00 em Lisboa)".
_PLACE_IN_BRACKET = compiled(
    r"\s*(?:(?i:em|in|en|à|a|au|um|im|w|v)\s+)?(?P<place>[^()（）\[\]\d,;:]{2,40}?)\s*(?=[)）\]])"
)


def _place_before_bracket(rest: str) -> str:
    """`rest` past the city that closes a restated time's bracket, if a city does."""
    found = _PLACE_IN_BRACKET.match(rest)
    if found is None or place_zone(found.group("place")) is None:
        return rest
    return rest[found.end() :]


def _names_only(text: str) -> bool:
    people = parse_speakers(text)
    return bool(people) and all(looks_like_person(p.name) for p in people)


def _equated(rest: str) -> bool:
    """Whether what follows a time sets it equal to another ("= 17.30 Oslossa"): a conversion."""
    return rest.lstrip(" *_").startswith("=")


def _name_list(text: str) -> list[Speaker]:
    """The people a line lists, when every one is shaped like a name; else none."""
    people = parse_speakers(text)
    return people if all(name_shaped(p.name) for p in people) else []


def bold_line(line: Line) -> bool:
    """A paragraph line that is bold from end to end."""
    return line.inline.bold and not line.depth and not line.heading


_AN_EVENINGS_HOURS = timedelta(minutes=90)


def _hours_reach(span: ClockSpan) -> int:
    """How far under an event's date a time alone may stand and be the event's hours: right
    under it, or a few lines on (past the venue's lines) when it spans an evening."""
    if span.end is None:
        return 2
    return 8 if span.length is not None and span.length >= _AN_EVENINGS_HOURS else 2


class SessionLines:
    """Reads session lines into the page's current event."""

    def __init__(self, page: PageReader) -> None:
        self.page = page
        self.pending: PendingTime | None = None  # a time whose title is on the next line
        # The session a paragraph's line gave, while the paragraph goes on (soft-wrapped lines
        # under "**11:00 AM** — Welcome Note" are its speaker and abstract), and its last line.
        self.wrapped_under: tuple[Draft, int] | None = None
        # The last session when it announces parallel ones ("**13:30 – 14:30 — Breakout
        # sessions (pick one)**"): the room items of the list that follows are they.
        self.umbrella: Draft | None = None
        # The line that dated the event with its hours and a title after them ("Thursday, March
        # 5, 2026, 12:00–13:00 ET — Supply-chain security"): when a line of the same shape
        # follows, both are sessions on their own dates, not the event and one session.
        self.dated_event_line: tuple[Line, DateMention] | None = None
        self.chained: Draft | None = None  # the last list item placed by its length alone

    def session_line(self, line: Line, span: ClockSpan) -> None:
        text = line.inline.text
        rest, zone = self._strip_zone(text[span.finish :], text[span.begin : span.finish])
        # "10AM PDT / 1PM EDT / 17:00 UTC: Talk": the same instant restated, then the title.
        while (restated := _RESTATED.match(rest)) is not None:
            again = leading_clock_span(rest[restated.end() :])
            if again is None:
                break
            after = rest[restated.end() :]
            rest, other = self._strip_zone(after[again.finish :], after[again.begin : again.finish])
            if other is None:  # "19h00 (22h00 Lisboa) - Abertura": the hour in another city
                rest = _place_before_bracket(rest)
            rest = rest.lstrip(" )）]")  # "19:00 CET (10am PT) — Intro"
            if zone is None and other is not None:
                # "19:50 (22:50 hora de Lisboa)": the time whose zone is said is the one to read
                span, zone = again.moved(len(text) - len(after)), other
        if _equated(rest):
            return  # "klo 18.30 Suomen aikaa = 17.30 Oslossa": the time elsewhere, no session
        if _CJK_PROSE_AFTER.match(rest):
            return  # "**18:30〜19:15 の間のみ**入館可能です", "19:30 以降は入館が難しく…": a rule
        rest = _CJK_FROM.sub("", rest)  # "19:00から 懇親会"
        if _FOR_A_START.match(rest):
            if not (self.page.event.start or self.page.event.sessions or line.heading):
                self.page._event_times(line.number, text)
            return
        rest = _FOR_THE_START.sub("", rest)  # "17:30 for 18:00 — Arrival": come at, start at
        # "5:30 PM - 8:30 PM, at the library" goes on as a sentence; "12:30 to 2:00 p.m.,
        # workshops:" announces the slot's sessions below it.
        sentence_goes_on = re.match(r"^\s*[.,;]\s", rest) is not None and not rest.rstrip(
            " *_"
        ).endswith((":", "："))
        open_on = _ONWARDS.match(rest)  # "8:40pm onwards: Pints at The Brew Dock"
        onwards = goes_on(rest)
        # "- **From 3pm** – 🌭 Sausage sizzle": from then on, with no end
        onwards = onwards or (
            span.end is None and _FROM_BEFORE.search(text, 0, span.begin) is not None
        )
        rest = rest[open_on.end() :] if open_on else rest
        rest = SESSION_LEAD.sub("", rest).strip(" *_")
        rest = _REMARK_FIRST.sub("", rest)  # "02h30 – 03h00 (heure d'hiver) — Point d'étape"
        rest = re.split(r"\s+/\s+\d{1,2}:\d{2}", rest, maxsplit=1)[0]  # "開場 / 19:30 開始"
        if re.fullmatch(r"[(（][^()（）]*[)）]", rest):
            rest = ""  # "6:30 – 9:00 PM (Arizona time — no daylight saving!)": a note, not a title
        if self._titled_by_heading(line, span, zone, rest):
            return
        length = _OWN_LENGTH.search(rest) if span.end is None and span.duration is None else None
        if length is not None and not _SPEAKER_BEFORE.search(rest, 0, length.start()):
            length = None  # "Intervalo (15 min)": a remark of the title's, kept as written
        if length is not None:
            rest = rest[: length.start()].rstrip(" ,，")  # "… – Tan Wei Jie, GovTech (30 min)"
        rest, room = room_around(rest)  # "… – Sabine Krüger @ Saal A", "[Hall B] 핸즈온: …"
        title, speakers = split_title_and_speakers(rest)
        title = _bold_in_a_sentence(title, line.inline.strong)
        self.pending = None
        event = self.page.event
        said_who = split_label(title) if title else None  # "8:00 AM PT · Host: @mkowalski"
        if (
            not line.heading
            and event.first_day
            and event.start is None
            and not event.sessions
            and 0 < line.number - (event.stated_line or event.section) <= _hours_reach(span)
            and (
                not title
                or sentence_goes_on
                or (said_who is not None and said_who[0] in _WHO_WHERE)
                # "6:00 PM - Mar 8, 1:00 AM HST" under "Friday, March 7"
                or across_days(text, find_dates(text), find_clock_spans(text)) is not None
            )
        ):
            self.page._event_times(line.number, text)  # "5:30 PM - 8:30 PM PST" under the date
            return
        if not title:
            # "**6:30 PM – 7:00 PM**" or "### 9:00 AM" with the title on the lines below.
            # (a bold time alone in its paragraph heads the bullets below it as a heading does)
            # (and so does a bold time alone in a list item over the items nested in it)
            alone = line.inline.bold and line.wrapped == ("", "")
            self.pending = PendingTime(
                span, zone, line.number, bool(line.heading), bool(line.heading) or alone, line.depth
            )
            self.page.list_session = self.page.block_session = None
            return
        draft = self._add_session(line, span, zone, title, speakers)
        draft.location = room or draft.location
        draft.onwards = onwards
        if length is not None:
            draft.duration = timedelta(minutes=int(length.group(1)))

    def conversion(self, text: str, *, continued: bool = False) -> bool:
        """Whether a line only gives one time in several zones: the event's known time again in
        three zones or more ("Time zones: 13:00 UTC is 06:00 PDT · 09:00 EDT · 15:00 CEST"),
        with no title ("10AM PDT / 1PM EDT / 17:00 UTC: Talk" has one), or times each with its
        zone and nothing else ("07:00 PST (San Francisco) · 10:00 EST (New York)")."""
        return self._known_time_again(text) or self._one_time_in_several_zones(text, continued)

    def _known_time_again(self, text: str) -> bool:
        if self.page.event.start is None:
            return False  # (the first to say it gives the event's time: "Time: 10 AM PT / 1 PM ET")
        spans = find_clock_spans(text)
        if len(spans) < 3 or find_dates(text):
            return False  # (with a date, the event's date line: "June 17 · 8:30 AM PT / …")
        mentions = self.page.resolver.find(text)
        starts = {m.start for m in mentions}
        if sum(1 for s in spans if any(s.finish <= at <= s.finish + 2 for at in starts)) < 3:
            return False
        rest = list(text)
        for begin, end in [(s.begin, s.finish) for s in spans] + [
            (m.start, m.end) for m in mentions
        ]:
            rest[begin:end] = " " * (end - begin)
        words = re.findall(r"[^\W\d_]{3,}", "".join(rest)[spans[0].begin :])
        return all(w.casefold() in _CONVERSION_WORDS for w in words)

    def _titled_by_heading(
        self, line: Line, span: ClockSpan, zone: ZoneMention | None, rest: str
    ) -> bool:
        """ "### Keynote: Open source sustainability" over "**10:00 – 10:45** · Fiona Campbell":
        the heading right above a time line is the session's title; the line gives its time and
        what follows the time, its speakers and room ("*10:00 – 10:45, Room 1*")."""
        page = self.page
        heading = page.heading_title
        if heading is None or line.heading or line.depth or page.texts[-1:] != [heading[::-1]]:
            return False  # a list under a heading is the heading's agenda, not one session
        if find_dates(line.inline.text[: span.begin]):
            return False  # "## July meetup" over "Thursday 10 July, 18:30": the event's date
        speakers: list[Speaker] = []
        location = None
        previous = None  # the part before, when it was a person without an affiliation
        for written in re.split(r"\s*[·•|,，]\s*", rest):
            part = _SPEAKER_LABEL.sub("", written.strip(" *_")).strip(" *_")
            part = _MARKS_BEFORE.sub("", part)  # "📍 Foyer"
            if not part or _LENGTH_OR_LEVEL.fullmatch(part):
                continue  # "60 min", "Intermediate": what a session export says of each talk
            person = looks_like_person(part)
            if person is not None:
                speakers.append(person)
            elif location is None and _ROOM.match(part):
                location = part
            elif previous is not None and speakers and speakers[-1] is previous:
                # "Speaker: **Aditi Deshpande**, core contributor": her affiliation
                speakers[-1] = replace(previous, affiliation=part)
            else:
                return False  # "## Morning" over "09:00 Registration": the line has its title
            previous = person if person is not None and person.affiliation is None else None
        self.pending = None
        draft = self._add_session(line, span, zone, heading[0], speakers)
        draft.location = location
        draft.depth = 0
        page.title_candidate = None
        page.list_session = None
        page.block_session = draft  # the speaker and abstract lines below are this session's
        return True

    def title_then_time(self, line: Line) -> bool:
        """ "### Keynote — 10:00–10:45", "- Welcome (18:30)", "- Talk Go generics, 19:00 – 19:45",
        "**Lunch** (12:00–13:00)": a title, then the session's time."""
        found = _title_then_time(line.inline.text, self._strip_zone)
        if found is None:
            return False
        title, span, zone = found
        if self._details_of_a_listed_talk(span):
            return True  # "### Keynote: Small teams" / "**Niamh Ó Briain** · Main Hall · 09:30"
        rest_title, speakers = split_title_and_speakers(title)
        self.pending = None
        draft = self._add_session(line, span, zone, rest_title or title, speakers)
        if not line.depth:
            self.page.block_session = draft  # "**Keynote** (10:00)" over its speaker's name
        return True

    def heading_over_prose(self, line: Line) -> bool:
        """ "### Sauna & networking evening" over "Thursday evening we take over Löyly from
        18.00 to 22.00": a part of the programme told in a paragraph under its own heading,
        once the page has an agenda. The heading titles it; the one range in the text times it."""
        page = self.page
        heading, event = page.heading_title, page.event
        if heading is None or line.depth or not event.sessions or page.day is None:
            return False
        if not 0 < line.number - heading[1] <= _HEADING_REACH or find_dates(line.inline.text):
            return False
        spans = find_clock_spans(line.inline.text)
        if len(spans) != 1 or spans[0].end is None or is_room(heading[0]):
            return False
        span = spans[0]
        before = line.inline.text[: span.begin]
        if before.count("(") + before.count("（") > before.count(")") + before.count("）"):
            return False  # "(das 7h às 9h no sábado)": a remark in brackets, not a part of it
        if (span.start, span.end) == (event.start, event.end) or any(
            d.start == span.start and d.day == page.day for d in event.sessions
        ):
            return False  # the event's hours said again, or a session the agenda lists
        self._add_session(line, span, None, heading[0], []).told_apart = True
        page.heading_title = None
        return True

    def _details_of_a_listed_talk(self, span: ClockSpan) -> bool:
        """A line under a heading that names a session the agenda already lists at that time:
        the talk's details block, not another session."""
        heading = self.page.heading_title
        if heading is None:
            return False
        key = _WORDS.findall(heading[0].casefold())
        listed = next(
            (
                d
                for e in self.page.events
                for d in e.sessions
                if d.start == span.start
                and d.line < heading[1]
                and _same_title(key, _WORDS.findall(d.title.casefold()))
            ),
            None,
        )
        if listed is None:
            return False
        self.page.block_session = listed
        self.page.heading_title = None
        return True

    def compact_schedule(self, line: Line) -> bool:
        """ "Doors 6pm, talks 6:30pm, ends 9pm.", "Einlass 18:30 · Vorträge 19:00 · Ende 21:30":
        a whole evening on one line, each part a word or two and a time."""
        event = self.page.event
        if event.first_day is None or event.sessions or line.heading:
            return False
        if len(find_clock_spans(line.inline.text)) < 2:
            return False
        parts = _COMPACT_PARTS.split(line.inline.text.strip().rstrip(".!"))
        if not 2 <= len(parts) <= 8:
            return False
        items: list[tuple[str, ClockSpan]] = []
        for part in parts:
            spans = find_clock_spans(part)
            if len(spans) != 1:
                return False
            before = part[: spans[0].begin].strip(" :–—-")
            after = part[spans[0].finish :].strip(" :–—-")
            label = _COMPACT_LEAD.sub("", before) or after
            if (before and after) or not _COMPACT_LABEL.fullmatch(label):
                return False
            items.append((label, spans[0]))
        if sum(1 for label, _ in items if not _END_WORD.fullmatch(label)) < 1:
            return False
        for label, span in items:
            if _START_WORD.fullmatch(label):
                continue  # "Start 18:30": where the agenda below begins, no session of its own
            if _END_WORD.fullmatch(label):
                event.end = event.end or span.start
            else:
                draft = self._add_session(line, span, None, label[:1].upper() + label[1:], [])
                draft.summary = True
        self.page.list_session = self.page.block_session = None
        return True

    def dated_session(self, line: Line, mention: DateMention) -> bool:
        """ "6 月 11 日 凌晨 1:00 — 主题演讲直播", "Mar 3, 4pm - 5pm: Talk": a session with its date."""
        text = line.inline.text
        if (
            not (self.page.event.stated_line or self.page.event.sessions)
            or SESSION_LEAD.sub("", text[: mention.begin]).strip()
        ):
            return False
        after = text[mention.finish :]
        lead = re.match(r"^[\s,，:：|·—–-]*", after)
        offset = mention.finish + (lead.end() if lead else 0)
        span = leading_clock_span(text[offset:])
        if span is None:
            return False
        rest = self._strip_zone(
            text[offset + span.finish :], text[offset:][span.begin : span.finish]
        )[0]
        if self._opens_next_event(SESSION_LEAD.sub("", rest).strip(" *_")):
            return False  # the event lines start the next event with its date and hours
        if not SESSION_LEAD.sub("", rest).strip(" *_"):
            return False
        known = self.page.day or self.page.event.first_day
        if known is not None and mention.year is not None:
            try:
                stated = date(mention.year, mention.month, mention.day)
            except ValueError:
                stated = known
            if abs((stated - known).days) > DAYS_OF_ONE_EVENT:
                return False  # "**Thursday, 14 November 2024, 8:00–9:30 PM**": the next event
        self._first_dated_line_too()
        resolved = self.page.resolve_date(mention, line.number)
        if resolved is None:
            return True
        self.page.day = resolved[0]
        moved = span.moved(offset)
        self.session_line(line, moved)
        return True

    def length_item(self, line: Line) -> bool:
        """ "1. Opening words (10 min) — Amandine Leroy" in a list under "starting 16:00": an
        agenda of lengths, each item starting where the one before it ends."""
        event = self.page.event
        if not line.depth or line.heading or event.start is None:
            return False
        if not event.sessions:
            self.chained = None
        elif self.chained is None or event.sessions[-1] is not self.chained:
            return False
        text = line.inline.text
        if find_clock_spans(text):
            return False
        length = next(
            (
                (m, found)
                for m in _BRACKETED_ANYWHERE.finditer(text)
                if (found := cell_duration(m.group(1))) is not None
            ),
            None,
        )
        if length is None:
            return self._last_of_the_lengths(line, text)
        match, amount = length
        before = text[: match.start()].strip(" *_")
        after = text[match.end() :].strip(" *_").lstrip("—–-:| ")
        # ("(5 min) Welcome, new attendees": the length first, the title after it)
        said = f"{before} — {after}" if before and after else before or after
        title, speakers = split_title_and_speakers(said)
        title = title.rstrip(" —–-:|")
        if not title:
            return False
        start = event.start if self.chained is None else self.chained.end
        assert start is not None
        span = ClockSpan(start, add_clock(start, amount), amount, 0, 0)
        self.pending = None
        self.chained = self._add_session(line, span, None, title, speakers)
        return True

    def _last_of_the_lengths(self, line: Line, text: str) -> bool:
        """ "8. Wrap up, then we'll head over to the Exeter" after items with lengths: the next
        session, from where the one before it ends, with no end of its own; the chain stops."""
        chained = self.chained
        if chained is None or chained.end is None or line.depth != chained.depth:
            return False
        headings = self.page.heading_lines
        if headings and chained.line < headings[-1]:
            return False  # ("### Open action items" below the agenda: another section's list)
        title, speakers = split_title_and_speakers(text.strip(" *_"))
        if not title or len(title) > 120:
            return False
        span = ClockSpan(chained.end, None, None, 0, 0)
        self.pending = None
        self._add_session(line, span, None, title, speakers)
        self.chained = None
        return True

    def _first_dated_line_too(self) -> None:
        """A second "date, hours — title" line in a row: the first one, which dated the event,
        was a session of its own date as well."""
        first, self.dated_event_line = self.dated_event_line, None
        event = self.page.event
        if first is None or event.sessions or first[0].number != event.stated_line:
            return
        day = self.page.day
        if self.dated_session(*first) and event.sessions:
            event.start = event.end = None
            event.alternates = []
        self.page.day = day

    def _opens_next_event(self, rest: str) -> bool:
        """ "## July meetup" then "Thursday 10 July 2025, 18:30–21:00, London" on a page whose
        June meetup already has its date and sessions (or hours): a date and hours with nothing
        after them but a place are the next event's, not a session titled "London"."""
        page = self.page
        event = page.event
        heading = page.heading_since_event
        if (
            heading is None
            or event.first_day is None
            or not (event.sessions or event.start is not None)
            or heading[1] <= max(event.stated_line, event.section)
        ):
            return False
        for place in reversed(find_places(rest)):
            rest = rest[: place.start] + rest[place.end :]
        return not rest.strip(" ,，·|()（）-–—")

    def label_first(self, line: Line, labeled: tuple[Role, str, str] | None) -> bool:
        """ "Doors: 18:00", "开场：14:00 - 14:10", "分享一：14:10 - 14:50 《题目》 王磊"."""
        if labeled is not None and labeled[0] in (Role.TIME, Role.DATE, Role.ZONE):
            return False
        match = _LABEL_FIRST.match(line.inline.text)
        if match is None or find_dates(match.group("label")):
            return False
        between = line.inline.text[match.end("label") : match.start("value")]
        if (
            match.group("label").rstrip(" *_")[-1:].isdigit()
            and match.group("value")[:1].isdigit()
            and not between.endswith((" ", "\t"))
        ):
            return False  # "Go generics (19:00–19:45)": the colon is the clock's, not a label's
        value = match.group("value")
        day_first = _DAY_THEN_FROM.match(value)
        value = value[day_first.end() :] if day_first else value
        since = _FROM.match(value)
        value = _FROM.sub("", value)  # "Drinks: from 5:30pm"
        span = leading_clock_span(value)
        if span is None:
            return False
        rest, zone = self._strip_zone(value[span.finish :], value[span.begin : span.finish])
        if _equated(rest):
            return True  # "Striimataan: klo 18.30 Suomen aikaa = 17.30 Oslossa": elsewhere
        rest = SESSION_LEAD.sub("", rest).strip(" *_")
        label = _LABEL_VERB.sub("", _MARKS_BEFORE.sub("", match.group("label")).strip(" *_"))
        quoted = _BOOK_TITLE.search(rest)
        if quoted is not None:
            title = quoted.group(1).strip()
            after = rest[quoted.end() :].strip(" ,，、-–—")
            speakers = parse_speakers(after) if after else []
        elif len(rest.strip("()（）")) > 3 and since is None:
            title, speakers = split_title_and_speakers(rest)
        else:  # ("Drinks: from 5:30pm at The Brew Dock": the rest says where)
            title, speakers = label, []
        shifted = ClockSpan(
            span.start,
            span.end,
            span.duration,
            0,
            0,
            span.twelve_hour,
            span.overnight,
            span.twenty_four,
        )
        draft = self._add_session(line, shifted, zone, title, speakers)
        if day_first is not None:
            draft.day = self._day_of_event(
                ALL_WEEKDAYS[day_first.group("wd").casefold()], draft.day
            )
        return True

    def _day_of_event(self, weekday: int, day: date | None) -> date | None:
        """The day of the event that falls on `weekday` (else `day`)."""
        event = self.page.event
        first = event.first_day or day
        if first is None:
            return day
        last = max(event.last_day or first, day or first)
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        return next((d for d in days if d.weekday() == weekday), day)

    def _one_time_in_several_zones(self, text: str, continued: bool = False) -> bool:
        """ "07:00 PST (San Francisco) · 10:00 EST (New York) · 16:00 CET (Berlin, Paris)": a
        line of times each in its own zone and nothing else, a conversion for readers elsewhere
        (not "10AM PDT / 1PM EDT: Talk", which goes on to name a session)."""
        spans = find_clock_spans(text)
        # (the first to say it gives the event's time, "10 AM PT / 1 PM ET", unless it says it
        # in three places or more: "14:00 UTC = 07:00 San Francisco · 10:00 New York · …")
        # (two are enough on a line that goes on from the one above: "¿Nos sigues desde otro
        # país? Arrancamos a las 7 p.m. en Lima · 6 p.m. en CDMX ·" / "8 p.m. en Santiago · 9
        # p.m. en Buenos Aires y Montevideo.")
        if len(spans) < (2 if self.page.event.start is not None or continued else 3):
            return False
        kept = list(text)
        zones = set()
        for span in spans:
            rest, zone = self._strip_zone(text[span.finish :], text[span.begin : span.finish])
            if zone is None:
                rest, place = self._strip_place(rest)
                if place is None:
                    return False
                zones.add(place)
            else:
                zones.add(zone.text.casefold())
            kept[span.begin : len(text) - len(rest)] = " " * (len(text) - len(rest) - span.begin)
        left = _BRACKETS_AND_DATES.sub(" ", "".join(kept))
        for found in reversed(find_places(left)):  # "9 p.m. en Buenos Aires y Montevideo"
            left = left[: found.start] + " " + left[found.end :]
        words = [w for w in _WORDS.findall(left) if w.casefold() not in _CONVERSION_WORDS]
        return len(zones) >= 2 and not words

    @staticmethod
    def _strip_place(rest: str) -> tuple[str, str | None]:
        """ "07:00 San Francisco · …", "17:00 in London", "22h em Lisboa": the text after a
        time without the city it is for."""
        places = find_places(rest[:40])
        if places and rest[: places[0].start].strip(" (（").casefold() in _PLACE_PREPOSITIONS:
            return rest[places[0].end :].lstrip(" )）"), places[0].text.casefold()
        return rest, None

    def _strip_zone(self, rest: str, clock: str) -> tuple[str, ZoneMention | None]:
        """`rest` without the zone it opens with, and that zone: the text after a time written
        as `clock`, beside which a region word is a zone too ("9am Pacific (that's 17:00 in
        London)", "7pm Eastern — Keynote")."""
        mentions = [
            replace(m, start=m.start - len(clock), end=m.end - len(clock))
            for m in self.page.resolver.find(clock + rest[:40])
            if m.start >= len(clock)
        ]
        if mentions and not SESSION_LEAD.sub("", rest[: mentions[0].start]).strip():
            return rest[mentions[0].end :], mentions[0]
        # "20:00-21:00（北京时间）第一期：…", "12:00 (ET) Talk": the zone in brackets.
        bracketed = _BRACKETED.match(rest)
        if (
            mentions
            and bracketed
            and bracketed.start(1) <= mentions[0].start
            and mentions[0].end == bracketed.end(1)
            # (not "(22:50 hora de Lisboa)": the zone of the other time in the bracket)
            and leading_clock_span(rest[bracketed.start(1) : mentions[0].start]) is None
        ):
            return rest[bracketed.end() :], mentions[0]
        return rest, None

    def _add_session(
        self,
        line: Line,
        span: ClockSpan,
        zone: ZoneMention | None,
        title: str,
        speakers: list[Speaker],
    ) -> Draft:
        # "🚀 Hacking starts (ends 11:00 Sunday)": the end on that weekday, after the start
        on_day = own_end_on_a_later_day(title, self.page.day) if span.end is None else None
        if on_day is not None:
            title, span = on_day[0], span.ending_at(on_day[1])
        elif span.end is None:
            written, (title, end) = title, own_end(title)
            if end is None:
                title, end = own_range(title, span.start)
            elif end < span.start and end.hour < 12 <= span.start.hour and not _AM.search(written):
                later = end.replace(hour=end.hour + 12)  # "7:45 PM — …, out by 8:15"
                end = later if later > span.start else end
            if end is not None:
                span = span.ending_at(end)
        else:
            # "Hands-on lab (1:35pm – 3:35pm): …" in the 1:35–2:20 slot: its own hours
            title, end = own_range(title, span.start)
            span = span if end is None else span.ending_at(end)
        title, room = room_after(title)
        draft = Draft(line.number, title, self.page.day, span.start, span.end, depth=line.depth)
        draft.written = line.inline.text
        draft.last_day = on_day[2] if on_day else end_weekday_day(self.page.day, span)
        # Where: written after the title, else the room the list or the heading above names.
        above = self.page.list_room
        draft.location = (
            room
            or (above[0] if above is not None and line.depth > above[1] else None)
            or self.page.heading_room
        )
        draft.stated_duration = span.duration
        draft.twelve_hour = span.twelve_hour
        draft.twenty_four_hour = span.twenty_four
        draft.overnight = span.overnight
        if span.end is None and span.duration is not None:
            draft.duration = span.duration
        draft.speakers.extend(speakers)
        draft.links.extend(line.inline.links)
        if zone is not None:
            draft.zone, draft.zone_line = zone, line.number
        self.page.event.sessions.append(draft)
        self.page.heading_title = None
        self.page.list_session = draft if line.depth else None
        # A session heading ("### 14:00 Keynote") owns the lines under it: speaker, abstract; so
        # does a bold line ("**오후 7:10 ~ 7:50 | React Server Components**") over its bullets.
        self.page.block_session = draft if line.heading or bold_line(line) else None
        self.wrapped_under = (draft, line.number) if line.wrapped[1] else None
        self.umbrella = draft if _announces_parallel(draft.title) else None
        return draft

    def opening_item(self, line: Line, span: ClockSpan, title: str) -> None:
        """ "* **Einlass ab 18:30 Uhr** – Pizza, Mate & Bier" at the top of a list: a session at
        its time titled by the words before it (what follows a dash is a remark)."""
        self._add_session(line, span, None, title, [])

    def parallel_list_item(self, line: Line) -> bool:
        """A list item naming a room and a session, in the list under a slot that announced
        parallel sessions ("- *Main Hall:* Compose clinic — Dennis Kibet")."""
        umbrella = self.umbrella
        if umbrella is None or line.depth <= umbrella.depth or line.heading:
            return False
        text = line.inline.text
        if leading_clock_span(text) or after_time_words(text):
            self.umbrella = None  # "- **14:30 – 15:15** Panel": the agenda goes on
            return False
        return self._parallel_item(umbrella, line)

    def _parallel_item(self, umbrella: Draft, line: Line) -> bool:
        """ "  - Amphi Fermat : *DuckDB en production* — Sophie Marchetti" under "10h45 – 11h30 ·
        deux sessions en parallèle :": a session of that slot in its room; the slot's own line
        gives way to them."""
        if not _announces_parallel(umbrella.title):
            return False
        text = line.inline.text
        own = _ROOM_THEN_HOURS.match(text)
        span = leading_clock_span(text[own.end() :]) if own is not None else None
        if own is not None and span is not None and is_room(own.group(1).strip()):
            # "**Sala Beberibe, 11h00 – 11h45** — *Game dev independente*, com Érica Lacerda"
            rest = text[own.end() + span.finish :].lstrip(" *_—–-:")
            title, speakers = split_title_and_speakers(rest.strip())
            if title:
                self._in_parallel(
                    umbrella, line, title, speakers, room=own.group(1).strip(), span=span
                )
                return True
        rest, room = room_around(text)
        dashed = _ROOM_DASHED.match(text) if room is None else None
        if dashed is not None and is_room(dashed.group(1).strip()):
            rest, room = text[dashed.end() :], dashed.group(1).strip()
        labelled = _ROOM_BEFORE.match(text) if room is None else None
        if labelled is not None and text[labelled.end() :].strip():
            # "*Lab 2:* Hands-on: …" under the slot: a short label is where, whatever its word
            label = (labelled.group(1) or labelled.group(2) or "").strip()
            if 0 < len(label) <= 30 and len(label.split()) <= 4:
                rest, room = text[labelled.end() :], label
        if room is None:
            # "Gruppe A – Havmodellering (Datalab 1), veileder Dr. Erik Solberg" under "09.00–12.00
            # Gruppearbeid i to parallelle spor:": a room in brackets inside, or none at all
            inside = next(
                (
                    m
                    for m in _BRACKETED_ROOM.finditer(text)
                    if is_room(m.group(1).strip()) or _NUMBERED_PLACE.fullmatch(m.group(1).strip())
                ),
                None,
            )
            if inside is not None:
                rest, room = text[: inside.start()] + text[inside.end() :], inside.group(1).strip()
            elif _PARALLEL.search(umbrella.title) is None or line.wrapped[0]:
                return False  # (nor the wrapped second line of an item: "(bring a laptop)")
        title, speakers = split_title_and_speakers(rest.strip())
        if not title:
            return False
        self._in_parallel(umbrella, line, title, speakers, room=room, span=None)
        return True

    def _in_parallel(
        self,
        umbrella: Draft,
        line: Line,
        title: str,
        speakers: list[Speaker],
        *,
        room: str | None,
        span: ClockSpan | None,
    ) -> None:
        """One of the parallel sessions of the slot `umbrella`, in its place, at the slot's
        hours or its own (`span`)."""
        sessions = self.page.event.sessions
        sessions[:] = [s for s in sessions if s is not umbrella]
        draft = replace(
            umbrella,
            line=line.number,
            title=title,
            speakers=speakers,
            location=room,
            links=list(line.inline.links),
            description=None,
            depth=line.depth,
        )
        if span is not None:
            draft.start, draft.end = span.start, span.end or umbrella.end
        sessions.append(draft)

    def wrapped_line(self, line: Line) -> bool:
        """A line soft-wrapped under a session's line in its paragraph, without a time of its
        own: the session's speaker, link or abstract."""
        under = self.wrapped_under
        if under is None or under[1] != line.number - 1 or not line.wrapped[0]:
            return False
        draft = under[0]
        if line.depth != draft.depth:
            return False
        text = line.inline.text
        if find_clock_spans(text) or after_time_words(text) or find_dates(text):
            return False  # "Talks begin: 18:45" under "Doors: 18:00": a line of its own
        if _unclosed(draft.title):
            # "… en Rust (y cómo casi" / "me arrepiento) por Martín Echeverría": the title goes on
            title, speakers = split_title_and_speakers(f"{draft.title} {text}")
            draft.title = title
            draft.speakers.extend(speakers)
        else:
            self.attach(draft, line)
        self.wrapped_under = (under[0], line.number)
        return True

    def pending_title(self, line: Line) -> bool:
        """A line under a time that had no title: it is the session (under a time heading,
        each bullet is one of parallel sessions); the lines after it belong to it."""
        pending = self.pending
        if pending is None:
            return False
        roomed = _room_first(line.inline.text) if not line.depth else None
        if pending.taken and line.depth <= pending.depth and not (pending.rooms and roomed):
            if not pending.rooms:
                self.pending = None  # the bullets under a time heading have ended
            return False
        if _LABELLED_LINK.match(line.inline.text) or (
            normalise_label(line.inline.text) in _AGENDA_NAMES
        ):
            return False  # "👉 Anmeldung: https://…", "**Ablauf**" under "🕡 ab 18.30 Uhr"
        parts = [p.strip(" *_") for p in re.split(r"\s+[·•|]\s+", line.inline.text)]
        track = location = None
        under = line.depth > pending.depth
        labelled = _TRACK_AND_ROOM.match(parts[0]) if pending.over_bullets and under else None
        bracketed = _TRACK_IN_BRACKETS.match(parts[0]) if pending.over_bullets and under else None
        if labelled is not None:
            # "🟦 Platform (Great Hall): Internal developer platforms — Liam O'Connor", one of
            # the bullets under a slot's hours: its track, its room, then the session
            track, location = labelled.group(1).strip(), labelled.group(2).strip()
            parts[0] = parts[0][labelled.end() :]
        elif bracketed is not None:  # "[Trilha Web] Next.js sem mistério — Lucas Andrade"
            track, parts[0] = bracketed.group(1).strip(), parts[0][bracketed.end() :]
        elif roomed is not None and len(parts) == 1:
            # "**Auditorio** — [Gutenberg en 2025](…)", "**Sala Laboratorio** — …" under "### 9:45"
            parts[0], location = roomed
            pending.rooms = True
        title, speakers = split_title_and_speakers(parts[0])
        if not title:
            return False
        for part in parts[1:]:
            person = looks_like_person(part)
            if person is not None:
                speakers.append(person)
            elif location is None:
                location = part
        draft = self._add_session(line, pending.span, pending.zone, title, speakers)
        draft.location = location
        draft.track = track or draft.track
        # (a bullet under the time keeps its depth: what is nested deeper is its, the next item
        # at the time's own depth is not)
        draft.depth = line.depth if pending.over_bullets and under and pending.depth else 0
        pending.taken = True
        if not (pending.over_bullets and under):
            self.pending = pending if pending.rooms else None
            self.page.list_session = None
            self.page.block_session = draft
        return True

    def attach(self, session: Draft, line: Line) -> None:
        """A nested bullet or a following line under a session: speakers, slides, abstract."""
        if line.depth > session.depth and self._parallel_item(session, line):
            return
        inline = line.inline
        labeled = split_label(inline.text)
        if labeled is not None:
            role, label, value = labeled
            if role is Role.SPEAKER:
                # ("Diễn giả: Nguyễn Văn An – Senior Data Engineer, Tiki": one person, her work)
                alone = _person_then_role(value)
                session.speakers.extend([alone] if alone else parse_speakers(value))
            elif role in (Role.LINKS,):
                session.links.extend(links_of(inline, label))
            elif role is Role.DESCRIPTION:
                session.description = value
            elif role in (Role.LOCATION, Role.VENUE):
                session.location = value
            elif role is Role.TRACK:
                session.track = value
            elif inline.links:
                session.links.extend(links_of(inline, label))
            return
        if inline.links:
            session.links.extend(links_of(inline, ""))
            return
        said = _LEADING_SYMBOLS.sub("", inline.text)  # "🎤 Lucía Fernández (Cabify)"
        # ("👤 Faith Njeri — Android Engineer, Twiga Foods" is one person and her work)
        by_role = _person_then_role(said)
        people = None if by_role else several_people(inline.text)
        said = _BY_WORD.sub("", said)  # "par Camille Vasseur (Cobalt Lab)"
        if said != inline.text and people is None and by_role is None:
            people = several_people(said)  # "par Karim Benali et Sophie Ferrand (Métropole)"
        where = said.split(" — ")[0].strip()  # "Plenary (Room 105)" under a talk
        # ("📍 Level 700 Foyer" under a talk: the pin says it is where, room word or not)
        pinned = VENUE_PIN.match(inline.text) is not None and len(where) <= 60
        if session.location is None and not people and (is_room(where) or pinned):
            session.location = where
            return
        person = None if people else looks_like_person(said) or person_with_role(said) or by_role
        if people:
            session.speakers.extend(people)  # "Wanjiru Kamau, Halima Abdi, Esther Wambui"
        elif person is not None:
            session.speakers.append(person)
        elif (
            line.depth > session.depth
            and len(inline.text) <= 80
            and (session.depth or _names_only(inline.text))
            and (listed := _name_list(inline.text))
        ):
            # "  - Jane Roe, Wei Li" under a list item; under a bold line or a heading, only a
            # line of names ("결제 화면을 … 공유합니다." is its abstract); "  - `asyncio`, and why
            # your app is blocking" is the talk's summary
            session.speakers.extend(listed)
        elif (named := _NAMED_AT_END.search(inline.text)) is not None:
            # "ggplot2 from zero to publication-ready. Instructors: Aaliyah Johnson & Wen Li"
            session.speakers.extend(parse_speakers(named.group(1)))
            if session.description is None:
                session.description = inline.text[: named.start()].strip()
        elif session.description is None:
            session.description = inline.text


@dataclass(slots=True)
class PendingTime:
    """A time line that had no title: the next line names the session."""

    span: ClockSpan
    zone: ZoneMention | None
    line: int
    heading: bool
    over_bullets: bool  # each bullet below is a session of these hours (a heading, a bold line)
    depth: int = 0  # the list depth of the time's own line (0: not in a list)
    taken: bool = False
    # its first session was a paragraph opened by its room ("**Auditorio** — …"): each such
    # paragraph after it is another session of these hours, in its own room
    rooms: bool = False


def _bold_in_a_sentence(title: str, strong: tuple[str, ...]) -> str:
    """ "we start with a quick **welcome and club notices** from our president — there's news
    …": in a sentence told after its time, the one phrase in bold names the session."""
    if len(title) <= 80 or len(strong) != 1:
        return title
    phrase = strong[0].strip(" .,:;")
    return phrase if 3 <= len(phrase) <= 60 and phrase in title else title


def _room_first(text: str) -> tuple[str, str] | None:
    """ "Auditorio — Gutenberg en 2025": the text after a room named first, before a dash, and
    the room (not "Lab 1: Deploying …", a session's own label)."""
    found = _ROOM_DASHED.match(text)
    if found is None or not text[found.end() :].strip():
        return None
    room = next((g for g in found.groups() if g), "").strip()
    return (text[found.end() :], room) if is_room(room) else None


def _person_then_role(text: str) -> Speaker | None:
    """ "👤 Wanjiru Kamau — Google Developer Expert (Flutter), Andela": a name, a dash, then
    what the person does and where."""
    name, dash, role = text.partition(" — ")
    if not dash:
        name, dash, role = text.partition(" – ")
    name = name.strip()
    if not (dash and role.strip()):
        return None
    person = looks_like_person(name)
    if person is None and name_shaped(name) and [p.name for p in parse_speakers(name)] == [name]:
        person = Speaker(name)  # "Nguyễn Văn An": a name, though its last word is "an"
    if person is None or person.affiliation is not None:
        return None
    return replace(person, affiliation=role.strip())


def person_with_role(text: str) -> Speaker | None:
    """ "Wei Ling Tan, Platform Engineer, DBS Bank": a name, a role, and the company last."""
    parts = [p.strip() for p in re.split(r"[,，]", text)]
    if len(parts) < 2 or len(text) > 100:
        return None
    person = looks_like_person(parts[0])
    return Speaker(person.name, parts[-1]) if person is not None else None


# What parts a title from the time after it: "Keynote — 10:00", "Welcome (18:30)", "Talk, 19:00".
_BEFORE_TIME = compiled(r"(?:\s+[-–—·•|]\s*|\s*[,，]\s*|\s*[(（]\s*)$")
_TITLE_THEN_TIME_LIMIT = 160
# ") — 5 minutes each, sign up at the door": the time's bracket closes, a dash, a remark
_REMARK_AFTER_BRACKETS = compiled(r"\s*[)）]\s*[—–-]\s+\S")


_WORDS = compiled(r"[^\W_]+")
_AM = compiled(r"(?i)\d\s*a\.?\s?m\b|午前|오전")  # an end the title says is the morning's
_HEADING_REACH = 4  # lines: a paragraph under a heading starts this close to it


def _same_title(one: list[str], other: list[str]) -> bool:
    """ "Lightning talks" and "Lightning talks (5 × 5 min)", "🎤 Keynote — The boring …" and
    "Keynote: The boring …": the same title, one perhaps with a remark after it."""
    shorter, longer = sorted((one, other), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


def _title_then_time(
    text: str, strip_zone: Callable[[str, str], tuple[str, ZoneMention | None]]
) -> tuple[str, ClockSpan, ZoneMention | None] | None:
    """ "Go generics – Jane Roe (19:00–19:45)" -> the title before the time and the time, when
    the time ends the line and the title has no time or date of its own."""
    if len(text) > _TITLE_THEN_TIME_LIMIT:
        return None  # a paragraph that ends with a time is prose, not a session line
    spans = find_clock_spans(text)
    if not spans:
        return None
    span = spans[-1]
    after, zone = strip_zone(text[span.finish :], text[span.begin : span.finish])
    if after.strip(" )）*_") and not _REMARK_AFTER_BRACKETS.match(after):
        return None  # ("Lightning talks (20:15–20:40) — 5 minutes each, …": a remark after it)
    sep = _BEFORE_TIME.search(text, max(0, span.begin - 8), span.begin)
    if sep is None:
        return None
    title = text[: sep.start()].strip(" *_")
    if not title or find_clock_spans(title) or find_dates(title):
        return None
    return title, replace(span, begin=0, finish=0), zone


def bad_time_at_start(text: str) -> BadClock | None:
    """ "25:99 Talk" or "15:30-19:75 Break": a line that starts with an impossible time."""
    for bad in find_bad_clocks(text[:40]):
        before = text[: bad.begin]
        lead = leading_clock_span(before)
        if lead is not None:
            before = before[lead.finish :]
        if not before.strip(" -–—~〜～:：*_[(（.)、・0123456789"):
            return bad
    return None
