"""The dates of one page: the day a date written on it stands for, and the year a date takes
when it leaves its year out; and the byline that says when the page was written.

A date without a year takes the page's reference (its front matter's date, the year in its
title, its byline), else the one year in which its weekday fits among the years the page names,
else the year the page gives the same day elsewhere; a heading's date may also take the one year
the page names.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Line
from bot.domain.timetext.date_patterns import weekday_of
from bot.domain.timetext.dates import DateError, DateMention, find_dates
from bot.domain.timetext.languages import WEEKDAY_NAMES

if TYPE_CHECKING:
    from bot.domain.readers.markdown.page import PageReader

# A year named anywhere on the page ("The 2026 edition", "© 2026"), and a season naming two.
_YEAR = compiled(r"(?<![\d.,/:-])(20[0-9]{2})(?![\d.,/:-]?\d)")
_SEASON = compiled(r"(?<![\d.,/:-])(20[0-9]{2})\s?[-–/]\s?(20[0-9]{2}|[0-9]{2})(?![\d.,/:-]?\d)")
# A year as a folder of an address ("https://fosdem.org/2026/schedule/", "slides/2026/")
# A year as two digits after an apostrophe: "Spring '25", "PyCon ’24"
_SHORT_YEAR = compiled(r"(?<![\w'’])['’](\d{2})(?![\w'’])")
_PATH_YEAR = compiled(r"/(20[0-9]{2})/")
_DIGIT = compiled(r"\d")
# What follows a byline's date: its time alone, then at most a place ("18:02 北京").
_BYLINE_AFTER = compiled(r"\s+\d{1,2}:\d{2}(?:\s+[^\d\s]{1,12})?\s*")
_BYLINE_LINES = 6  # a byline sits this close under the page's title
# A newsletter's issue, whose dateline ("*København, 12. februar 2025*") is the day it was sent.
_ISSUE = compiled(
    r"(?i)\b(?:newsletter|nyhedsbrev|nyhetsbrev|uutiskirje|rundbrief|boletín|boletim|bulletin"
    r"|lettre d['’]information|digest|issue\s*#?\s*\d+|ausgabe\s*#?\s*\d+|numéro\s*\d+)"
)
_DATELINE_BEFORE = compiled(r"^[\W_]*(?:[^\W\d_][^\d,]{0,30},\s*)?$")  # "*København, "
# Words of a post's byline or a thread's header, beside the date it was written.
_BYLINE_WORDS = compiled(
    r"(?i)\b(?:min read|view (?:it )?in (?:your )?browser|view online|opened this issue on"
    r"|opened on|commented on|posted|published on"
    r"|published|updated on|veröffentlicht|publié (?:le|par)|publicado (?:el|em|por)|pubblicato"
    r"|publicerad|publiceret|publisert|julkaistu|gepubliceerd|opublikowano|publikováno"
    r"|yayınlandı|yayınlanma)\b"
    r"|发布于|發布於|发表于|發表於|阅读\s*\d|閱讀\s*\d|原创|投稿日|公開日|نُشر|نشر في|تاريخ النشر"
    r"|опубликовано|опубліковано"
)


# A mail header's sender and date lines, as a forwarded message quotes them
_MAIL_FROM = compiled(r"(?i)^[\s*_>]*(?:from|von|de|da|van|från|fra|od|от)\s*[:：]")
# The other fields of a mail's header, between its sender and its date.
_MAIL_FIELD = compiled(
    r"(?i)^[\s*_>]*(?:to|cc|bcc|subject|reply-to|an|betreff|à|objet|para|asunto|assunto|a"
    r"|oggetto|aan|onderwerp|till|ämne|til|emne|do|temat|кому|тема)\s*[:：]"
)
_HEADER_LINES = 6
_MAIL_DATE = compiled(
    r"(?i)^[\s*_>]*(?:date|sent|datum|gesendet|envoyé|enviado|fecha|data|skickat|sendt|дата)"
    r"\s*[:：]"
)


class PageDates:
    """Dates as the page means them. Create one per page reader."""

    def __init__(self, page: PageReader) -> None:
        self.page = page
        self._years: set[int] | None = None  # the years the page names, once asked
        self._dates: list[DateMention] | None = None  # every date on the page, once asked

    def resolve(
        self, mention: DateMention, number: int, *, heading: bool = False
    ) -> tuple[date, date] | None:
        """The first and last day `mention` stands for on this page, or None (reported) when it
        cannot be a date. A heading's date without a year may take the one year the page names
        ("# Meetup · 重庆站 | 8 月 23 日" over "2025 年城市行"); a date in passing may not."""
        page = self.page
        try:
            first, last, notes = mention.resolve(
                page.reference or page.event.first_day or page.day, today=page.today
            )
        except DateError as exc:
            year = self._year_for_weekday(mention)
            weekday = WEEKDAY_NAMES[mention.weekday or 0]
            because = f"the one year it names in which that day is a {weekday}"
            if year is None:
                year = self._year_of_the_same_day(mention)
                because = "where it gives the same day with its year"
            if year is None and mention.weekday is None and heading:
                years = self._years_named()
                year = next(iter(years)) if len(years) == 1 else None
                because = "the one year it names"
            if year is None:
                page.diag.error(number, str(exc))
                page.date_errors.append(number)
                return None
            try:
                first, last, notes = replace(mention, year=year).resolve(None)
            except DateError as again:  # that year's date cannot be either
                page.diag.error(number, str(again))
                page.date_errors.append(number)
                return None
            notes.append(f"{mention.text!r} has no year; {year} from the page, {because}")
        for note in notes:
            page.diag.warn(number, note)
        return first, last

    def byline(self, line: Line, text: str, mention: DateMention) -> bool:
        """ "原创 KubeSphere 社区 KubeSphere云原生 2025年10月27日 18:02 北京", "SeaTunnel社区
        2025-02-28 09:30", "6 min read · Dec 20, 2024": an article's byline near its top (who
        posted it, when, from where), on a page that dates its event elsewhere. Its date is when
        the page was written: the reference for dates without a year."""
        page = self.page
        if line.depth or line.number > page.front.body_line + _BYLINE_LINES:
            return False
        if mention.year is None or len(text) > 160:
            return False
        before = text[: mention.begin]
        says_so = _BYLINE_WORDS.search(text) is not None
        shaped = (  # "SeaTunnel社区 2025-02-28 09:30": who, then the date and time alone
            (
                _BYLINE_AFTER.fullmatch(text, mention.finish) is not None
                # "**pieterclaes** Pieter Claes · Sep 12, 2025": who posted, then when
                or (before.rstrip(" *_").endswith("·") and not text[mention.finish :].strip(" *_"))
            )
            and len(before) <= 60
            and not _DIGIT.search(before)
        )
        dateline = (
            _DATELINE_BEFORE.match(before) is not None
            and not text[mention.finish :].strip(" *_.")
            and any(_ISSUE.search(t) for n, t in page.texts if n < line.number)
        )
        if not (says_so or shaped or dateline):
            return False
        published = date(mention.year, mention.month, mention.day)
        if not (
            before.lstrip().startswith("原创")
            or any(
                (found.month, found.day) != (published.month, published.day)
                for found in self._page_dates()
            )
        ):
            return False
        page.reference = page.reference or published
        return True

    def mail_header(self, text: str) -> bool:
        """ "From: Dogpatch Labs Events <…>" then "Date: Tue, 18 Feb 2025 at 16:02": a forwarded
        mail's header says when it was sent, the reference for dates without a year, not the
        event's date."""
        page = self.page
        if not (_MAIL_DATE.match(text) and self._under_a_sender(page.texts)):
            return False
        dates = find_dates(text)
        year = dates[0].year if dates else None
        if year is None:
            return False
        page.reference = page.reference or date(year, dates[0].month, dates[0].day)
        return True

    @staticmethod
    def _under_a_sender(texts: list[tuple[int, str]]) -> bool:
        """Whether the lines above are a mail's header from its sender on: "From: …", then
        perhaps "To: …", "Cc: …", "Subject: …" (in the mail programs' languages)."""
        for _, above in reversed(texts[-_HEADER_LINES:]):
            if _MAIL_FROM.match(above):
                return True
            if not _MAIL_FIELD.match(above):
                return False
        return False

    def _year_for_weekday(self, mention: DateMention) -> int | None:
        """ "Tuesday, March 17" on a page that says "The 2026 edition" further on: the one year
        the page names in which the date falls on its weekday."""
        if mention.weekday is None or mention.year is not None:
            return None
        fits = [
            year
            for year in self._years_named()
            if weekday_of(year, mention.month, mention.day) == mention.weekday
        ]
        return fits[0] if len(fits) == 1 else None

    def _years_named(self) -> set[int]:
        """The years the page names anywhere ("The 2026 edition", "2025 年城市行", a byline,
        "Spring '25")."""
        if self._years is None:
            body = self.page.front.body
            years = {int(y) for y in _YEAR.findall(body)}
            years |= {int(y) for y in _PATH_YEAR.findall(body)}  # "fosdem.org/2026/schedule/"
            years |= {2000 + int(y) for y in _SHORT_YEAR.findall(body)}  # "Game Jam — Spring '25"
            for first, second in _SEASON.findall(body):  # "la saison 2025-2026", "2025/26"
                years |= {int(first), int(first[:2] + second[-2:])}
            self._years = years
        return self._years

    def _year_of_the_same_day(self, mention: DateMention) -> int | None:
        """ "# Meetup 北京站 | 11 月 8 日" over "活动时间：2025年11月8日（周六）": the year the page
        gives further on for the same day, when it gives one."""
        years = {
            found.year
            for found in self._page_dates()
            if (found.month, found.day) == (mention.month, mention.day) and found.year
        }
        return next(iter(years)) if len(years) == 1 else None

    def _page_dates(self) -> list[DateMention]:
        if self._dates is None:
            self._dates = find_dates(self.page.front.body)
        return self._dates
