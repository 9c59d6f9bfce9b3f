"""Speakers as agendas write them: "Name (Company)", "Name @ Company", "Name, Company",
"A、B", "A & B", "A, Org; B, Org", "李伟明 阿里云", "田中 太郎 (@tanakataro)"."""

from __future__ import annotations

import re

from bot.domain.agenda import Speaker
from bot.domain.patterns import compiled
from bot.domain.readers.markdown.affiliations import (
    HAN,
    KANA,
    reads_as_cjk_organisation,
    reads_as_organisation,
    reads_as_role,
)

# What stands between speakers in a cell, or between a speaker and their affiliation (a comma;
# " / " between two people: "Jane Doe / Acme" is one person and her company).
# The words that join two people ("Inês Barbosa e Tiago Fonseca", "Ana y Luis", "Sofie en
# Jonas", "Ebba och Nils", Hungarian "Horváth Dániel és Varga Bence", Romanian "Andrei Pop și
# Ioana Mureșan")
_JOINING_WORDS = ("and", "und", "et", "ve", "y", "e", "en", "og", "och", "és", "și", "şi")
_CELL_SEPARATORS = compiled(rf"\n|;|；|、|[,，]|\s&\s|\s+(?:{'|'.join(_JOINING_WORDS)})\s+|\s/\s")
# The same in a title's tail ("Talk — Jane Doe & Wei Li"), where "&" and "/" need no spaces.
_TAIL_SEPARATORS = compiled(
    r"\s*(?:;|；|、|[,，]|&|/|\band\b|\bund\b|\bet\b|\sy\s|\se\s|\sen\s|\sés\s|\s[șş]i\s)\s*"
)  # ("y", "e", "en": "Elena Rosso (CSI) e Davide Gallo", "Ana y Luis", "Sofie en Jonas")
_TRAILING_PAREN = compiled(r"^(?P<name>.+?)\s*[(（](?P<aff>[^()（）]+)[)）]\s*$")
_AT = compiled(r"^(?P<name>.+?)\s+(?:@|at)\s+(?P<aff>.+)$")
# "Name - Company", "Name / Company", "王晓雯｜杭州云原生社区 发起人"
_DASH = compiled(r"^(?P<name>[^-–—|/｜／]+?)\s*(?:\s[-–—|]\s|/|｜|／)\s*(?P<aff>.+)$")
_LABEL = compiled(
    r"^\s*(?:(?:speakers?|presenters?|by)\b|讲师|嘉宾|分享嘉宾|讲者|演讲者|主持人|主持|分享人|講者|講師|"
    r"発表者|登壇者|登壇|강사|발표자|연사)\s*[:：]?\s*",
    re.IGNORECASE,
)
# "(@tanakataro)" after a name is the person's handle, not where they work.
_HANDLE = compiled(r"@[A-Za-z0-9_][\w.-]{0,38}")
_HANDLE_PAREN = compiled(r"(?<=\S)\s*[(（]\s*@[A-Za-z0-9_][\w.-]{0,38}\s*[)）]")


_HONORIFIC_TITLE = compiled(
    r"^(?:Prof\.?|Profa\.?|Prof\.ª|Professor|Dr\.?|Dra\.?|Dr\.ª|Mr\.?|Ms\.?|Mrs\.?|Mx\.|Ing\.|"
    r"Lic\.|Mtro\.|Mtra\.)\s+(?=[A-ZÀ-Þ])"
    # Vietnamese, lower case before a name ("anh Nguyễn Minh Tuấn", "chị Trần Thu Hà")
    r"|^(?:anh|chị|thầy|cô|ông|bà)\s+(?=[A-ZĐÀ-Þ\u1ea0-\u1ef9])"
)
_CJK_NAME_AND_ROLE = compiled(
    r"^(?P<name>[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{2,4})\s*[,，]\s*(?P<aff>[^,，、]{3,60})$"
)
# A name in Han characters, a space, and what follows: "李伟明 阿里云", "田中 太郎".
_CJK_NAME_SPACED = compiled(
    rf"^(?P<name>[{HAN}]{{2,4}})[ \u3000]+(?P<rest>[^\s/|\-–—,，、&／｜].*)$"
)
_CJK_WORD = compiled(rf"[{HAN}{KANA}]{{1,3}}")


# "TBA", "TBD", "to be announced", "N/A", "待定", "A confirmar", "offen": a speaker not known
# yet is nobody.
_NOBODY = compiled(
    r"(?i)\s*(?:(?:speakers?|spreker|sprecher(?:in)?|referent(?:in)?|relatore|relatrice|"
    r"intervenant(?:·e|e)?|orateur|oratrice|ponente|palestrante|prelegent)\s+)?"
    # "TBA, got something? Ping us!": the call for a speaker after it says nobody too
    r"(?:tb[adc](?:\s*[,;!—–-]\s.{0,60})?|t\.b\.[adc]\.?|to be (?:announced|confirmed|determined|decided)|n/?a|\?+"
    r"|a confirmar|por confirmar|a definir|por definir|à confirmer|à définir|a definir"
    r"|da definire|da confermare|in via di conferma|wird noch bekannt gegeben|offen|folgt"
    r"|n\.\s?n\.|nog open|noch offen"
    # a team, not a person: "Orga-Team", "the organizing team", "Panitia", "运营团队" (named
    # organizers, "Organizers", are kept as written)
    r"|(?:the\s+)?(?:orga|organi[sz]ing|organi[sz]ation|organi[sz]er)[- ]?team"
    r"|(?:the\s+)?(?:team|staff|crew)|panitia|運営|运营团队|主办方|운영진"
    r"|open mic|you\?*|vous\?*|everyone|all of us|everybody|todos|todes"
    r"|待定|未定|待公布|調整中|未定です|미정)\s*[.!]?\s*"
)


def parse_speakers(text: str) -> list[Speaker]:
    """Every speaker named in a cell or line; affiliations where the text separates them.

    "Jane Doe, Acme Corp" is one speaker and her company, "Jane Doe, Wei Li" two speakers: a
    part after a comma is an affiliation when it reads as an organisation or a job title (or is
    one word after a person's full name), and the next person otherwise.
    """
    cleaned = _HANDLE_PAREN.sub("", _LABEL.sub("", text.strip()))
    if not cleaned.isascii():  # "木村 美咲 さん（…）", "A さん、B さん": the honorific is no name
        cleaned = _HONORIFIC_BEFORE_PAREN.sub("", cleaned)
    if _NOBODY.fullmatch(cleaned):
        return []
    cjk = _cjk_person(cleaned, in_cell=True)
    if cjk is not None:
        # "陈晨，字节跳动前端工程师", "周杰 青云科技 KubeSphere 研发工程师": a person and their company
        return [cjk]
    speakers: list[Speaker] = []
    continued = False  # the last speaker's affiliation was written in parts: "Role, Company"
    parts = _split_outside_parens(cleaned, _CELL_SEPARATORS)
    part_count = len(parts)
    for index, (separator, raw) in enumerate(parts):
        part = _WHO_LABEL.sub("", raw.strip(" \t*_-–—:：")) if separator else raw
        part = part.strip(" \t*_-–—:：")  # "…, with Tomás Oyarzún", "… y por Ana Ruiz"
        if not part or len(part) > 120 or _NOBODY.fullmatch(part):
            continue
        kind = _separator_kind(separator)
        last = speakers[-1] if speakers else None
        # "Rasmus Kjær, Lead Data Engineer, Danske Spil": after a role, the cell's last part
        # is where the role is held
        after_role = (
            continued
            and index == part_count - 1
            and last is not None
            and reads_as_role(last.affiliation or "")
        )
        if (
            last is not None
            and kind == "comma"
            and (after_role or _is_affiliation(part, last, continued))
        ):
            speakers[-1] = Speaker(last.name, _joined(last.affiliation, part))
            continued = True
            continue
        if (
            last is not None
            and separator == "\n"
            and last.affiliation is None
            and _person_shaped(last.name)
            and (reads_as_organisation(part) or len(speakers) == 1 == part_count - 1)
            and not _second_person(part)
        ):
            # "Jane Doe<br><small>Acme</small>"; "林佳慧<br>Taipei.py 主辦" (one name, one line under)
            speakers[-1] = Speaker(last.name, part)
            continue
        if (
            last is not None
            and kind == "slash"
            and last.affiliation is None
            and not (_person_shaped(last.name) and _is_other_person(part))
        ):
            speakers[-1] = Speaker(last.name, part)  # "Jane Doe / Acme"
            continue
        speakers.append(parse_speaker(part))
        # "Siti Rahmawati — Engineering Manager, Tokopedia": the company goes on after a comma
        continued = speakers[-1].affiliation is not None and _DASH.match(part) is not None
    return speakers


def _second_person(part: str) -> bool:
    """Whether a cell's line under a name is another person: a Latin full name, or a Han name
    with a family name first ("趨勢科技" is four Han characters, and a company)."""
    written = part.strip(" *_")
    if re.fullmatch(f"[{HAN}{KANA}]+", written):
        return _cjk_name_alone(written)
    return _person_shaped(part)


# "модератор Әсел Төлегенова", "Moderator: Jane Roe", "Host: Amara Okafor": the role, then who
_ROLE_BEFORE = compiled(
    r"(?i)^(?:moderator(?:in)?|moderation|moderador[a]?|modérat(?:eur|rice)|moderatore"
    r"|модератор|ведущ(?:ий|ая)|hosts?)\s*[:：]?\s+(?=\w)"
)


def parse_speaker(text: str) -> Speaker:
    """One person as written: "Name (Company)", "Name @ Company", "Name - Company"."""
    text = _HONORIFIC_TITLE.sub("", _ROLE_BEFORE.sub("", text))
    for pattern in (_TRAILING_PAREN, _AT, _DASH):
        match = pattern.match(text)
        if match:
            name, affiliation = match.group("name").strip(), match.group("aff").strip()
            if _HANDLE.fullmatch(affiliation):
                return Speaker(name)  # "Jane Doe (@jane)": a handle, not a company
            return Speaker(name, affiliation)
    return Speaker(text.strip())


def _split_outside_parens(text: str, separators: re.Pattern[str]) -> list[tuple[str, str]]:
    """The parts of `text` between separators, each with the separator before it ("" for the
    first); a separator inside parentheses ("Jane Doe (Research & Development)") splits nothing."""
    parts: list[tuple[str, str]] = []
    start, before = 0, ""
    depth, counted = 0, 0  # parentheses open before `counted`
    for match in separators.finditer(text):
        depth += _depth(text[counted : match.start()])
        counted = match.start()
        if depth > 0:
            continue
        parts.append((before, text[start : match.start()]))
        start, before = match.end(), match.group()
    parts.append((before, text[start:]))
    return parts


def _depth(text: str) -> int:
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def _separator_kind(separator: str) -> str:
    """ "comma", "slash", "joiner" (&, and, und) or "list" (a new line, ";", "、")."""
    word = separator.strip().casefold()
    if word in (",", "，"):
        return "comma"
    if word == "/":
        return "slash"
    if word == "&" or word in _JOINING_WORDS:
        return "joiner"
    return "list"


def _joined(affiliation: str | None, part: str) -> str:
    return f"{affiliation}, {part}" if affiliation else part


def _is_affiliation(part: str, person: Speaker, continued: bool) -> bool:
    """Whether `part`, after a comma behind `person`, is where they work: an organisation
    ("Acme Corp", "PingCAP", "CNCF", "Red Hat"), a job title ("Senior Engineer"), or one word
    after a person's full name ("Jane Doe, Twilio"); never a second person ("Wei Li")."""
    if person.affiliation is not None and not continued:
        return False  # "Jane Doe (Acme), Wei Li"
    if reads_as_organisation(part) or reads_as_role(part):
        return True
    if _person_shaped(part):
        return False
    if not _person_shaped(person.name):
        return False
    # "Arjun Mehta, Swiggy-ish startup": words written as no name is (capitals and lower case
    # mixed, a lower-case word not a particle) describe where the person works
    return re.fullmatch(r"[^\W\d_][\w.&'’+-]*", part) is not None or (
        part != part.lower() and not name_shaped(part)
    )


def _is_other_person(part: str) -> bool:
    return _person_shaped(part) and not reads_as_organisation(part)


def _person_shaped(text: str) -> bool:
    """Whether `text` is a person's full name alone: two to four capitalised words ("Jane Doe",
    "priya raman" as some pages write them), or a name in Han characters or kana."""
    stripped = text.strip(" *_")
    if re.fullmatch(rf"[{HAN}{KANA}]{{2,4}}|[{HAN}]{{1,3}}[ \u3000][{HAN}{KANA}]{{1,3}}", stripped):
        return True
    if len(stripped.split()) < 2:
        return False
    if stripped == stripped.lower():
        stripped = stripped.title()
    person = _latin_person(stripped)
    return person is not None and person.affiliation is None


def _cjk_person(text: str, *, in_cell: bool) -> Speaker | None:
    """A person named in Han characters with their affiliation: "陈晨，字节跳动前端工程师",
    "李伟明 阿里云", "周琳 腾讯云", "李伟 PingCAP", "田中 太郎 株式会社メルカリ". `in_cell`: the text is
    known to name people (a speaker cell), so a company after the name needs no family name
    from the list before it."""
    comma = _CJK_NAME_AND_ROLE.match(text)
    if comma is not None and comma.group("name")[0] in _SURNAMES:
        affiliation = comma.group("aff").strip()
        if not _cjk_name_alone(affiliation):  # "李伟，王小明": two people
            return Speaker(comma.group("name"), affiliation)
    spaced = _CJK_NAME_SPACED.match(text)
    if spaced is None:
        return None
    name, rest = spaced.group("name"), spaced.group("rest").strip()
    given = _GIVEN_THEN_PAREN.fullmatch(rest)  # "高橋 美咲（メルペイ）": family, given, company
    if given is not None and len(name) <= 3:
        return Speaker(f"{name} {given.group(1)}", given.group(2).strip())
    surname = name[0] in _SURNAMES
    if reads_as_organisation(rest):
        return Speaker(name, rest) if in_cell or surname else None
    words = rest.split(maxsplit=1)
    if (
        len(words) == 2
        and len(name) <= 3
        and _CJK_WORD.fullmatch(words[0])
        and reads_as_organisation(words[1])
    ):
        return Speaker(f"{name} {words[0]}", words[1])  # family name, given name, company
    if surname and len(name) <= 3 and 4 <= len(rest) <= 61:
        return Speaker(name, rest)  # "黄强 某电商平台 大数据负责人"
    return None  # "田中 太郎": one person's family and given names


_GIVEN_THEN_PAREN = compiled(rf"([{HAN}{KANA}]{{1,3}})\s*[(（]([^()（）]+)[)）]")


def _cjk_name_alone(text: str) -> bool:
    """ "王小明", "张宇": a person's name in Han characters, not a company or a role."""
    return (
        re.fullmatch(f"[{HAN}]{{2,3}}", text) is not None
        and text[0] in _SURNAMES
        and not reads_as_cjk_organisation(text)
    )


# Words that label who gives a talk, after its title ("… Talare: Ebba Lindqvist") or at the
# end of a sentence about it ("… Instructors: Aaliyah Johnson & Wen Li").
SPEAKER_WORDS = (
    r"speakers?|talare|instructors?|presenters?|referent(?:in|en)?|ponentes?|palestrantes?|"
    r"intervenants?|relatori?"
)
# A title, then a speaker label and the people: the two lines of a list item shown as one.
_LABELLED_TAIL = compiled(
    rf"(?i)^(?P<title>.{{3,}}?)[\s.,;·—–-]+(?:{SPEAKER_WORDS}|登壇者?|讲师|講師|讲者|講者)"
    r"\s*[:：]\s*(?P<who>[^:：]{2,120})$"
)
# "by" splits only when what follows is clearly people: it carries an affiliation.
_HOSTED_TAIL = compiled(
    r"(?i)^(?P<title>.+?)\s*(?:[(（]\s*|\s[-–—]\s+)"
    r"(?:(?:moderated|hosted|led|facilitated|run|organi[sz]ed)\s+by|facilita|moderad[oa]\s+por"
    r"|anim[ée]e?\s+par|mod[ée]r[ée]e?\s+par|moderiert\s+von)\s+"
    r"(?P<who>[^()（）]+(?:[(（][^()（）]*[)）][^()（）]*)*?)[)）]?\s*$"
)
_BY = compiled(r"^(?P<title>.+?)\s+(?:presented by|by)\s+(?P<who>[^()（）]+[(（@].*)$")
_DASHED = compiled(r"^(?P<title>.+?)\s+[-–—|]\s+(?P<who>[^-–—|]+[(（][^()（）]+[)）].*)$")


# A person's name: two to four capitalised words ("Jane Roe", "Ana de la Cruz", "O'Neil"), or
# two to four CJK characters, optionally with an affiliation after a comma or in parentheses.
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩΆ-ΏА-ЯЁЄІЇҐ][\w'’.-]*"  # Latin, Greek and Cyrillic capitals
_PERSON = compiled(
    rf"^(?P<name>{_NAME_WORD}(?:\s+(?:(?:de|da|do|dos|van|von|der|den|la|le|del|di|bin)\s+)*{_NAME_WORD}){{1,3}}"
    r"|[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{1,3}\s?[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{1,3})"
    r"(?:\s*[(（](?P<paren>[^()（）]+)[)）]|\s*[,，@]\s*(?P<aff>[^,，]{2,60}))?\s*$"
)
# Capitalised words that make a title, not a name ("Lightning Talks", "Open Mic").
_NOT_NAMES = frozenset(
    [
        "talk",
        "talks",
        "panel",
        "session",
        "sessions",
        "lightning",
        "open",
        "mic",
        "q&a",
        "qa",
        "ama",
        "demo",
        "demos",
        "intro",
        "keynote",
        "workshop",
        "break",
        "lunch",
        "dinner",
        "coffee",
        "networking",
        "welcome",
        "opening",
        "closing",
        "remarks",
        "community",
        "update",
        "updates",
        "news",
        "announcements",
        "wrap-up",
        "party",
        "drinks",
        "pizza",
        "social",
        "hour",
        "show",
        "tell",
        "office",
        "hours",
        "roundtable",
        "discussion",
        "the",
        "and",
        "of",
        "for",
        "with",
        "in",
        "on",
        "to",
        "a",
        "an",
        "our",
        "your",
        "my",
        "new",
        "future",
        "kubernetes",
        "cloud",
        "native",
        "security",
        "data",
        "ai",
        "ml",
        "python",
        "rust",
        "go",
        "java",
        "web",
        "api",
        "apis",
        "platform",
        # Words of subtitles after a dash ("Keynote — Building Communities", "Lunch - Catered
        # Buffet"): common nouns and adjectives, none of them a given name or a family name.
        "building",
        "communities",
        "catered",
        "catering",
        "buffet",
        "hands",
        "hands-on",
        "funding",
        "source",
        "lessons",
        "learned",
        "tips",
        "tricks",
        "basics",
        "beginners",
        "advanced",
        "started",
        "practices",
        "dive",
        "coding",
        "hackathon",
        "meet",
        "greet",
        "registration",
        "check-in",
        "breakfast",
        "snacks",
        "food",
        "reception",
        "apero",
        "apéro",
        "beers",
        "games",
        "quiz",
        "raffle",
        "awards",
        "prizes",
        "sponsors",
        "thanks",
        "edition",
        "recap",
        "overview",
        "study",
        "studies",
        "stories",
        "journey",
        "tutorial",
        "tools",
        "tooling",
        "patterns",
        "design",
        "architecture",
        "observability",
        "monitoring",
        "production",
        "serverless",
        "microservices",
        "containers",
        "database",
        "databases",
        "frontend",
        "backend",
        "mobile",
        "apps",
        "retrospective",
        "intermission",
        "live",
        "deep",
        "scale",
        "performance",
        "ecosystem",
        "devops",
        "software",
        "morning",
        "afternoon",
        "evening",
        "track",
        "room",
        "hall",
        "stage",
        "main",
        "online",
        "remote",
        "hybrid",
        "virtual",
        "free",
        "optional",
        "provided",
        "included",
        "vegan",
        "vegetarian",
        "menu",
        "sandwiches",
        "part",
        "round",
        "feedback",
        "questions",
        "answers",
        "chat",
        "fireside",
        "kickoff",
        "kick-off",
        "farewell",
        "summary",
        "beyond",
        "how",
        "why",
        "what",
        "from",
        "at",
        "is",
        "are",
        "vs",
        "vs.",
    ]
)
# Endings of title words that no name has: "Communities", "Automation", "Biology", "Deployment";
# a first word ending in "-ing" ("Scaling Teams", "Getting Started") is a verb, not a given name.
_TITLE_ENDINGS = compiled(r"(?:ities|tions?|sions?|ology|ologies|ments?)$", re.IGNORECASE)
_GERUND = compiled(r"^[A-Z][a-z]{3,}ing$")


def _title_words(name: str) -> bool:
    """Whether capitalised words are a title's ("Building Communities"), not a person's name."""
    words = name.split()
    if any(word.casefold() in _NOT_NAMES for word in words):
        return True
    if any(len(word) >= 8 and _TITLE_ENDINGS.search(word) for word in words):
        return True
    return bool(_GERUND.match(words[0])) and len(words[0]) >= 7


def looks_like_person(text: str) -> Speaker | None:
    """ "Jane Roe", "Jane Roe (Example Corp)", "Jane Roe, Example Corp", "张三": one person."""
    if not text.isascii():
        text = _HONORIFIC_BEFORE_PAREN.sub("", text)  # "木村 美咲 さん（株式会社リテールAI）"
    core = text.strip(" *_")
    if core[:1] in "(（" and core[-1:] in ")）":
        core = core[1:-1].strip()  # "（李雷）": the brackets around a name, not its company's
    named = _cjk_person(core, in_cell=False)
    if named is not None:  # "黄强 某电商平台 大数据负责人"
        return named
    handle = re.fullmatch(r"\s*@([A-Za-z0-9][\w.-]{1,38})\s*", text)
    if handle:  # "(@lucasfernog)": people by their handle
        return Speaker(handle.group(1))
    thai = _THAI_PERSON.fullmatch(core)
    if thai is not None:  # "คุณธนพล ศรีสุข": Khun (the honorific), then a name and surname
        return Speaker(thai.group("name"), thai.group("aff"))
    return _latin_person(text)


_RTL_PERSON = compiled(
    r"[\u05d0-\u05ea\u0621-\u064a]{2,}(?: [\u05d0-\u05ea\u0621-\u064a]{2,}){1,2}"
)
# A Thai name after its honorific (คุณ, ดร.): without one, two Thai words may be a title's.
_THAI_PERSON = compiled(
    r"(?:คุณ|ดร\.\s?)(?P<name>[\u0e01-\u0e4e]{2,30}\s[\u0e01-\u0e4e]{2,30})"
    r"(?:\s*[(（,，]\s*(?P<aff>[^()（）]+?)\s*[)）]?)?"
)


def several_people(text: str) -> list[Speaker] | None:
    """ "Akinyi Otieno, Grace Mwangi", "Ana Ruiz & Li Wei": two people or more, each name
    person-shaped (a second name after a comma is not the first one's company)."""
    if len(text) > 160 or _CELL_SEPARATORS.search(text) is None:
        return None  # one part: one person at most
    people = parse_speakers(text)
    if len(people) < 2 or not all(_person_shaped(p.name) for p in people):
        return None
    return people


def _latin_person(text: str) -> Speaker | None:
    """A name of two to four capitalised words (or a short CJK name), with the affiliation
    written after a comma, an "@" or in parentheses; None for title words and acronyms."""
    match = _PERSON.match(_HONORIFIC_TITLE.sub("", text.strip(" *_")))
    if match is None:
        return None
    name = match.group("name")
    if _title_words(name):
        return None
    if any(len(word) > 1 and word.isupper() and word.isascii() for word in name.split()):
        return None  # "Flink SQL", "Kubernetes API": acronyms are not in people's names
    affiliation = (match.group("paren") or match.group("aff") or "").strip()
    if _HANDLE.fullmatch(affiliation):
        return Speaker(name)  # "Jane Roe (@jane)": her handle, not her company
    return Speaker(name, affiliation or None)


# "with" only after a comma: "Fireside chat with Priya Raman" is a title as written
# (docs/speakers.md), "Fireside chat: serving models, with Lin Zhao" credits its speakers.
# "w/ Dana Whitfield", "— moderated by Amara Okafor", "…的那一年｜講者：陳怡君" do too.
_TAIL = compiled(
    r"^(?P<title>.+?)\s*(?:\s[-–—|·]{1,2}\s|——|\s*｜\s*"
    r"|\s(?:by|par|von|por|w/|v/|door|com [ao]|avec|a cargo de|presentato da|โดย)\s"
    r"|[,，]\s*(?:with|mit|a cura di|con|com(?: [ao])?)\s)"
    r"\s*(?:(?i:moderated by|moderiert von|modéré par|animé par|moderado por|moderada por)\s+)?"
    # "Mei-Ling Cho": a hyphen inside a name; "intervenant·e": a point inside a word
    r"(?P<who>(?:[^-–—|·｜]|(?<=\w)[-·](?=\w))+)$"
)
_QUOTES = "«“\"„《「『'"
# The most common Chinese family names: "张伟 某某科技" is a person and a company only when the
# name starts with one, so "云原生 实践" stays a title.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符"
    "舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农"
    "司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商"
    "刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
# A word of two or three Han characters standing alone in a title cell: a name, when it starts
# with a family name ("钟禄垚" in "使用 eBPF 加速 Istio/Envoy 网络 钟禄垚 英特尔").
_CJK_NAME_WORD = compiled(r"(?<=\s)(?P<name>[\u4e00-\u9fff]{2,3})(?=\s|$)")
_QUOTED_TAIL = compiled(
    r"^(?P<title>[^«“\"„《「『]*[«“\"„《「『][^»”\"“》」』]+[»”\"“》」』])\s*[,，:：]?\s*"
    r"(?:[-–—]{1,2}|par|com|by|with|von|mit|por|de|avec|with)?\s*(?P<who>[^«“\"„《「』]+)$"
)
_PAREN_TAIL = compiled(r"^(?P<title>.+?)\s*[(（](?P<who>[^()（）]+)[)）]\s*$")
_WHO_LABEL = compiled(
    r"^\s*(?:発表者|講師|登壇者|讲师|嘉宾|讲者|講者|主講|主讲|主持人|分享人|발표자|연사|강사"
    r"|(?:speakers?|presenters?|by|with|mit|par|por|com(?: [ao])?|door|con|avec|a cargo de"
    r"|presentato da|a cura di|(?:moderated|hosted|led) by|anim[ée]e? par|mod[ée]r[ée]e? par"
    r"|moderiert von|moderad[oa] por)\b)\s*[:：]?\s*",
    re.IGNORECASE,
)
_HONORIFIC = compiled(r"\s*(?:さん|氏|先生|様|老师|老師|博士|님|씨)\s*$")
_HONORIFIC_BEFORE_PAREN = compiled(
    r"\s*(?:さん|氏|先生|様|老师|老師|博士|님|씨)(?=\s*(?:[（(、,，/／]|$))"
)
_COLON_TAIL = compiled(r"^(?P<title>[^:：]{3,}?)\s*[:：]\s*(?P<who>[^:：]+)$")
# Sessions given by several people at once: "Panel: Jane Doe & Wei Li".
_PANEL = compiled(
    r"(?i)(?:\b(?:panel|panel discussion|discussion|roundtable|round table|fireside chat|chat|"
    r"conversation|interview|q\s?&\s?a|ama|debate|podiumsdiskussion|table ronde|mesa redonda)|"
    r"圆桌|圆桌讨论|对话|对谈|座谈|访谈|パネル|パネルディスカッション|対談|座談会)\s*$"
)


_PARTICLES = frozenset(
    ("de", "da", "do", "dos", "van", "von", "der", "den", "la", "le", "del", "di")
)


_REFERENCE = compiled(r"[#!]\d+\b")


def name_shaped(name: str) -> bool:
    """Whether a name read from a cell's second line can be one: not in parentheses, and in
    Latin letters every word but a particle capitalised ("Ana de la Cruz", not "Case study")."""
    if name[:1] in "(（" or _REFERENCE.match(name):
        return False  # (nor "#1482", an issue's number)
    words = [w for w in name.split() if w[:1].isalpha() and w[:1].isascii()]
    return all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words)


_CHAIR_REMARK = compiled(
    r"\s*[(（]\s*(?i:(?:session )?chair(?:ed by|s)?|座長|presidente de mesa|modération|Vorsitz)"
    r"\s*[:：]?\s*[^()（）]{2,60}[)）]\s*$"
)


def split_title_and_speakers(text: str) -> tuple[str, list[Speaker]]:
    """A cell or line holding both: "Title<br>Speaker", "Title by Speaker", "Title - Name (Co)".

    Only splits where the shape is clear; otherwise the whole text is the title.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return "", []
    if len(lines) > 1:
        # "Title<br>Jane Roe"; not "Title<br><small>Case study</small>" nor "Lightning talks<br>
        # (sign up at the door)": the lines below are people only when shaped like names.
        people = parse_speakers("\n".join(lines[1:]))
        if all(name_shaped(p.name) for p in people):
            return lines[0], people
        return lines[0], []
    # "Session 1: ML for health (chair: Dr Hemi Walker)": who chairs it is no speaker of it
    single = _CHAIR_REMARK.sub("", lines[0])
    # «Title» par Marc Dupont, "Title", com Fernanda Lima, 《题目》— 王磊, «Kotlin 2.3 – was ist
    # neu?» (Samuel Frei): a quoted title, then people (a dash inside the quotes is the title's).
    quoted = _QUOTED_TAIL.match(single)
    if quoted and _NOBODY.fullmatch(quoted.group("who").strip(" -–—")):
        return quoted.group("title").strip(), []
    if quoted:
        who = quoted.group("who").strip()
        if who[:1] in "(（" and who[-1:] in ")）":
            who = who[1:-1]
        who = _WHO_LABEL.sub("", who)  # "「タイトル」 発表者: 山本 拓海"
        quoted_people = [
            looks_like_person(p) for p in re.split(r"\s*(?:&|\band\b|\bet\b|\be\b|、|/)\s*", who)
        ]
        if quoted_people and all(quoted_people):
            return quoted.group("title").strip(), [p for p in quoted_people if p]
        if _RTL_PERSON.fullmatch(who.strip(" -–—")):
            # '"Server Components בלי דמעות" – נועה לוי': after a quoted title, a name and
            # surname in Hebrew or Arabic letters (no capitals to tell a name by)
            return quoted.group("title").strip(), [Speaker(who.strip(" -–—"))]
    labelled = _LABELLED_TAIL.match(single) if ":" in single or "：" in single else None
    if labelled is not None:  # "Kotlin i produktion Talare: Ebba Lindqvist, Nordlys Consulting"
        people = parse_speakers(labelled.group("who"))
        if people:
            return labelled.group("title").strip(" ,，.·—–-"), people
    hosted = _HOSTED_TAIL.match(single)
    if hosted is not None:
        # "Panel: … (moderated by Ritu Sharma, Postman)", "Capture the Flag — hosted by JOSA",
        # "Retro del Q1 — facilita Arturo Méndez": who leads it, said after the title
        who = hosted.group("who").strip(" *_")
        title, panel = split_title_and_speakers(hosted.group("title").strip(" ,，"))
        return title, panel + (_people_in_tail(who) or [])  # (", avec A, B et C (animé par D)")
    for pattern in (_BY, _DASHED):
        match = pattern.match(single)
        if match and match.group("who")[:1] not in _QUOTES:
            people = parse_speakers(match.group("who"))
            if pattern is _DASHED and not all(name_shaped(p.name) for p in people):
                # "Lightning talks — sign up at the door (max. 5 min)": a remark, no one; but
                # "LLMs on a budget — running open models on one GPU (Émilie Arsenault)": the
                # person in brackets closes the title
                paren = _PAREN_TAIL.match(single)
                if paren is not None and looks_like_person(paren.group("who")):
                    continue
                people = []
            return match.group("title").strip(" ,，"), people
    # "Talk title — Jane Roe", "Talk title: Jane Roe, Example Corp", "Talk (Jane Roe)",
    # "題目（発表者：佐藤 健 さん）": only when the tail is people.
    for pattern in (_TAIL, _COLON_TAIL, _PAREN_TAIL):
        match = pattern.match(single)
        if match is None:
            continue
        title = match.group("title").strip(" *_,，")
        if pattern is not _COLON_TAIL and _NOBODY.fullmatch(match.group("who")):
            return title, []  # "“Backstage at 2,000 services” – speaker TBC": nobody yet
        named = _people_in_tail(_HONORIFIC.sub("", _WHO_LABEL.sub("", match.group("who"))))
        if named is None:
            continue
        if pattern is _COLON_TAIL and not _colon_names_people(title, named):
            continue  # "Scaling Go: Lessons Learned" is a title; "Talk: Jane Roe, Acme" is not
        return title, named
    # "基于 eBPF 的可观测性实践 张伟 某某科技": a Chinese title cell with the speaker at its end.
    # Titles hold words of two or three characters too ("加速", "网络"), and companies start
    # like names ("华为云"): the first name followed by one word at most, else the first name.
    found = []
    for cjk in _CJK_NAME_WORD.finditer(single):
        title, aff = single[: cjk.start()].strip(), single[cjk.end() :].strip()
        if (
            cjk.group("name")[0] in _SURNAMES
            and re.search(r"[\u4e00-\u9fff]", title)
            and (not aff or 2 <= len(aff) <= 61)
        ):
            found.append((title, cjk.group("name"), aff))
    if found:
        title, name, aff = next((f for f in found if " " not in f[2]), found[0])
        return title.strip(" 》"), [Speaker(name, aff or None)]
    return single, []


def _people_in_tail(who: str) -> list[Speaker] | None:
    """The people a title's tail names, each with their affiliation: "Jane Doe, Acme Corp",
    "Jane Doe & Wei Li", "Carlos García, Chainguard; Li Wei, PingCAP"; None when a part is not
    a person's (then the tail is more of the title)."""
    people: list[Speaker] = []
    continued = False  # the last person's affiliation is being written: "Role, Company"
    for separator, raw in _split_outside_parens(who, _TAIL_SEPARATORS):
        part = _HONORIFIC.sub("", raw.strip(" *_"))
        if not part:
            return None
        kind = _separator_kind(separator)
        last = people[-1] if people else None
        if (
            last is not None
            and kind == "comma"
            and (continued or last.affiliation is None)
            and (reads_as_organisation(part) or reads_as_role(part) or not _person_shaped(part))
        ):
            if len(part) > 60:
                return None
            people[-1] = Speaker(last.name, _joined(last.affiliation, part))
            continued = True
            continue
        if last is not None and kind == "joiner" and continued and not _person_shaped(part):
            # "Jane Doe, Research & Development": the "&" is the company's
            people[-1] = Speaker(last.name, f"{last.affiliation} {separator.strip()} {part}")
            continue
        person = looks_like_person(part)
        if person is None:
            return None
        people.append(person)
        continued = False
    return people or None


def _colon_names_people(title: str, people: list[Speaker]) -> bool:
    """Whether "Title: X" names people in X, not a subtitle: each with an affiliation ("Talk:
    Jane Roe, Acme"), or two people or more after a panel's name ("Panel: Jane Doe & Wei Li")."""
    if all(person.affiliation for person in people):
        return True
    return len(people) >= 2 and _PANEL.search(title) is not None
