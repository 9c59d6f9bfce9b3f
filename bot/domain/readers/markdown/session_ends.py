"""Where each session ends when the page gives only its start: at the next session's start (same
day and track), or at the event's end for the last of a day; and lines such as "20:30 Wrap-up"
that only say when the session before them ends.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.domain.agenda import SessionKind
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.drafts import Draft, EventDraft
from bot.domain.readers.markdown.kinds import kind_of
from bot.domain.timetext.clock import find_clock_spans
from bot.domain.timetext.languages import ALL_WEEKDAYS
from bot.domain.zones.local_time import same_instant

# A draft on its way to a session: the draft, its start, its end if known, its zone.
Built = tuple[Draft, datetime, datetime | None, tzinfo]
# A wall clock time on a day in a zone, as an instant (line number for the notes it gives).
Instant = Callable[[date, time, tzinfo, int], datetime]

_OVERNIGHT_GAP = timedelta(hours=3)
_INTO_THE_NIGHT = timedelta(hours=6)  # the longest an evening item runs to a night one below it
_NIGHT_ENDS = 6  # an item listed after the evening's, before this hour, is the same night's
_GAP_AFTER_AN_END = timedelta(hours=1)
# "until 9:00 PM", "bis ca. 21:30", "do ok. 21:30" (Polish), "hasta las 22:00", "tot 22u"
_UNTIL = compiled(
    r"(?i)(?:\s|[(（]|(?=,))(?:until|till|to|bis|do|tot|jusqu'à|jusqu’à|hasta|até|ate|fino alle"
    # "Wrap-up & group photo, we leave the office by 8:15", "we have to leave the building by 22:00"
    r"|(?:we\s+)?(?:(?:have|need|must|got)\s+to\s+)?(?:leave|vacate|are out of)\s+(?:the\s+\w+\s+)?by"
    # "Closing & thank yous — finish 5.00pm", "Evening jam — venue closes at 22.00, …"
    r"|[-–—,]\s*(?:(?:the\s+)?(?:venue|doors|room|hall|space|bar)\s+)?"
    # ("Pub-Quiz — Ende ca. 22.00 Uhr", "— fin vers 21h")
    r"(?:finish(?:es|ing)?|ends?|ende|fin|einde|wrap(?:s|ping)?(?: up)?|closes?)"
    r"(?:\s+(?:at|by|around|about|um|gegen|vers|om))?)\s+"
    r"(?:(?:about|around|approx\.?|approximately|ca\.?|circa|etwa|gegen|ok\.|około|environ|vers"
    r"|aprox\.?|aproximadamente|las?|às|as|~|±)\s*)?(?:(?:kl\.?|klo|kello)\s*)?"
    r"|(?:至|到|まで)\s*"
    # "pizza i rozmowy do zamknięcia (ok. 22:00)", "Ausklang (ca. 22 Uhr)": a rough time in
    # brackets closing a title is when it ends
    r"|[(（](?=[^()（）]{3,24}[)）]\s*$)(?:about|around|approx\.?|approximately|ca\.|circa|etwa"
    r"|gegen|ok\.|około|environ|vers|aprox\.?|aproximadamente|~|±)\s*"
)


# "Workshop: Building an operator (10:40–13:00)": a session's own hours in brackets.
_OWN_RANGE = compiled(r"\s*[(（]\s*([^()（）]{3,80}?)\s*[)）]")


def own_range(title: str, start: time) -> tuple[str, time | None]:
    """A title that gives its session's own hours in brackets, starting when its row or line
    does ("🛠 Workshop: Building a Kubernetes operator (10:40–13:00)", "LLM 앱 만들기 (11:00 ~
    12:30)", "Crossplane from scratch (11:30am–1:00pm)"), or after a comma ("Workshop: … —
    Daan Mulder (Deque), 13:30–15:00"): the title without them, and the end."""
    for found in _OWN_RANGE.finditer(title):
        said = _range_from(found.group(1), start) if found.start() else None
        # "(13:10 – 14:40, double slot, laptops needed)": a remark may follow, after a comma
        if said is not None and (not said[1] or said[1][0] in ",;"):
            cut = (title[: found.start()] + title[found.end() :]).strip()
            return cut, said[0]
    tail = _OWN_RANGE_AFTER.search(title)
    said = _range_from(tail.group(1), start) if tail is not None and tail.start() else None
    if tail is not None and said is not None and not said[1]:
        return title[: tail.start()].rstrip(" ,·|"), said[0]
    return title, None


def _range_from(text: str, start: time) -> tuple[time, str] | None:
    """The end of the one range `text` opens with, when it starts at `start` (or twelve hours
    from it: "1:30–3:00" in a row of 13:30), and what follows the range."""
    spans = find_clock_spans(text)
    if len(spans) != 1 or spans[0].begin:
        return None
    span = spans[0]
    if span.end is None or start not in (
        span.start,
        span.start.replace(hour=(span.start.hour + 12) % 24),
    ):
        return None
    return span.end, text[span.finish :].strip()


_OWN_RANGE_AFTER = compiled(r"[,·|]\s*([^,·|()（）]{3,40})$")


# "(5:00pm まで)", "(21시까지)": the word for "until" after the time, in Japanese and Korean.
_UNTIL_AFTER = compiled(r"\s*[(（]\s*(?P<at>[^()（）]{2,20}?)\s*(?:まで|迄|까지)\s*[)）]\s*$")


def own_end(title: str) -> tuple[str, time | None]:
    """ "Networking until 9:00 PM", "Networking (bis 22:00 Uhr)", "Borrel tot ca. 21:30",
    "Networking e cerveja até às 21h30", "Networking Reception (5:00pm まで)", "Pizza (ok.
    22:00)": a title that says
    when its session ends, without it."""
    after = _UNTIL_AFTER.search(title)
    if after is not None and after.start() > 0:
        ends = find_clock_spans(after.group("at"))
        if len(ends) == 1 and ends[0].end is None:
            return title[: after.start()].rstrip(" ,-–—"), ends[0].start
    for until in _UNTIL.finditer(title):  # "FastAPI do zero … (até às 13h00)": not "do"
        ends = find_clock_spans(title[until.end() :])
        if not ends or ends[0].begin:
            # (read with the words before it: "(hasta las 22 hs)" is a time after "las")
            said = until.end() - until.start()
            ends = [
                replace(e, begin=e.begin - said)
                for e in find_clock_spans(title[until.start() :])
                if e.begin >= said
            ]
        if ends and ends[0].begin == 0:
            cut = title[: until.start()].rstrip(" (（,-–—")
            return cut or title, ends[0].start
    return title, None


# "Hacking starts (ends 11:00 Sunday)", "(and doesn't stop until code freeze on Sunday at 09:00)":
# brackets saying on which later day, and when, the item ends
_ENDS_ON_A_DAY = compiled(
    r"(?i)\s*[(（][^()（）]{0,30}?\b(?:ends?|until|till|bis|jusqu'à|hasta|até)\b"
    r"(?P<said>[^()（）]{3,50})[)）]"
)
_LETTERS = compiled(r"[^\W\d_]{4,}")


def own_end_on_a_later_day(title: str, day: date | None) -> tuple[str, time, date] | None:
    """A title saying in brackets on which later weekday, and when, its item ends ("Hacking
    starts (ends 11:00 Sunday)" on a Saturday): the title without them, the end and its day."""
    if day is None:
        return None
    for found in _ENDS_ON_A_DAY.finditer(title):
        said = found.group("said")
        spans = find_clock_spans(said)
        days = {
            ALL_WEEKDAYS[w] for w in map(str.casefold, _LETTERS.findall(said)) if w in ALL_WEEKDAYS
        }
        if len(spans) != 1 or spans[0].end is not None or len(days) != 1 or found.start() == 0:
            continue
        ahead = (days.pop() - day.weekday()) % 7
        if ahead:
            cut = (title[: found.start()] + title[found.end() :]).strip()
            return cut, spans[0].start, day + timedelta(days=ahead)
    return None


def fill_ends(
    built: list[Built], event: EventDraft, tz: tzinfo, instant: Instant, headings: list[int]
) -> list[Built]:
    """Rows with a start only end when the next one (same day and track) starts; the last of a
    day ends when the event does, if the page says (`instant` places that end on the clock).

    Sections (`headings`: the lines they start on) that start at the same time are tracks side by
    side: "### 分论坛三"'s last item "15:10 开放讨论", with no end, runs to the day's end, not to the
    next start in "### 分论坛二", which began when it did. An item said to go on ("10 AM onwards Career Fair")
    runs to the day's end too."""
    order = sorted(range(len(built)), key=lambda i: (built[i][1].astimezone(UTC), built[i][0].line))
    result = list(built)
    instants = [built[i][1].astimezone(UTC) for i in order]
    sections = [bisect_right(headings, built[i][0].line) for i in order]
    first_start: dict[int, datetime] = {}
    for section, at_instant in zip(sections, instants, strict=True):
        first_start.setdefault(section, at_instant)
    # For each position, the first later position that starts strictly later: rows that
    # share a start ("10:00 | Talk A", "10:00 | Talk B") are skipped in one step, not n.
    next_later = [len(order)] * len(order)
    for position in range(len(order) - 2, -1, -1):
        following = position + 1
        same = instants[following] == instants[position]
        next_later[position] = next_later[following] if same else following
    overnight = event.through_the_night()  # (its items end each other across the night)
    for position, index in enumerate(order):
        draft, start, end, zone = built[index]
        if end is not None or draft.all_day or draft.moment:
            continue
        for at in range(len(order) if draft.onwards else next_later[position], len(order)):
            later = order[at]
            other, other_start, _, _ = built[later]
            if other.all_day or other.told_apart:
                continue  # (an afterparty told under its own heading ends nothing before it)
            if (
                not draft.track
                and sections[at] != sections[position]
                and first_start[sections[at]] == first_start[sections[position]]
            ):
                continue  # a section that starts when this one does, running beside it
            gap = _on_the_wall(other_start, zone) - _on_the_wall(start, zone)
            if (
                other_start.astimezone(zone).date() != start.astimezone(zone).date()
                and gap > _OVERNIGHT_GAP
                and not overnight
                # ("**8:30 PM** Dinner" over "**12:00 AM** Midnight Maggi" in the day's list:
                # the night goes on, the dinner ends at midnight)
                and not (
                    sections[at] == sections[position]
                    and other.line > draft.line
                    and gap <= _INTO_THE_NIGHT
                    and _on_the_wall(other_start, zone).hour < _NIGHT_ENDS
                )
            ):
                break  # the next day's first item; an overnight event's next item is close
            if draft.track and other.track and draft.track != other.track:
                continue
            end = other_start
            break
        if end is None and draft.onwards:
            day = start.astimezone(zone).date()
            latest = max(
                (e for _, _, e, _ in built if e is not None and e.astimezone(zone).date() == day),
                default=None,
            )
            end = latest if latest is not None and latest > start else None  # the day's end
        if end is None:
            end = _end_from_event_hours(
                event, start, draft, tz, instant, last=position == len(order) - 1
            )
        result[index] = (draft, start, end, zone)
    return result


def _on_the_wall(moment: datetime, zone: tzinfo) -> datetime:
    """What the wall clock says at `moment` ("22:00" to "00:30" is 2 h 30 on the wall, though
    3 h 30 pass on the night the clocks go back)."""
    return moment.astimezone(zone).replace(tzinfo=None)


def _end_from_event_hours(
    event: EventDraft, start: datetime, draft: Draft, tz: tzinfo, instant: Instant, *, last: bool
) -> datetime | None:
    """Where the event's stated end falls for a session starting at `start`, if it ends it
    (`last`: the page's last session)."""
    end = None
    if event.end is not None and event.first_day is not None:
        event_end_day = event.hours_day or event.last_day or event.first_day
        day = start.astimezone(tz).date()
        # The event's end is on its last day; the very last session of a night that
        # crossed midnight ("8 h 00 Remise des prix", then "Les portes ferment à 8 h 30")
        # ends at it on its own day.
        # (not a later day's last session when the hours were said for one day only)
        overnight = event.start is not None and event.end <= event.start
        if day == event_end_day or (
            (overnight or event.hours_day is None) and last and day > event_end_day
        ):
            candidate = instant(day, event.end, tz, draft.line)
            if candidate <= start and overnight and day == event_end_day:
                # "6pm until 12.30am", "23:30 Demos": the night's end, after midnight
                candidate = instant(day + timedelta(days=1), event.end, tz, draft.line)
            if candidate > start:
                end = candidate
    return end


_CLOSING_MARKERS = frozenset(
    (
        "end",
        "the end",
        "end of event",
        *("end of the event", "end of conference", "end of the conference", "end of day"),
        *("end of the day", "end of programme", "end of program"),
        "event ends",
        "close",
        "doors close",
        "doors closed",
        "venue closes",
        "venue closed",
        "building closes",
        "lights out",
        "home time",
        "wrap-up",
        "wrap up",
        "fin",
        "ende",
        "schluss",
        "fim",
        "encerramento",
        "cierre",
        "clôture",
        "終了",
        "閉会",
        "お開き",
        "结束",
        "結束",
        "散会",
        "散會",
        "活动结束",
        "종료",
        "끝",
        *("slut", "slutt", "einde", "koniec", "loppu", "конец", "kraj", "konec"),
        *("סיום", "סוף", "نهاية", "الختام"),  # Hebrew and Arabic: "21:00 — סיום"
    )
)

_MARKER_FIRST_WORDS = frozenset(
    (
        *("end", "done", "fin", "ende", "einde", "chiusura", "fim", "cierre", "encerramento"),
        *("clôture", "kapanış", "zakończenie", "zamknięcie", "закриття", "завершення"),
        *("закрытие", "afsluiting", "avslutning", "lopetus"),
    )
)
# "they kick us out at 9 sharp", "we get kicked out", "Rauswurf": the venue ends the evening.
# "we hand the room over to the next devroom, the day is done": the day ends.
_PUT_OUT = compiled(
    r"\b(?:kicks? us out|kicked out|kick(?:ing)? everyone out|rauswurf"
    r"|hand(?:ing)? (?:the )?(?:room|space|venue|keys) (?:over|back)|the day is done)\b"
)
# "Um 22 Uhr schließt das Haus", "the venue closes", "les portes ferment": the place ends it.
_CLOSES = r"(?:schließt|schliesst|schließen|closes|close|ferme|ferment|cierra|chiude|sluit|fecha)"
_PLACE = (
    r"(?:haus|gebäude|venue|building|doors|türen|salle|portes|local|sala|porte|deuren|gebouw|"
    r"space|room|raum)"
)
_VENUE_CLOSES = compiled(rf"\b{_CLOSES}\b(?:\s+\w+)?\s+{_PLACE}\b|\b{_PLACE}\s+{_CLOSES}\b")
# "Fin / End, on continue au Benelux": a marker word, then a remark after a separator.
_MARKER_THEN_REMARK = compiled(r"^\s*(\w+)\s*(?:[/,:—–]|\s-\s)")


def _venue_closes(text: str) -> bool:
    """ "Schließt das Haus. Übernachten vor Ort ist leider nicht möglich.": its first sentence
    says the place closes."""
    sentence = text.split(". ", 1)[0]
    return len(sentence.split()) <= 6 and _VENUE_CLOSES.search(sentence) is not None


# "Cierre y foto grupal", "Closing & group photo": an end and something to do, a session
_AND_MORE = compiled(r"\s(?:y|and|&|und|e|et|\+|with|con|com|mit|ve|och|og|ja|i|és|și)\s")


_REMARK_SEPARATOR = compiled(r"\s+[—–-]\s+")
_BRACKETED_AFTER = compiled(r"\s*[(（][^()（）]*[)）]\s*$")


def _closing_marker(title: str) -> bool:
    """ "Wrap-up", "Fin", "Fin de l'événement", "Ende", "Chiusura", "終了": only an end."""
    text = title.strip(" .!:：-–—*_🎉👋").casefold()
    # "종료 (뒷풀이는 근처 호프집에서 자유롭게!)", "End (drinks nearby)": the end, and a remark
    text = _BRACKETED_AFTER.sub("", text).strip(" .!:：-–—*_🎉👋") or text
    # "👋 Event ends — go home and sleep": the end, and a remark after a dash
    if _REMARK_SEPARATOR.split(text, maxsplit=1)[0] in _CLOSING_MARKERS:
        return True
    said_first = text.split(",", 1)[0]  # "End of conference, safe travels!" (not "Wrap-up, …")
    if " " in said_first and said_first in _CLOSING_MARKERS:
        return True
    if _AND_MORE.search(re.split(r"[,/]", text, maxsplit=1)[0]):
        return False  # (in its first part: "Fin / End, on continue … et …" is only an end)
    words = text.split()
    remark = _MARKER_THEN_REMARK.match(text)
    return (
        text in _CLOSING_MARKERS
        or _PUT_OUT.search(text) is not None
        or _venue_closes(text)
        or (bool(words) and len(words) <= 4 and words[0].strip(",.") in _MARKER_FIRST_WORDS)
        or (remark is not None and remark.group(1) in _MARKER_FIRST_WORDS)
    )


_AFTER_THE_EVENT = frozenset((SessionKind.NETWORKING, SessionKind.MEAL))


def without_closing_markers(built: list[Built], event_end: datetime | None) -> list[Built]:
    """ "20:30 Wrap-up" as the last line of a day only says when the one before it ends; so does
    "9:00pm Home time" at the event's stated end (not "12:00 onwards: Networking", which goes
    on after it)."""
    built = sorted(built, key=lambda b: (b[1].astimezone(UTC), b[0].line))
    days = [b[1].astimezone(b[3]).date() for b in built]
    kept: list[Built] = []
    for index, item in enumerate(built):
        draft, start, end, _zone = item
        last_of_day = index + 1 == len(built) or days[index + 1] != days[index]
        # "17h00 Fim do primeiro dia", then "20h00 Jantar": an end, then an evening after a gap
        before_a_gap = not last_of_day and built[index + 1][1] - start >= _GAP_AFTER_AN_END
        # (its end, if any, only the next item's start: the page gave it none)
        ends_a_day = (last_of_day and end is None) or (
            before_a_gap and draft.end is None and draft.duration is None
        )
        if not ends_a_day or draft.speakers or draft.onwards or not kept:
            kept.append(item)
            continue
        if _closing_marker(draft.title) or (
            event_end is not None
            and same_instant(start, event_end)
            # (not "18:00 〜 懇親会" at the end of a 13:00–18:00 event: the party comes after it)
            and kind_of(draft.title) not in _AFTER_THE_EVENT
        ):
            continue
        kept.append(item)
    return kept
