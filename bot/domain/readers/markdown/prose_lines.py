"""Lines of prose that only look like agenda lines: a sentence the source wrapped so that a
line starts with a time, a line about the clocks changing, a label naming the room of the list
below it. The page walk (page.py) asks these before it reads a line as a session or a date.
"""

from __future__ import annotations

from bot.domain.patterns import compiled
from bot.domain.readers.markdown.blocks import Line
from bot.domain.timetext.clock import ClockSpan, leading_clock_span
from bot.domain.timetext.dates import find_dates

# A line about the clocks changing names that day and often a time: an aside, never the event.
CLOCK_CHANGE = compiled(
    r"(?i)daylight[- ]sav|\bDST\b|clocks? (?:go|goes|went|change|changes|changed|spring|fall)"
    r"|(?:spring|springs|sprang|fall|falls|fell) (?:forward|back)\b"
    r"|(?:summer|winter|standard) ?time (?:starts|begins|ends|returns)"
    r"|(?:back|forward) to (?:summer|winter|standard|daylight) time"
    r"|canvi d['’]hora|zmiana czasu|změna času|saat(?:ler)? (?:geri|ileri) alın"
    r"|(?:switch|switches|switched|moves?|moved|changes?|goes|go) (?:on)?to (?:summer|winter|standard|daylight) time"
    r"|heure d'(?:hiver|été)|heure d’(?:hiver|été)|changement d'heure|changement d’heure"
    r"|(?:recule|avance)r? l['’]heure|(?:recule|avance)(?:ra|nt)? l['’]heure"
    r"|zeitumstellung|sommerzeit|winterzeit|horario de (?:verano|invierno)|cambio de hora"
    r"|relojes se (?:atrasan|adelantan)|se (?:atrasan|adelantan) los relojes"
    r"|horário de verão|mudança de hora|ora legale|ora solare|zomertijd|wintertijd"
    r"|夏令时|夏令時|冬令时|サマータイム|서머타임"
)
# "（2025/05/20 更新）", "(last updated 3 March 2026)", "Stand: 2. Oktober 2025": when the page
# changed, not an event.
REVISION_NOTE = compiled(
    r"(?i)\b(?:last )?updated\b|\baktualisiert\b|^\W*stand\s*:|\bmis à jour\b|\bactualizado\b"
    r"|\b(?:exported|generated|last (?:edited|modified))\b(?: from [\w.-]+)? on\b"
    r"|\blast (?:edited|modified)\s*:|обновлено|изменено|последнее изменение|соңғы өзгеріс"
    r"|\bzuletzt (?:bearbeitet|geändert)|\bdernière mise à jour|\búltima actualización"
    r"|\blaatst bijgewerkt|\bostatnia aktualizacja"
    r"|\batualizado\b|更新|修订|修訂|改訂"
)
# "> **Update 19 Sept:** Ruairí has had to pull out of the 15:10 slot": a dated note on the
# programme, whatever times it names
UPDATE_NOTE = compiled(
    r"(?i)^[\W_]*(?:update[sd]?|actualización|atualização|aktualisierung|mise à jour|"
    r"aggiornamento|päivitys|uppdatering|opdatering|oppdatering|aktualizace|aktualizacja|"
    r"güncelleme|更新|업데이트)(?![^\W\d_])"
)
_DATE_THEN_TIME = 6  # "… September 25th, at" / "8am PT": a date, then at most ", at"
_BRACKETS = compiled(r"\s*[(（][^()（）]*[)）]")


# "ore 19:00 «Talk»", "ca. 22:00 Uhr – Ende", "approx. 8:00pm Networking", "um 19 Uhr: ..."
_TIME_WORDS_BEFORE = compiled(
    r"(?i)^[^\w]*(?:"
    # "**À partir de 17h00** · Apéritif", "From 9pm: Karaoke", "Desde las 20:00 …"
    r"(?:[àa] partir d(?:e(?: las)?|as)|dès|desde(?: las)?|from|de|dalle(?: ore)?)\s+|[àa] partir d'\s*|"
    r"(?:ore|om|um|ab|à|a las|às|at|dalle|alle|vanaf|od|ok\.|ca\.?|circa|approx\.?|"
    r"approximately|around|about|gegen|vers|environ|約|约)\s+"
    r")?"
)  # also an emoji before the time: "🕡 6:30 – 9:00 PM"


def after_time_words(text: str) -> ClockSpan | None:
    """The time a line starts with after a word that says one follows ("um 19 Uhr: …")."""
    words = _TIME_WORDS_BEFORE.match(text)
    if words is None or not words.end():
        return None
    span = leading_clock_span(text[words.end() :])
    if span is None:
        return None
    return span.moved(words.end())


def room_label(text: str) -> str:
    """ "Main Stage:", "Room 16B (small room, 40 seats — bring a laptop):": a line that names a
    room and ends with a colon, over the list of what happens there."""
    if not text.endswith((":", "：")):
        return ""
    return _BRACKETS.sub("", text).strip(" *_:：")


# A line opened by an emoji or a symbol ("🕘", "📍", "→", "•"): a line of its own, not prose.
_MARKED = compiled(r"^[^\w\s\"'“‘(（\[*_¡¿]")


def inside_a_sentence(line: Line) -> bool:
    """A line of a prose paragraph that starts with a time only because the source wrapped
    there: the line before it in the paragraph is prose that breaks off mid-sentence (and does
    not end with a date the time completes), and neither it nor the line after starts with a
    time (an agenda written as one paragraph of lines does)."""
    before, after = line.wrapped
    if not before or line.depth or line.inline.bold or len(before) < 40:
        return False
    if _MARKED.match(line.inline.text):
        return False  # "📍 Nailab, …" / "🕘 8:30 AM – 4:00 PM": a line of a block of marked lines
    if _MARKED.match(before) and line.inline.text[:1].isupper():
        return False  # "📍 Le Lieu Unique, Nantes" / "À partir de 19h — …": a sentence of its own
    ending = before.rstrip(" *_")[-1:]
    if not (ending.isalpha() or ending in ",/-–—("):
        return False
    dates = find_dates(before)
    return not (
        leading_clock_span(before)
        or after_time_words(before)
        or leading_clock_span(after)
        or after_time_words(after)
        or (dates and len(before.rstrip(" *_,")) - dates[-1].finish <= _DATE_THEN_TIME)
    )
