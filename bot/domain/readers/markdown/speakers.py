"""Speakers as agendas write them: "Name (Company)", "Name @ Company", "A、B", "A & B"."""

from __future__ import annotations

import re

from bot.domain.agenda import Speaker

_SEPARATORS = re.compile(r"\n|;|；|、|，|\s&\s|\s+and\s+|,(?![^()（）]*[)）])")
_TRAILING_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<aff>[^()（）]+)[)）]\s*$")
_AT = re.compile(r"^(?P<name>.+?)\s+(?:@|at)\s+(?P<aff>.+)$")
_DASH = re.compile(r"^(?P<name>[^-–—|/]+?)\s*(?:\s[-–—|]\s|/)\s*(?P<aff>.+)$")
# "Keith Chan, CNCF": a comma before an organisation is an affiliation, not a second speaker.
_ORGANISATION = re.compile(
    r"^[A-Z0-9][A-Z0-9&.\- ]+$|\b(?:Inc|Corp|Corporation|GmbH|AG|Ltd|LLC|Labs?|Cloud|University|"
    r"Foundation|Technolog(?:y|ies)|Software|Systems|Group|Co)\b\.?|公司|科技|大学|集团|研究院|株式会社"
)
_LABEL = re.compile(
    r"^\s*(?:speakers?|presenters?|by|讲师|嘉宾|分享嘉宾|讲者|演讲者)\s*[:：]?\s*", re.IGNORECASE
)


_HONORIFIC_TITLE = re.compile(r"^(?:Prof\.?|Professor|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+(?=[A-Z])")
_CJK_NAME_AND_ROLE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{2,4})\s*[,，]\s*(?P<aff>[^,，、]{3,60})$"
)


# "TBA", "TBD", "to be announced", "N/A", "待定": a speaker not known yet is nobody.
_NOBODY = re.compile(
    r"(?i)\s*(?:tb[adc]|t\.b\.[adc]\.?|to be (?:announced|confirmed|determined|decided)|n/?a|\?+"
    r"|待定|未定|待公布|調整中|未定です)\s*[.!]?\s*"
)


def parse_speakers(text: str) -> list[Speaker]:
    """Every speaker named in a cell or line; affiliations where the text separates them."""
    cleaned = _LABEL.sub("", text.strip())
    if _NOBODY.fullmatch(cleaned):
        return []
    named = _CJK_NAME_AND_ROLE.match(cleaned) or _CJK_NAME_THEN_ORG.match(cleaned)
    if named and named.group("name")[0] in _SURNAMES:
        # "陈晨，字节跳动前端工程师", "周杰 青云科技 KubeSphere 研发工程师": a person and their company
        return [Speaker(named.group("name"), named.group("aff").strip())]
    pair = [p.strip() for p in cleaned.split(",")]
    if (
        len(pair) == 2
        and all(pair)
        and "(" not in cleaned
        and _ORGANISATION.search(pair[1])
        and not _NOBODY.fullmatch(pair[1])
    ):
        return [Speaker(pair[0], pair[1])]
    speakers: list[Speaker] = []
    for raw in _SEPARATORS.split(cleaned):
        part = raw.strip(" \t*_-–—:：")
        if not part or len(part) > 120 or _NOBODY.fullmatch(part):
            continue
        speakers.append(parse_speaker(part))
    return speakers


def parse_speaker(text: str) -> Speaker:
    text = _HONORIFIC_TITLE.sub("", text)
    for pattern in (_TRAILING_PAREN, _AT, _DASH):
        match = pattern.match(text)
        if match:
            return Speaker(match.group("name").strip(), match.group("aff").strip())
    return Speaker(text.strip())


# "by" splits only when what follows is clearly people: it carries an affiliation.
_BY = re.compile(r"^(?P<title>.+?)\s+(?:presented by|by)\s+(?P<who>[^()（）]+[(（@].*)$")
_DASHED = re.compile(r"^(?P<title>.+?)\s+[-–—|]\s+(?P<who>[^-–—|]+[(（][^()（）]+[)）].*)$")


# A person's name: two to four capitalised words ("Jane Roe", "Ana de la Cruz", "O'Neil"), or
# two to four CJK characters, optionally with an affiliation after a comma or in parentheses.
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*"
_PERSON = re.compile(
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
_TITLE_ENDINGS = re.compile(r"(?:ities|tions?|sions?|ology|ologies|ments?)$", re.IGNORECASE)
_GERUND = re.compile(r"^[A-Z][a-z]{3,}ing$")


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
    named = _CJK_NAME_THEN_ORG.match(text.strip(" *_()（）"))
    if named and named.group("name")[0] in _SURNAMES:  # "黄强 某电商平台 大数据负责人"
        return Speaker(named.group("name"), named.group("aff").strip())
    handle = re.fullmatch(r"\s*@([A-Za-z0-9][\w.-]{1,38})\s*", text)
    if handle:  # "(@lucasfernog)": people by their handle
        return Speaker(handle.group(1))
    match = _PERSON.match(_HONORIFIC_TITLE.sub("", text.strip(" *_")))
    if match is None:
        return None
    name = match.group("name")
    if _title_words(name):
        return None
    if any(len(word) > 1 and word.isupper() and word.isascii() for word in name.split()):
        return None  # "Flink SQL", "Kubernetes API": acronyms are not in people's names
    affiliation = match.group("paren") or match.group("aff")
    return Speaker(name, affiliation.strip() if affiliation else None)


_TAIL = re.compile(
    r"^(?P<title>.+?)\s*(?:\s[-–—|·]{1,2}\s|——|\s(?:by|with|par|von|por|mit)\s)\s*(?P<who>[^-–—|·]+)$"
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
_CJK_NAME_THEN_ORG = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,3})\s+(?P<aff>[^\s/|\-–—,，].{3,60})$"
)
# A word of two or three Han characters standing alone in a title cell: a name, when it starts
# with a family name ("钟禄垚" in "使用 eBPF 加速 Istio/Envoy 网络 钟禄垚 英特尔").
_CJK_NAME_WORD = re.compile(r"(?<=\s)(?P<name>[\u4e00-\u9fff]{2,3})(?=\s|$)")
_QUOTED_TAIL = re.compile(
    r"^(?P<title>[^«“\"„《「『]*[«“\"„《「『][^»”\"“》」』]+[»”\"“》」』])\s*[,，:：]?\s*"
    r"(?:[-–—]{1,2}|par|com|by|with|von|mit|por|de|avec|with)?\s*(?P<who>[^«“\"„《「』]+)$"
)
_PAREN_TAIL = re.compile(r"^(?P<title>.+?)\s*[(（](?P<who>[^()（）]+)[)）]\s*$")
_WHO_LABEL = re.compile(
    r"^\s*(?:発表者|講師|登壇者|讲师|嘉宾|讲者|speakers?|presenters?|by|with|mit|par|por|com)\s*[:：]?\s*",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"\s*(?:さん|氏|先生|様|老师)\s*$")
_COLON_TAIL = re.compile(r"^(?P<title>[^:：]{3,}?)\s*[:：]\s*(?P<who>[^:：]+)$")


def split_title_and_speakers(text: str) -> tuple[str, list[Speaker]]:
    """A cell or line holding both: "Title<br>Speaker", "Title by Speaker", "Title - Name (Co)".

    Only splits where the shape is clear; otherwise the whole text is the title.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return "", []
    if len(lines) > 1:
        return lines[0], parse_speakers("\n".join(lines[1:]))
    single = lines[0]
    for pattern in (_BY, _DASHED):
        match = pattern.match(single)
        if match and match.group("who")[:1] not in _QUOTES:
            return match.group("title").strip(" ,，"), parse_speakers(match.group("who"))
    # «Title» par Marc Dupont, "Title", com Fernanda Lima, 《题目》— 王磊: a quoted title, then people.
    quoted = _QUOTED_TAIL.match(single)
    if quoted:
        people = [
            looks_like_person(p)
            for p in re.split(r"\s*(?:&|\band\b|\bet\b|\be\b|、|/)\s*", quoted.group("who"))
        ]
        if people and all(people):
            return quoted.group("title").strip(), [p for p in people if p]
    # "Talk title — Jane Roe", "Talk title: Jane Roe, Example Corp", "Talk (Jane Roe)",
    # "題目（発表者：佐藤 健 さん）": only when the tail is people.
    for pattern in (_TAIL, _COLON_TAIL, _PAREN_TAIL):
        match = pattern.match(single)
        if match:
            who = _HONORIFIC.sub("", _WHO_LABEL.sub("", match.group("who")))
            people = [
                looks_like_person(_HONORIFIC.sub("", p))
                for p in re.split(r"\s*(?:&|\band\b|、|/|,\s(?=[A-Z][a-z]+\s[A-Z]))\s*", who)
            ]
            if pattern is _COLON_TAIL:
                people = [looks_like_person(who)]  # "Talk: Jane Roe, Example Corp": one person
            if pattern is _COLON_TAIL and not all(p and p.affiliation for p in people):
                continue  # "Scaling Go: Lessons Learned" is a title; "Talk: Jane Roe, Acme" is not
            if people and all(people):
                return match.group("title").strip(" *_,，"), [p for p in people if p]
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
