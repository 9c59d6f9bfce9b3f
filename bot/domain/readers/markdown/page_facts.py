"""What a page says outside its agenda, read once the walk is done: the event's date in prose
("on Thursday, March 6th"), its length ("for three hours", "约 2 小时"), when it ends ("we wrap up
by 8:30pm"), and every time the page writes unambiguously ("Doors open at 6 PM")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, time, timedelta
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING

from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Line
from bot.domain.readers.markdown.drafts import Draft, EventDraft, add_clock
from bot.domain.readers.markdown.speakers import split_title_and_speakers
from bot.domain.timetext.clock import ClockSpan, find_clock_spans
from bot.domain.timetext.dates import DateMention
from bot.domain.timetext.durations import find_prose_duration

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

_END_PHRASE = compiled(
    r"(?i)\b(?:wrap(?:s|ping)?(?: (?:up|things up))?|end(?:s|ing)?|finish(?:es|ed|ing)?|"
    r"clos(?:e|es|ing)(?: the doors)?|ende|endet|schließt|"
    r"(?:be |are |we're |we are |we'll be |we will be )?(?:out(?: of(?: \w+){1,2}| the door)?|over|done)|"
    r"(?:les )?portes ferment|ferme|fermeture(?: des portes)?|se termine|"
    r"fin del (?:evento|encuentro|meetup)|fin de la jornada|fim do evento|"
    r"fine(?: (?:prevista|dell['’]evento|della serata))?|"  # "Fine prevista intorno alle 22:00"  # "Fin del evento a las 17h00"
    r"schluss|fin(?: de (?:la journée|la soirée|l['’]événement|la formation|l['’]atelier))?(?: prévue)?|termina(?:mos)?|"
    r"(?:encerramento|término|cierre|chiusura)(?: previst[oa])?(?: para)?|"
    # "We sluiten rond 22.00 uur af", "O auditório fecha às 22h00", "chiude alle 23",
    # "selesai pukul 16.00", "we hand the space back at 13:30"
    r"sluit(?:en)?|einde|afsluiting|fecha(?:mos)?(?: as portas)?|encerra(?:mos)?|cierra(?:mos)?|cerramos|"
    r"terminar|liberar (?:o espaço|a sala|o local|el espacio|la sala)|"
    r"chiude|chiudiamo|selesai|hand(?:ing)?(?: the (?:space|room|venue|keys))? back|lights out|"
    r"oddać(?: salę)?|oddajemy(?: salę)?|kończymy|zamykamy|"  # "Salę musimy oddać o 21:00"
    r"(?:libérer|libère|libèrerons|quitter|quitte|quitterons) (?:la salle|les lieux|le local)|"
    # "Spotkanie potrwa do ok. 21:00", "the evening runs until 9pm", "dauert bis 21 Uhr"
    r"(?:lasts?|runs?|goes|will (?:last|run|go)) (?:until|till)|(?:po)?trwa do|dauert bis|"
    r"dura (?:fino alle|hasta las?|até às?)|dure jusqu'à|dure jusqu’à|"
    # "Vi räknar med att vara klara runt kl. 20.15", "vi slutter ca. kl. 21", "acabem cap a les 14 h"
    r"(?:vara |være |blive |bli )?(?:klara|färdiga|ferdige?|færdige)|slutar|slutter|avslutar|"
    r"avslutas|afslutter|avsluttes|loppuu|päättyy|acab(?:a|em|amos|aremos)|khatam|khatm|"
    r"stänger|stängs|stenger|lukker|"  # "Lokalen stänger kl. 21.00": the room closes
    r"lýkur|ljúkum|"  # "Viðburðinum lýkur kl. 19:30"
    r"(?:s?konč(?:í|íme)|konec)(?: akce)?|"  # Czech: "akce končí ve 22:00", "konec ve 21:30"
    # "Закругляемся к 22:00", "завершиться о 21:00"
    r"закругляемся|заканчиваем(?:ся)?|завершаем(?:ся)?|завершится|завершиться|закінчуємо|"
    r"расходимся|розходимося|"  # "Расходимся примерно в 21:00": we part at
    r"закінчимо|закінчиться)"
    # "We sluiten de zaal om 21u15", "Vi stenger lokalet kl. 20.30": the room they close
    r"(?:\s+(?:(?:de|het|the|la|le|el|das|den|die)\s+)?"
    r"(?:zaal|lokaal|lokalet|lokalen|salen|sala|salle|room|venue|space|raum|saal|doors|deuren))?"
    # "Schluss ist um 22:00 Uhr", "la fin est à 22h"
    r"\s+(?:(?:ist|is|est|é|è|será|sarà|está(?: previst[oa] para)?|estará)\s+)?"
    r"(?:(?:ca\.|circa|etwa|approx\.)\s*)?"  # "Ende ca. 16:00 Uhr"
    r"(?:by\s+)?(?:(?:by|at|around|about|gegen|um|vers|à|a las|às|as|alle|por volta das|rond|om|pukul|ok\.|o|"
    r"runt|omkring|rundt|ve|kolem|okolo|intorno alle|verso le|cap a les|sobre les|a les|tipo|a eso de las|como a las|alrededor de las|(?:примерно|приблизно) в|около|к|в|о|близько|до)(?![^\W\d_]))?\s*(?:(?:ca\.?|kl\.?|klo\.?|ore)\s*){0,2}"
    r"(?:half \w+\s*\(|\()?"  # "finished by half five (17:30)"
    r"|(?:结束|終了|종료)(?:时间)?[:：]?\s*"
)


# "en geç 14.30'da sona eriyor", "21:00 終了予定", "21시 종료": the end word after the time
_END_AFTER = compiled(
    r"(?:['’](?:da|de|ta|te))?\s*(?:(?:gibi|civarı(?:nda)?)\s+)?"
    r"(?:sona er\w*|bit(?:er|iyor|ecek|iriyoruz)\b|kapan(?:ır|ıyor|acak)\b|に?終了|종료"
    r"|(?:左右|前后|前後)?\s*(?:结束|結束|散场|散場|散会|散會)|[*_]*\s*(?i:schluss|ende)\b"
    r"|-ig\b)"  # Hungarian "A terem 21:30-ig áll rendelkezésünkre": until 21:30
)
# "half eight": half past eight, as Ireland and Britain say it
_HOUR_WORDS = (
    *("one", "two", "three", "four", "five", "six"),
    *("seven", "eight", "nine", "ten", "eleven", "twelve"),
)
_HALF_PAST = compiled(rf"(?i)half ({'|'.join(_HOUR_WORDS)})\b(?!\s*(?:hours?|days?|minutes?))")
# The words `_END_AFTER` needs, anywhere on a line: without one, its times are not read again.
_END_AFTER_HINT = compiled(
    r"(?i)sona er|bit(?:er|iyor|ecek|iriyoruz)|kapan|終了|종료|结束|結束|散场|散場|散会|散會"
    r"|schluss|ende\b|-ig\b"
)


# What else closes at a time a page mentions: transport, parking, the building's other parts.
_NOT_THE_EVENT = compiled(
    r"(?i)\b(?:metro|subway|u-bahn|s-bahn|tube|train|trains|tram|bus|buses|ferry|ferries|"
    r"parking|car park|garage|parkhaus|tiefgarage|estacionamiento|estacionamento|parcheggio|"
    r"parkeergarage|slagboom|gate|kitchen|küche|cocina|cozinha|cucina|keuken|reception|"
    r"front desk|box office|registration desk|cfp|call for)\b"
)
# "Entry closes at 11 AM for security reasons", "RSVPs close at noon": the way in closes, right
# before the word ("we start with registration at 09:30 and finish at 16:00" ends the day)
_THE_WAY_IN = compiled(
    r"(?i)\b(?:entry|entrance|admission|registrations?|sign-?ups?|rsvps?|submissions?|"
    r"applications?|tickets?|ticket sales|einlass|anmeldung|inscriptions?|inscripciones|"
    r"inscrições)\s+$"
)


# A whole event said to last less than this in prose is another length: "(U Sternschanze,
# 3 Min. zu Fuß)", "a 5-minute walk".
_SHORTEST_EVENT = timedelta(minutes=15)


class PageFacts:
    """Facts from the page's prose that settle its events once the walk is done."""

    def __init__(self, page: PageReader) -> None:
        self.page = page
        # "Both meetups are at Braintree, 6:00 PM – 8:30 PM CT." before any date: the hours of
        # every dated section below that names only its talk.
        self.shared_hours: tuple[int, ClockSpan] | None = None
        self.date_heading = 0  # the last heading that gave only a date ("### Thursday, Oct 29")
        self.day_items: list[tuple[Line, date]] = []  # an untimed line right under such a heading
        # "* **28.01.2025** – *Spring Boot 3.4: Was ist neu?* – Stefan Brenner": list items that
        # open with a date (listed_dates.py reads them as meetings when the hours are stated once)
        self.date_items: list[tuple[Line, DateMention]] = []

    def note_shared_hours(self, line: Line) -> None:
        """An undated line with one span of hours, before the page dates anything."""
        event = self.page.event
        if line.heading or line.depth or event.first_day is not None or event.sessions:
            return
        spans = find_clock_spans(line.inline.text)
        if self.shared_hours is None and len(spans) == 1 and spans[0].end is not None:
            self.shared_hours = (line.number, spans[0])

    def note_date_item(self, line: Line, mention: DateMention) -> None:
        if line.depth and mention.begin <= 2 and mention.last_day is None:
            self.date_items.append((line, mention))

    def note_day_item(self, line: Line) -> None:
        """ "Generics patterns — Priya Raman" right under a heading that is only a date."""
        texts = self.page.texts
        text = line.inline.text
        if (
            self.shared_hours is not None
            and self.page.day is not None
            and texts
            and texts[-1][0] == self.date_heading
            and len(text) <= 100
            and not find_clock_spans(text)
        ):
            self.day_items.append((line, self.page.day))

    def sessions_at_shared_hours(self) -> None:
        """Dated sections that each name one talk, under hours stated once for all of them: a
        session at those hours on each date (two or more dates, so one event's blurb under its
        date stays the event's)."""
        if self.shared_hours is None or len({day for _, day in self.day_items}) < 2:
            return
        event = self.page.events[0]
        if len(self.page.events) > 1 or event.sessions or event.start is not None:
            return
        span = self.shared_hours[1]
        for line, day in self.day_items:
            title, speakers = split_title_and_speakers(line.inline.text.strip(" *_"))
            draft = Draft(line.number, title or line.inline.text, day, span.start, span.end)
            draft.speakers.extend(speakers)
            draft.links.extend(line.inline.links)
            event.sessions.append(draft)
        event.first_day = min(day for _, day in self.day_items)
        event.last_day = None

    @cached_property
    def stated_clocks(self) -> frozenset[time]:
        """Every time the page writes unambiguously (18:00, 6 PM), for settling bare ones."""
        return frozenset(
            span.start
            for _, text in self.page.texts
            for span in find_clock_spans(text)
            if not span.twelve_hour
        )

    def prose_lengths(self) -> None:
        """An event that gives its start and says "about 2 hours" in its prose (one with an agenda:
        on its date line, "10AM PDT, for three hours of talks")."""
        for index, event in enumerate(self.page.events):
            following = (
                self.page.events[index + 1].line if index + 1 < len(self.page.events) else None
            )
            section = self._texts_between(event.line, following)
            _days_ended(event, section)
            if event.end is None and event.sessions:
                # (a line between two days' agendas ends the first day: `_days_ended`)
                between = _between_days(event)
                stated = stated_end([(n, t) for n, t in section if not between(n)])
                if stated is not None:
                    event.end = stated.end or stated.start
                    event.end_twelve_hour = stated.twelve_hour
                    event.hours_day = None  # "We wrap up at 5:00 PM" below the last day's agenda
            if event.start is None or event.end is not None:
                continue
            for number, text in section:
                if event.sessions and number not in (event.stated_line, event.stated_line + 1):
                    continue  # with an agenda, only the date line's own "for three hours" counts
                length = find_prose_duration(text)
                if length is not None and length >= _SHORTEST_EVENT:  # not "3 Min. zu Fuß"
                    event.end = add_clock(event.start, length)
                    break

    def _texts_between(self, first: int, following: int | None) -> list[tuple[int, str]]:
        """The page's lines from `first` up to the next event's, found by bisection."""
        texts = self.page.texts
        low = bisect_left(self._numbers, first)
        high = len(texts) if following is None else bisect_left(self._numbers, following)
        return texts[low:high]

    @cached_property
    def _numbers(self) -> list[int]:
        return [number for number, _ in self.page.texts]

    def settle_dates(self) -> None:
        """An event whose body names no date takes it from the front matter's event fields, then
        from a date in its prose, and only then from the publication date (assembly.py)."""
        if not any(e.sessions or e.first_day for e in self.page.events):
            self.page.front_fields.fill_event(self.page.events[0])
            if self.page.events[0].first_day is not None:
                return
        for index, event in enumerate(self.page.events):
            if event.first_day is not None:
                continue
            if index == 0 and self.page.front_fields.has_event_start:
                self.page.front_fields.fill_event(event)
            prose = [
                p for p in self.page.prose_dates if p[2] == index or len(self.page.events) == 1
            ]
            if prose and not _dated(event):
                resolved = self.page.resolve_date(prose[0][0], prose[0][1])
                if resolved is not None:
                    event.first_day, event.last_day = resolved


_WRAPPED = 40  # a line of prose the source wrapped is this long at least (not a heading's)


def _between_days(event: EventDraft) -> Callable[[int], bool]:
    """Whether a line stands between one day's sessions and a later day's (in log time: a
    page may hold thousands of lines and sessions)."""
    dated = sorted((d.line, d.day) for d in event.sessions if d.day is not None)
    lines = [line for line, _ in dated]
    latest_before = list(accumulate((day for _, day in dated), max))
    earliest_after = list(accumulate((day for _, day in reversed(dated)), min))[::-1]

    def between(number: int) -> bool:
        before, after = bisect_left(lines, number), bisect_right(lines, number)
        return (
            before > 0 and after < len(lines) and latest_before[before - 1] < earliest_after[after]
        )

    return between


def _days_ended(event: EventDraft, section: list[tuple[int, str]]) -> None:
    """ "Day 1 ends at 11:45 AM PT." between the agendas of two days: the end of the first
    day's last item, when it gives none."""
    if not event.sessions or not section:
        return
    lines = {d.line for d in event.sessions}
    first, last = min(lines), max(lines)
    for number, text in section:
        if not first < number < last or number in lines:
            continue  # (a session's own line says no day's end)
        stated = stated_end([(number, text)])
        if stated is None or stated.end is not None:
            continue
        before = [d for d in event.sessions if d.line < number and d.day is not None]
        if not before:
            continue
        day = max(d.day for d in before if d.day is not None)
        if any(d.day == day for d in event.sessions if d.line > number):
            continue  # the day goes on below: not its end
        final = max((d for d in before if d.day == day), key=lambda d: (d.start or time(), d.line))
        if final.end is None and final.start is not None and final.start < stated.start:
            final.end = stated.start


def stated_end(section: list[tuple[int, str]]) -> ClockSpan | None:
    """ "... and we wrap up by 8:30pm", "Ende gegen 21:30 Uhr", "We close the doors at 15:30",
    "Les portes ferment à 8 h 30", "Encerramento previsto para as 13h": when an agenda ends."""
    for index, (number, own) in enumerate(section):
        text = own
        following = section[index + 1] if index + 1 < len(section) else None
        if following is not None and following[0] == number + 1 and len(own) >= _WRAPPED:
            # "…On doit libérer la salle" / "à **21 h 30** au plus tard.": a sentence wrapped
            text = f"{own} {following[1]}"
        for phrase in _END_PHRASE.finditer(text):
            if phrase.start() >= len(own):
                break  # the next line's own phrases are read on it
            if _something_else_ends(text, phrase.start()):
                continue  # "El Metro cierra a las 23:00", "the garage closes at 23:00"
            # (read from the phrase on: "stänger kl. 21.00" is a dotted time after its "kl.")
            said = phrase.end() - phrase.start()
            spans = find_clock_spans(text[phrase.start() : phrase.end() + 40])
            after = [span for span in spans if span.begin >= said]
            if after and after[0].begin - said <= 2:
                return after[0]
            half = _HALF_PAST.match(text, phrase.end())
            if half is not None:  # "we'll be out by half eight": 8:30, the evening's if it fits
                hour = _HOUR_WORDS.index(half.group(1).lower()) + 1
                return ClockSpan(time(hour, 30), None, None, 0, 0, twelve_hour=True)
        for span in find_clock_spans(own) if _END_AFTER_HINT.search(own) else ():
            if (
                span.end is None
                and _END_AFTER.match(own, span.finish)
                and not _something_else_ends(own, span.begin)
            ):
                return span  # (not "metro seferleri 23:30'da sona eriyor")
    return None


def _something_else_ends(text: str, at: int) -> bool:
    """Whether the sentence before `at` is about the transport, the car park or another part of
    the building closing, not the event."""
    return (
        _NOT_THE_EVENT.search(text[:at].rsplit(".", 1)[-1]) is not None
        or _THE_WAY_IN.search(text, max(0, at - 30), at) is not None
    )


def _dated(event: EventDraft) -> bool:
    return event.first_day is not None
