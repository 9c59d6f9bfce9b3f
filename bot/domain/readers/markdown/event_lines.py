"""Lines that say when the event is: its date line ("**Date:** 6 March 2025, 18:00"), the hours
on a line of their own, "Doors open at 6 PM", "## Day 2 (Friday)" under a two-day event, and the
"**When:**" of a talk's details block. A new way of dating an event is one method here, called
from the walk in page.py; lines that are sessions are read in session_lines.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.domain.agenda import text_key
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Line
from bot.domain.readers.markdown.drafts import DAYS_OF_ONE_EVENT, Draft, EventDraft
from bot.domain.readers.markdown.kinds import day_number
from bot.domain.readers.markdown.page_facts import stated_end
from bot.domain.timetext.clock import ClockSpan, find_clock_spans, leading_clock_span
from bot.domain.timetext.dates import DateError, DateMention, range_end
from bot.domain.timetext.languages import ALL_WEEKDAYS
from bot.domain.zones.local_time import localize_date_time
from bot.domain.zones.resolve import UnknownZoneError

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

_STARTS_AT = compiled(
    r"(?i)\b(?:starts?|begins?|kicks? off|doors open|opens?|beginnt|beginn|einlass|commence|"
    r"début|empieza|comienza|começa|início)\b\s*(?:at|um|ab|à|a las|às|a partir de|:)?\s*"
    r"|(?:开始|開始|開場|开场|시작)(?:时间)?[:：]?\s*"
)
# A sentence that opens with the hours: "Od 18:30 do 22:00", "From 6 to 9pm", "Von 19 bis 22 Uhr",
# "🕠 من 5:30 مساءً حتى 9:00 مساءً"
# The preposition `_STARTS_AT` takes before the time: "Doors open at", "Einlass ab"
_TIME_WORD_AFTER = compiled(r"(?i)\s*(?:at|um|ab|à|a las|às|a partir de|:|：)?\s*$")
_FROM_TO_SENTENCE = compiled(
    r"(?:^[^\w\d]*|[.!?;]\s+)(?i:od|from|von|de|desde|dalle|van|fra|från|kello|klo|dès|с|з|від|من)\s+(?=\d)"
)
# "…Ciudad Universitaria (…, CABA), de 9 a 18 hs.": the hours as the clause that ends a line
_FROM_TO_CLAUSE_AT_END = compiled(r",\s+(?i:de|desde|from|von|od|dalle|van|dès)\s+(?=\d[^,;]*$)")
_DEADLINE_BEFORE = compiled(
    r"(?i)(?:\b(?:by|before|until|till|no later than|deadline|due|bis zum|avant le|hasta el|"
    r"até|entro il|uiterlijk)|(?:截止|截至|締め?切り?|마감)(?:时间|時間|日期|日|일)?[为是は:：]?)"
    r"\s*[:：]?[\s*_]*$"
)
# The words of signing up, in the languages pages are written in (each pattern below adds its own)
_SIGN_UP = (
    r"registration|rsvp|sign[- ]?ups?|tickets?|(?:ticket )?sales|early[- ]bird|zapisy|rejestracja|anmeldung|"
    r"propuestas?|propostas?|proposals?|submissions?|"
    r"inscri(?:ptions?|pciones|ções)|iscrizioni|aanmelding|регистрация|реєстрація|"
    r"đăng ký|pendaftaran"  # Vietnamese, Indonesian and Malay
)
# "Rejestracja: … zapisy do wtorku 3 marca", "RSVP by Friday 13 March": a sign-up's deadline
_SIGN_UP_BEFORE = compiled(
    rf"(?i)(?:\b(?:{_SIGN_UP}|register|aanmelden)\b|报名|報名|申込|申し込み|신청)[^.;!?]{{0,40}}$"
)
# "Registration for Bengaluru closes on 20 Nov 2025 at midnight": a sign-up closing, never the event
_SIGN_UP_CLOSES = compiled(
    rf"(?i)\b(?:{_SIGN_UP}|rsvps|cfp|call for (?:papers|talks|speakers|proposals)|"
    r"appel à (?:conférences|orateurs|propositions))\b[^.;!?]{0,40}"
    r"\b(?:closes?|closing|ends?|deadline|until|bis|do|hasta|até|jusqu'(?:au|à)|закрывается|"
    r"cerramos|cierra|cierran|fecha límite|"
    r"закривається|закінчується|до)\b[^.;!?]{0,24}$"
    # "**募集期間**" / "2025/05/28(水) 12:00 〜 2025/06/20(金) 18:00": when one may sign up
    r"|(?:募集|申込|申し込み|受付|报名|報名|접수|신청)\s*(?:期間|期间|기간)[^。]{0,24}$"
)
_URL = compiled(r"https?://\S+")
# "…, mein Slot ist am Mittwoch, 11. März, 10:40 Uhr": what may stand between a day and its hours
_DAY_TO_HOURS = compiled(
    r"[\s,*_:·|]*(?:(?i:at|um|à|a las|alle(?: ore)?|om|kl\.?|from|von|ab|às|de)\s*)?"
)
# What may stand before the hours after a venue: an emoji, "starts", "from", "doors"
_HOURS_WORDS = compiled(
    r"(?i)[^\w\d]*(?:(?:starts?|starting|begins?|from|doors(?: open)?|ab|dès|desde|vanaf|"
    r"à partir de|beginn|start|من|с|з|від)\s*(?:at|um|à|a las|om)?\s*)?"
)
# After an event's hours and zone (and a place in brackets): a dash, then a remark.
_REMARK_AFTER_HOURS = compiled(
    r"[ *_)）]*(?:[(（][^()（）]{1,40}[)）])?[ *_]*[—–-][ ]*(?P<remark>.+)"
)
_REMARK_WORDS = 6  # a remark is a sentence: "— the agenda below shows the time in four cities"
_PROSE_LIMIT = 100  # an unlabelled line longer than this is prose, unless it also gives a time
_LONGEST_RANGE = timedelta(days=31)  # an event's days: a longer "range" is two dates in passing
# "Previous event: 12 November", "Last meetup: …", "上一期：…", "前回：…": a line that names an
# event already held; its date is not this page's event.
# Words that name an event already held, wherever they stand ("Thanks to all who came to our
# previous meetup on 12 May", "förra träffen den 30 januari")
_PAST_WORDS = (
    r"(?:previous|past|earlier|prior)\s+(?:events?|meetups?|meet-ups?|editions?|sessions?|"
    r"meetings?|talks?|nights?|gatherings?|conferences?|workshops?|ones?|times?|calls?|streams?"
    r"|episodes?|sprints?|jams?|hangouts?|webinars?)\b"
    r"|vorherige[sn]?\s+(?:treffen|meetup|veranstaltung|ausgabe)\b"
    r"|(?:précédent|précédente)\s+(?:meetup|événement|évènement|édition|rencontre)\b"
    r"|(?:événement|évènement|meetup|édition|rencontre)\s+précédente?\b"
    r"|(?:evento|meetup|edición|edição|encuentro|encontro)\s+anterior\b"
    r"|上一期|上期|上一次|上次|往期|前一期|前回|過去のイベント"
    # "지난 2월 밋업(2월 12일, 판교)": the February meetup, already held
    r"|(?:지난|이전)\s*(?:\d{1,2}\s*월\s*|달\s*|번\s*)?(?:행사|모임|밋업|이벤트)"
    r"|förra\s+(?:träffen|mötet|meetupen)|forrige\s+(?:møde|træf|meetup|treff)"
    r"|poprzednie(?:go|m)?\s+(?:spotkani[ue]|meetup(?:ie|u)?)"
    r"|(?:minul(?:é|ého|ém))\s+(?:setkání|meetupu?)|(?:incontro|meetup)\s+scorso"
    r"|(?:scorso|precedente)\s+(?:incontro|meetup|evento)"
)
# ... and words that do only when they open a line: "Last meetup: 12 May" was held, but "our last
# meetup of the year is on 11 December" is still to come ("Last talk: 20:30" is tonight's).
_LAST_WORDS = (
    r"last\s+(?:events?|meetups?|meet-ups?|editions?|meetings?|gatherings?|time|month|year)\b"
    r"|letzte[sn]?\s+(?:treffen|meetup|veranstaltung|ausgabe)\b"
    r"|(?:dernier|dernière)\s+(?:meetup|événement|évènement|édition|rencontre)\b"
    r"|(?:último|última)\s+(?:evento|meetup|edición|edição|encuentro|encontro)\b"
    r"|(?:senaste)\s+(?:träffen|mötet|meetupen)|ostatnie(?:go|m)?\s+(?:spotkani[ue]|meetup(?:ie|u)?)"
    r"|ultimo\s+(?:incontro|meetup|evento)"
    # "**Past:** København, 13 March 2025", "Previously: …", "Vergangen: …"
    r"|(?:past|previously|earlier|vergangen|bisher|passés?|anteriores?|tidligere|tidigare)"
    r"\s*[*_]*\s*[:：]"
)
_PAST_EVENT = compiled(rf"(?i)^[\W_]*(?:{_PAST_WORDS}|{_LAST_WORDS})")
# "Tack till alla som kom på förra träffen den 30 januari": a date of the meetup before, in a
# sentence that goes on to name the next one.
_PAST_BEFORE = compiled(rf"(?i)(?:{_PAST_WORDS})[^.!?;:]{{0,25}}$")


# "9:00 AM – Sat, May 17, 2025, 4:30 PM": between a time and the next date, a dash and perhaps
# that date's weekday.
_DASH_TO_DATE = compiled(
    r"\s*(?:[-–—~→]|(?i:to|until|bis|au|al|à|até))\s*(?:[^\W\d_]{2,12}\.?,?\s*)?"
)


def _agenda_before(event: EventDraft, heading: tuple[str, int] | None, day: date) -> bool:
    """Whether an event undated by a line of its own already holds an agenda dated by its
    headings, under a heading before `heading`, and at least a week from `day`."""
    if heading is None or not event.sessions:
        return False
    days = [d.day for d in event.sessions]
    if None in days or heading[1] <= max(d.line for d in event.sessions):
        return False
    return all(abs((d - day).days) > DAYS_OF_ONE_EVENT for d in days if d is not None)


def _one_session(event: EventDraft) -> bool:
    return event.start is not None and not event.sessions


def across_days(
    text: str, dates: list[DateMention], spans: list[ClockSpan]
) -> tuple[DateMention, ClockSpan] | None:
    """The end of a range written as two dates with their times ("Fri, May 16, 2025, 9:00 AM –
    Sat, May 17, 2025, 4:30 PM EAT"), or under its first date ("6:00 PM - Mar 8, 1:00 AM
    HST"): the second date and its time."""
    if not dates or len(spans) < 2:
        return None
    start, end = spans[0], spans[1]
    second = dates[1] if len(dates) > 1 else dates[0]
    before = dates[0].begin < start.begin if len(dates) > 1 else True
    if not (before and start.finish <= second.begin < end.begin):
        return None
    if start.end is not None or _DASH_TO_DATE.fullmatch(text, start.finish, second.begin) is None:
        return None
    return second, end


# A heading over events already held, whatever they are called: "## Past Grand Rounds",
# "## Vergangene Vorträge", "## Sprints anteriores", "## 往期回顾"
_PAST_HEADING = compiled(
    r"(?i)^[\W_]*(?:(?:past|previous|earlier|former|vergangene[nr]?|frühere[nr]?|bisherige[nr]?"
    r"|précédent(?:e?s)?|passé(?:e?s)?|anteriores|pasad[oa]s|passad[oa]s|precedenti|passati"
    r"|vorige|eerdere|tidigare|tidligere|poprzednie|minulé|прошедшие|прошлые|минулі)(?!\w)"
    r"|往期|过往|過往|過去の|이전|지난"
    # "## Archiwum", "## Archive", "## Reuniones anteriores", "## Éditions précédentes"
    r"|(?:archiv(?:es?|e|o|um)?|archief|arquivo|arkiv|archiwum)(?!\w)"
    r"|[^\W\d_]+\s+(?:anteriores|anteriori|précédentes?|passées|precedenti|passati|passate"
    r"|vorige|anteriors)(?!\w)"
    # "### Open action items from Feb 27", "## Notes from 12 March", "## Recap of the May meetup"
    r"|(?:(?:open\s+)?action\s+items|notes|minutes|recap|recording|summary|takeaways)"
    r"\s+(?:from|of)(?!\w))"
)


def heads_past_events(heading: str) -> bool:
    """Whether a heading stands over events already held ("## Past Grand Rounds")."""
    return _PAST_HEADING.match(heading) is not None or about_a_past_event(heading)


def about_a_past_event(text: str) -> bool:
    """Whether a line introduces an event already held ("Previous event: 12 November 2026"), or
    is the line that quotes an earlier mail ("On Mon, 10 Nov 2025 at 09:12, Achieng wrote:")."""
    return _PAST_EVENT.match(text) is not None or _REPLY_ATTRIBUTION.match(text) is not None


# The line over a quoted mail, in the mail programs' own words: when it was sent, and by whom.
_REPLY_ATTRIBUTION = compiled(
    r"^[\s>]*(?:On|Am|Le|El|Em|Il|Op|Den|Dne|W dniu)\s.{6,120}"
    r"(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef|skrev|napsal|napisał)\s*:\s*$"
)


def of_a_past_event(text: str, mention: DateMention) -> bool:
    """Whether a date in a sentence is the one of an event already held ("… kom på förra
    träffen den 30 januari", "thanks to all who came to our last meetup on 12 May")."""
    return _PAST_BEFORE.search(text, max(0, mention.begin - 80), mention.begin) is not None


def _day_with_hours(
    text: str, dates: list[DateMention], span: ClockSpan, first: date, last: date
) -> date | None:
    """The one day between `first` and `last` a later date of the line names just before the
    hours, if it does."""
    for mention in dates[1:]:
        if mention.last_day is not None or mention.finish > span.begin:
            continue
        if _DAY_TO_HOURS.fullmatch(text, mention.finish, span.begin) is None:
            continue
        try:
            day = mention.resolve(first)[0]
        except DateError:
            return None
        return day if first <= day <= last else None
    return None


class EventLines:
    """The lines of a page that date its events, read into the page's current event."""

    def __init__(self, page: PageReader) -> None:
        self.page = page

    def date_line(self, line: Line, text: str, dates: list[DateMention], labeled: bool) -> None:
        """ "**Date:** 6 March 2025, 18:00", "Thursday, March 6th at Station F": the date (and
        hours) of the event, of the next event of a series, or a date in passing."""
        if labeled and self._details_block(line, dates[0]):
            return
        before = _URL.sub("", text[: dates[0].begin])  # (its link's dots end no sentence)
        if _SIGN_UP_CLOSES.search(before if labeled else f"{line.wrapped[0]} {before}"):
            # "Registration closes on 20 Nov 2025 at midnight", "RSVPs close **Wednesday," /
            # "January 14 at noon**": a deadline, not the event
            return
        spans = find_clock_spans(text)
        if self._restates_the_event(text, dates[0], spans):
            return  # "(US: Wednesday, March 11, 6:00 PM PT)" under "March 12, 10:00 JST"
        if (
            not labeled
            and not spans
            and len(text) > _PROSE_LIMIT
            # (but "*Amsterdam* — Thursday 4 February, Tidewater office, Keizersgracht 241 (canal
            # side, ring the top bell):" over that evening's timetable dates it)
            and not text.rstrip(" *_").endswith((":", "："))
        ):
            # "We meet on Thursday, March 6th at ...": the event's date if nothing better comes.
            self.page.prose_dates.append((dates[0], line.number, len(self.page.events) - 1))
            return
        resolved = self.page.resolve_date(dates[0], line.number)
        if resolved is None:
            return
        first, last = resolved
        if self._next_day_label(text, first):
            return  # "**Day 2**：2026年2月27日（金）" under "**Day 1**：2026年2月26日（木）"
        if not labeled and not line.heading and spans and self._restates_the_agenda(first, spans):
            return  # "Ratings close **Monday 10 November at 19:00 UTC**" under the timeline
        until = range_end(text, dates)  # "October 30 – November 1, 2026": three days
        across = across_days(text, dates, spans)  # "May 16, 9:00 AM – May 17, 4:30 PM"
        if until is None and across is not None:
            until = across[0]
        if until is not None:
            ended = self.page.resolve_date(until, line.number)
            if ended is not None and first < ended[1] <= first + _LONGEST_RANGE:
                last = ended[1]
        if last > first and spans:
            # "The conference runs 10-12 March 2026; my slot is on Wednesday, 11 March, 10:40": the
            # day the hours are given for
            day = _day_with_hours(text, dates, spans[0], first, last)
            if day is not None:
                first = last = day
        event = self.page.event
        heading = self.page.heading_since_event
        # "## Meetup #13 — Helsinki" then "**Thursday, 16 January 2025**, Maria 01": the next
        # event of a series (a later date that opens its line), not a deadline in passing.
        fresh_heading = (
            heading is not None
            and heading[1] > max(event.stated_line, event.section)
            and event.first_day is not None
            and (
                first > (event.last_day or event.first_day)
                # the same day, after an event that was one timed session ("São Paulo, 8
                # October, 19h–21h30" then "Sydney, 8 October, 5:30pm")
                or (
                    first == event.first_day
                    and bool(spans)
                    and _one_session(event)
                    and spans[0].start != event.start  # not the same hours said again
                )
            )
            and (bool(spans) or dates[0].begin <= 2)
        )
        # "*Singapore* — Thursday 11 February, our new office at …:" over its own timetable,
        # after another evening's: the next event of a list
        introduces = text.rstrip(" *_").endswith((":", "：")) and bool(event.sessions)
        if (
            not labeled
            and (
                not (spans or fresh_heading or introduces)
                or _DEADLINE_BEFORE.search(text, 0, dates[0].begin)
                or _SIGN_UP_BEFORE.search(text, 0, dates[0].begin)
            )
            and event.first_day is not None
            and not event.first_day <= first <= (event.last_day or event.first_day)
        ):
            # "DST starts on Sunday, March 10" beside an event on the 12th, "submit on itch.io
            # by Sunday 8 February, 18:00" after it: an aside, or a deadline
            return
        if not labeled and not spans and len(self.page.events) == 1 and not event.stated_line:
            start, end = self.page.front_fields.event_range()
            if start is not None and not start <= first <= (end or start):
                return  # "(la #18, el 5 de marzo)" on a page whose front matter says April 16
        # "**🇩🇪 Berlin — Tuesday 28 Oct, 19:00–21:30**" after another event's line: a list of
        # events (a newsletter's meetups, a speaker's upcoming talks), each dated with its hours.
        next_in_list = (
            not labeled
            and (
                (line.inline.bold and not line.depth)
                or self._next_dated_item(line, dates[0])
                or introduces
            )
            and (any(s.begin >= dates[0].begin for s in spans) or introduces)
            and event.stated_line
            and event.stated_line != line.number
        )
        # (a fresh heading starts the next event after one with an agenda, or with hours of its
        # own: "### São Paulo" then "🗓 Thursday 8 October 2026, 19h–21h30" in a digest)
        timed = bool(event.sessions) or event.start is not None
        if labeled and not event.stated_line and _agenda_before(event, heading, first):
            # "## April meetup — April 16 (Thu)" over its agenda, then "## Hackathon" and
            # "**When:** Saturday, June 20, 1 PM – 10 PM": the next event, not the first's date
            self.page.new_event(line.number, None)
            event = self.page.event
        if event.stated_line and (labeled or next_in_list or (fresh_heading and timed)):
            same = (first, last) == (event.first_day, event.last_day)
            if event.sessions or not same or next_in_list or (fresh_heading and not labeled):
                # A listed event is headed by its own line, not by the heading over the list.
                self.page.new_event(line.number, text if next_in_list else None)
                event = self.page.event
        if not event.stated_line and not (event.sessions and not labeled):
            event.first_day, event.last_day = first, last
            event.stated_line = line.number
            if line.heading:  # "### Thursday 12 March — Dynamic matching" under "## Upcoming"
                event.heading = text
                event.section = event.section or line.number
            elif self.page.heading_since_event is not None:
                event.heading = self.page.heading_since_event[0]
                event.section = event.section or self.page.heading_since_event[1]
            self.page._event_times(line.number, text)
            self.page.zones.place_in(text, line.number)  # "on March 6th at Station F, Paris"
            if not labeled and spans:
                self.page.sessions.dated_event_line = (line, dates[0])
        elif labeled and spans and event.start is None and first == event.first_day:
            # "Subject: … – Oct 28", then "When: Wednesday, October 28, 2026 11:00 AM-12:00 PM":
            # the same day again, now with its hours
            self.page._event_times(line.number, text)
        if not (event.across and event.stated_line != line.number and line.wrapped != ("", "")):
            # (a sentence in a paragraph about a night that runs into the next day, "after 12 AM
            # everything is **Friday, 6 March**", does not move the agenda to that day)
            self.page.day = first
        self.page.title_candidate = None

    def _next_dated_item(self, line: Line, mention: DateMention) -> bool:
        """ "* **Di, 10. Februar 2026, ab 18 Uhr** – Stammtisch" after "* **Di, 13. Jänner 2026,
        ab 18 Uhr** – …", the item that dated the event: the next of a list of dated events."""
        if not line.depth or mention.begin > 2:
            return False
        stated = self.page.event.stated_line
        return any(
            item.number == stated and item.depth == line.depth
            for item, _ in self.page.facts.date_items
        )

    def _next_day_label(self, text: str, day: date) -> bool:
        """Whether a line dates a later day of the event the page dated, by its number ("Day
        2: 27 February", "2日目：2月27日"): the event runs to that day."""
        event = self.page.event
        first = event.first_day
        number = day_number(text)
        if first is None or event.sessions or number is None or number < 2:
            return False
        if day != first + timedelta(days=number - 1) or day <= (event.last_day or first):
            return False
        event.last_day = day
        return True

    def _restates_the_agenda(self, day: date, spans: list[ClockSpan]) -> bool:
        """Whether a dated time in prose is one the agenda already gives: a session's start or
        its end on that day ("After **19:00 UTC on Monday 27 October** the form locks")."""
        at = spans[0].start
        return spans[0].end is None and any(
            (draft.day == day and draft.start == at)
            or ((draft.last_day or draft.day) == day and draft.end == at)
            for draft in self.page.event.sessions
        )

    def _restates_the_event(self, text: str, mention: DateMention, spans: list[ClockSpan]) -> bool:
        """Whether a dated line gives the event's start again in another zone: the same
        instant on another calendar day or clock, for readers elsewhere."""
        event = self.page.event
        ours_said = event.zone or next(
            (s.mention for s in reversed(self.page.zones.statements) if s.page_wide), None
        )  # "時間はすべて日本時間（JST）です。"
        if event.first_day is None or event.start is None or ours_said is None or not spans:
            return False
        zones = [m for m in self.page.resolver.find(text) if m.text != ours_said.text]
        if not zones or spans[0].begin < mention.begin:
            return False
        resolver = self.page.resolver
        try:
            day = mention.resolve(event.first_day)[0]
            here = resolver.decide(ours_said, event.first_day).tz
            there = resolver.decide(zones[0], day).tz
        except (DateError, UnknownZoneError):
            return False
        ours = localize_date_time(event.first_day, event.start, here).moment
        theirs = localize_date_time(day, spans[0].start, there).moment
        return day != event.first_day and ours == theirs

    def day_of_event(self, text: str) -> bool:
        """ "## Day 2 (Friday)", "## Friday" under a two-day event (its dates from the page or
        the front matter's start and end): that day of it."""
        first, last = self.page.event.first_day, self.page.event.last_day
        if first is None:
            first, last = self.page.front_fields.event_range()
        if first is None or last is None or last <= first:
            return False
        number = day_number(text)
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        if number is not None and 1 <= number <= len(days):
            self.page.day = days[number - 1]
            return True
        words = {w.strip("()（）,.:").casefold() for w in text.split()}
        named = [d for d in days if any(ALL_WEEKDAYS.get(w) == d.weekday() for w in words)]
        if len(named) == 1:
            self.page.day = named[0]
            return True
        return False

    def hours_after_venue(self, line: Line, text: str) -> bool:
        """ "Adyen, Simon Carmiggeltstraat 6-50, Amsterdam · 18:00–21:00", "📍 CodeNode, London ·
        🕡 18:30–21:00", "Factory, Berlin · starts 19:00" under an event's date: its venue, then
        its hours (not a session called "Adyen")."""
        event = self.page.event
        if (
            line.depth
            or line.heading
            or event.first_day is None
            or event.start is not None
            or event.sessions
            or not 0 < line.number - (event.stated_line or event.section) <= 4
        ):
            return False
        venue, bar, last = text.rpartition(" · ") if " · " in text else text.rpartition(" | ")
        if not bar or find_clock_spans(venue):
            return False
        words = _HOURS_WORDS.match(last)
        hours = last[words.end() :] if words is not None else last
        spans = find_clock_spans(hours)
        if len(spans) != 1 or spans[0].begin != 0:
            return False
        rest = hours[spans[0].finish :]
        for mention in reversed(self.page.resolver.find(rest)):
            rest = rest[: mention.start] + rest[mention.end :]
        if rest.strip(" ()（）,.;"):
            return False
        named = self.page.title_candidate
        if named is not None and named[1] >= (event.stated_line or event.section):
            event.name, self.page.title_candidate = named[0], None
        self.page._event_times(line.number, hours)
        self.page.zones.place_in(venue, line.number)
        return True

    def hours_at_venue(self, line: Line, text: str, leading: ClockSpan) -> bool:
        """ "**19:00〜22:30** @ Bar Pixel Tanuki" under a dated heading, before its agenda: the
        event's hours and where (not a session called "Bar Pixel Tanuki")."""
        event = self.page.event
        if line.depth or line.heading or event.first_day is None or event.sessions:
            return False
        if event.start is not None or leading.end is None:
            return False
        rest = text[leading.finish :].strip(" *_")
        if not rest.startswith("@") or find_clock_spans(rest):
            return False
        self.page._event_times(line.number, text[: leading.finish])
        self.page.zones.place_in(rest[1:], line.number)
        return True

    def starts_at(self, line: Line, text: str) -> bool:
        """ "Event starts at 14:00.", "Doors open at 6 PM", "Beginn um 19 Uhr": the event's start,
        from which an agenda of lengths runs. As the first item of a list ("* **Einlass ab 18:30
        Uhr** – Pizza, Mate & Bier"), the evening's first session, titled by its words."""
        event = self.page.event
        if event.start is not None or event.sessions:
            return False
        said = _STARTS_AT.search(text)
        if said is None:
            return False
        spans = find_clock_spans(text[said.end() : said.end() + 40])
        if not spans or spans[0].begin > 3:
            return False
        title = _TIME_WORD_AFTER.sub("", text[: said.end()]).strip(" *_")
        if line.depth and said.start() <= 2 and title:
            span = replace(
                spans[0], begin=spans[0].begin + said.end(), finish=spans[0].finish + said.end()
            )
            self.page.sessions.opening_item(line, span, title)
            return True
        event.start = spans[0].start
        return True

    def hours_then_remark(self, line: Line, text: str, leading: ClockSpan) -> bool:
        """ "🕓 **16:00–17:45 CET** (Berlin) — the agenda below shows the time in four cities":
        a dated event's hours in a named zone, then a sentence about them (not a session titled
        by the sentence, which is what a time, a dash and a few words would be)."""
        event = self.page.event
        if line.depth or line.heading or event.first_day is None or event.start is not None:
            return False
        if event.sessions or leading.end is None:
            return False
        after = text[leading.finish :]
        zones = self.page.resolver.find(after[:40])
        if not zones or after[: zones[0].start].strip(" *_(（"):
            return False
        remark = _REMARK_AFTER_HOURS.match(after, zones[0].end)
        if remark is None or find_clock_spans(remark.group("remark")):
            return False
        words = remark.group("remark").split()
        if len(words) < _REMARK_WORDS or not words[0][:1].islower():
            return False
        self.page._event_times(line.number, text[: leading.finish + zones[0].end])
        return True

    def end_label(self, line: Line, value: str) -> bool:
        """ "**Ends:** 21:15", "**⏱️ Previsão de término:** 21h15" on its own line, before the
        agenda or after it: when the event ends (not a session called "Ends")."""
        event = self.page.event
        if line.depth or line.heading or event.end is not None:
            return False
        if event.first_day is None and not event.sessions:
            return False
        span = leading_clock_span(value)
        if span is None or span.end is not None or value[span.finish :].strip(" *_.()"):
            return False
        event.end = span.start
        return True

    def hours_in_a_sentence(self, line: Line, text: str) -> bool:
        """ "Bez přednášek, jen jídlo, pití a kvíz. Od 18:30 do 22:00, Impact Hub Brno.": the
        hours of a dated event before its agenda, said in a sentence of their own or as the
        clause that ends a line ("…(Intendente Güiraldes 2160, CABA), de 9 a 18 hs.")."""
        said = _FROM_TO_SENTENCE.search(text) or _FROM_TO_CLAUSE_AT_END.search(text)
        opening = self._hours_opening(line, said, text)
        if opening is None or opening[1].end is None or len(find_clock_spans(text)) != 1:
            return False
        self.page._event_times(line.number, text)
        return True

    def from_then_end(self, line: Line, text: str) -> bool:
        """ "🕕 od 18:00, akce končí ve 22:00", "From 6 PM; we wrap up by 9 PM": a dated event's
        start, then a clause that says when it ends (not a session from 18:00)."""
        opening = self._hours_opening(line, _FROM_TO_SENTENCE.match(text), text)
        if opening is None or opening[1].end is not None or len(find_clock_spans(text)) != 2:
            return False
        after, span = opening
        closing = stated_end([(line.number, text[after + span.finish :])])
        if closing is None:
            return False
        self.page._event_times(line.number, text)
        self.page.event.end = closing.start
        return True

    def _hours_opening(
        self, line: Line, said: re.Match[str] | None, text: str
    ) -> tuple[int, ClockSpan] | None:
        """Where the time after "from" ("od", "von") begins, and that time, when they may give
        the hours of a dated event that has none yet (nor sessions)."""
        event = self.page.event
        if said is None or event.first_day is None or event.start is not None:
            return None
        if event.sessions or line.depth:
            return None
        span = leading_clock_span(text[said.end() :])
        return None if span is None else (said.end(), span)

    def _details_block(self, line: Line, mention: DateMention) -> bool:
        """ "### Talk title" + "**When:** 13 September, 19:30" after an agenda that already lists
        the talk: a details block for that session, not a new event. Its speaker and abstract
        lines go to the session; a date that disagrees with the agenda is reported, and the
        agenda's (the majority, and checked against its weekday) is kept."""
        if self.page.title_candidate is None:
            return False
        key = text_key(self.page.title_candidate[0])
        session = next(
            (d for e in self.page.events for d in e.sessions if text_key(d.title) == key), None
        )
        if session is None:
            return False
        resolved = self.page.resolve_date(mention, line.number)
        if resolved is not None and session.day is not None and resolved[0] != session.day:
            self.page.diag.warn(
                line.number,
                f"{mention.text!r} for {session.title!r} disagrees with the agenda's "
                f"{session.day:%A %Y-%m-%d}; kept the agenda's date",
            )
        self.page.title_candidate = None
        self.page.block_session = session
        return True

    def time_only_line(self, line: Line, text: str, spans: list[ClockSpan]) -> None:
        """ "**时间：** 13:30-14:30" under a talk's title, or the event's hours on their own line."""
        mentions = self.page.resolver.find(text)
        zone = mentions[0] if mentions else None
        if self.page.title_candidate is not None:
            title, title_line = self.page.title_candidate
            self.page.title_candidate = None
            draft = Draft(title_line, title, self.page.day, spans[0].start, spans[0].end)
            draft.stated_duration = spans[0].duration
            draft.speakers.extend(self.page.pending_speakers)
            self.page.pending_speakers = []
            if zone is not None:
                draft.zone, draft.zone_line = zone, line.number
            self.page.event.sessions.append(draft)
            self.page.block_session = draft
            return
        event = self.page.event
        if event.start is None and not event.sessions:
            self.page._event_times(line.number, text)
        elif (
            not event.sessions
            and event.end is None
            and spans[0].start == event.start
            and spans[0].end is not None
        ):
            # "sáb, 15 mar - 2025 • 14:00 > …" and then "**Horário:** das 14h às 18h"
            event.end = spans[0].end
