"""What a bio says about its author: "I'm Huabing Zhao, an engineer at Tetrate" gives the name
and the affiliation; "我是赵化冰，Tetrate 工程师" and "目前任职于 Tetrate" the same in Chinese.

Written words only: a name is taken where the page introduces its author, never guessed from
any capitalised words, and a Chinese name must start with a family name.
"""

from __future__ import annotations

import re

from bot.domain.patterns import compiled
from bot.domain.speakers.scripts import HAN

# Family names, the common ones (simplified and traditional forms) and the two-character ones.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁"
    "胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰"
    "支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧"
    "趙陳張劉楊黃吳孫馬鄭謝韓馮鄧蕭葉蘇呂盧鍾譚陸賈鄒龍賀顧龔萬錢嚴湯溫龐顏聶歐關蘭紀畢單塗駱"
    "藍鮑饒車項蘆婁竇寧鄺許羅曾"
)
_DOUBLE_SURNAMES = frozenset(
    (
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟",
        "公孙", "长孙", "宇文", "端木", "轩辕", "歐陽", "司馬", "諸葛", "東方", "長孫",
    )
)  # fmt: skip

# "I'm X" and the same in the languages European speakers' pages are most often written in.
_INTRO_EN = compiled(
    r"\b(?:I['’]m|I\s+am|my\s+name\s+is|my\s+name['’]s|soy|me\s+llamo|ich\s+bin|"
    r"je\s+suis|je\s+m['’]appelle|sou|mi\s+chiamo)\s+",
    re.IGNORECASE,
)
_INTRO_ZH = compiled(r"(?:我是|我叫|我的名字是|本人)\s*")
_WORD = compiled(r"[^\W\d_][\w'’.-]*")
_WORD_RUN = compiled(r"[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*)*")
# Capitalised words that start a job title or a description, not a name.
_NOT_NAMES = frozenset(
    (
        "senior", "staff", "principal", "lead", "chief", "head", "software", "engineer",
        "developer", "architect", "manager", "director", "founder", "maintainer", "from", "a",
        "an", "the", "currently", "based", "working", "open", "cloud", "product",
    )
)  # fmt: skip
# Lowercase words a name may hold between capitalised ones ("Ludwig van Beethoven").
_PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "bin"))
_HAN_RUN = compiled(f"[{HAN}]+")
_PAREN = compiled(r"\s*[(（]\s*([^()（）]{1,40}?)\s*[)）]")


def introduced_name(text: str) -> tuple[str, str | None] | None:
    """The name the author introduces themselves by ("I'm X", "I am X", "My name is X",
    "我是X", "我叫X"), and the name in another script written beside it in parentheses
    ("我是赵化冰（Huabing Zhao）"); None when the text introduces nobody."""
    for pattern in (_INTRO_EN, _INTRO_ZH):
        for match in pattern.finditer(text):
            rest = text[match.end() :]
            name = _latin_name(rest) or _han_name(rest)
            if name is None:
                continue
            after = rest[len(name) :]
            aside = _PAREN.match(after)
            return name, aside.group(1).strip() if aside else None
    return None


def looks_like_name(text: str) -> bool:
    """Whether a page's title could be a person's name: capitalised words ("Carlos García"),
    or a Chinese name ("赵化冰", "简·多伊"), not a phrase ("Sobre mí", "Über mich")."""
    text = text.strip()
    if _han_name(text) == text or re.fullmatch(f"[{HAN}]{{1,6}}(?:[·・][{HAN}]{{1,6}})+", text):
        return True
    return _latin_name(text) == text or bool(re.fullmatch(r"[A-Z][\w'’.-]+", text))


def _latin_name(text: str) -> str | None:
    """Two to four capitalised words at the start of `text` ("Huabing Zhao, an engineer"),
    none of them a job title ("I'm Principal Engineer at..." introduces no name)."""
    run = _WORD_RUN.match(text)
    if run is None:
        return None
    end = 0
    capitalised = 0
    for word in _WORD.finditer(run.group()):
        token = word.group().rstrip(".'’-")
        if token[:1].isupper() and token.casefold() not in _NOT_NAMES:
            capitalised += 1
            end = word.start() + len(token)
            if capitalised == 4:
                break
        elif not (capitalised and token in _PARTICLES):
            break
    if capitalised < 2:
        return None
    return text[:end]


def _han_name(text: str) -> str | None:
    """A Chinese name at the start of `text`: two to four Han characters, starting with a family
    name, the whole run of Han characters (so "我是一名工程师" gives none)."""
    run = _HAN_RUN.match(text)
    if run is None:
        return None
    name = run.group()
    if not 2 <= len(name) <= 4:
        return None
    if name[:2] in _DOUBLE_SURNAMES or name[0] in _SURNAMES:
        return name
    return None


# Roles after which "at X", "for X", "with X" names an employer.
_ROLES = (
    r"engineer|developer|architect|manager|lead|founder|co-?founder|cto|ceo|cio|vp|director|"
    r"scientist|researcher|maintainer|evangelist|advocate|consultant|principal|member|professor|"
    r"student|designer|programmer|specialist|expert|head|officer|analyst|staff|employee|"
    r"contributor|committer|intern|works?|working|employed|based"
)
_EMPLOYER_EN = compiled(
    rf"\b(?:{_ROLES})\b[^.;!?\n]{{0,60}}?\s(?:at|@|for|with|by)\s+(?=[^\W\d_])"
    r"|\b(?:currently|now|presently)\s+(?:at|@|with)\s+(?=[^\W\d_])",
    re.IGNORECASE,
)
_CONNECTING = frozenset(("&", "of", "de", "und", "y"))
_EMPLOYER_ZH = compiled(
    r"(?:任职于|就职于|供职于|工作于|服务于|受雇于|加入了?|效力于)\s*([^，,。；;：:、！!？?\n（(]+)"
)
_AT_ZH = compiled(r"在\s*([^，,。；;：:、\s在]+?)\s*(?:担任|工作|任职|就职|从事)")
_ROLE_ZH = compiled(
    r"^(?:我是\S*?\s*|目前是|现为|现任|是|作为)?\s*(?P<org>[^，,。；;！!？?\n]+?)\s*的?"
    r"(?:高级|资深|首席|主任|软件|云原生|技术|研发|开源)*"
    r"(?:工程师|架构师|开发者|开发工程师|技术专家|专家|布道师|研究员|产品经理|负责人|创始人|维护者)$"
)
_CLAUSE = compiled(r"[，,。；;！!？?\n]")
# A team or department after the organisation ("字节跳动基础架构团队"): the organisation is kept.
_TEAM_ZH = compiled(
    r"(?:的)?(?:(?:基础架构|基础设施|基础平台|云原生|中间件|服务网格|微服务|大数据|人工智能|技术|研发|"
    r"平台|工程|架构|运维|容器|网络|数据|产品|安全|前端|后端|算法|开源|存储|计算|系统|基础|"
    r"[A-Za-z]+)\s*)*(?:团队|部门|事业部|事业群|小组|研发部|技术部)$"
)
# Japanese: "株式会社メルカリで SRE をしています", "メルカリに勤務", "メルカリ所属".
_COMPANY_JA = compiled(r"株式会社\s*[^\s、。，,でにのをはが（(]+|[^\s、。，,はがを（(]+?株式会社")
_AT_JA = compiled(
    r"(?:^|[はも、。\s])(?P<org>[^\s、。はがをで]{2,30}?)\s*(?:で|にて)\s*[^、。]{0,30}?"
    r"(?:をしています|として(?:働|勤務)|働いて|勤務して|やっています|担当して)"
)
_OF_JA = compiled(r"(?P<org>[^\s、。はがを]{2,30}?)\s*(?:に(?:勤務|所属|在籍)|所属)")
# Korean: "카카오에서 일하고 있습니다", "카카오에 재직 중".
_AT_KO = compiled(
    r"(?P<org>[^\s,.]{2,20}?)(?:에서)\s*(?:[^.,]{0,30}?)(?:일하고|근무|재직|개발하고|일합니다)"
)
_OF_KO = compiled(r"(?P<org>[^\s,.]{2,20}?)(?:에\s*재직|\s*소속)")


def stated_affiliation(text: str) -> str | None:
    """The employer the bio names: "an engineer at Tetrate" and "working for Tencent Cloud" give
    the company; "任职于 Tetrate", "在腾讯云担任", "Tetrate 工程师" the same in Chinese."""
    found = _english_employer(text) or _japanese_employer(text) or _korean_employer(text)
    if found:
        return found
    match = _EMPLOYER_ZH.search(text)
    if match:
        return _cleaned(match.group(1))
    for clause in _CLAUSE.split(text):
        role = _ROLE_ZH.match(clause.strip())
        if role is None:
            continue
        org = _cleaned(role.group("org"))
        if org and not org.startswith(("一", "我", "名", "位")) and "我" not in org:
            return org
    for match in _AT_ZH.finditer(text):
        if not text[: match.start()].endswith(("曾", "曾经", "之前", "先后")):  # a former one
            return _cleaned(match.group(1))
    return None


def _english_employer(text: str) -> str | None:
    for match in _EMPLOYER_EN.finditer(text):
        rest = text[match.end() :]
        words: list[str] = []
        position = 0
        while True:
            step = re.match(r"\s*([^\s,;.()]+(?:\.[^\s,;.()]+)*)", rest[position:])
            if step is None:
                break
            token = step.group(1)
            capitalised = token[:1].isdigit() or any(c.isupper() for c in token)
            if not (capitalised or (token in _CONNECTING and words)):
                break
            words.append(token)
            position += step.end()
        while words and words[-1] in _CONNECTING:
            words.pop()
        if words:
            return " ".join(words)
    return None


def _japanese_employer(text: str) -> str | None:
    """ "株式会社メルカリで SRE をしています" gives 株式会社メルカリ; "メルカリに勤務" メルカリ."""
    company = _COMPANY_JA.search(text)
    if company:
        return company.group().strip()
    for pattern in (_AT_JA, _OF_JA):
        found = pattern.search(text)
        if found:
            return _cleaned(found.group("org"))
    return None


def _korean_employer(text: str) -> str | None:
    for pattern in (_AT_KO, _OF_KO):
        found = pattern.search(text)
        if found:
            return _cleaned(found.group("org"))
    return None


def _cleaned(org: str) -> str:
    org = org.strip().strip("「」“”\"'《》").strip()
    team = _TEAM_ZH.search(org)
    if team is not None and team.start() >= 2:
        org = org[: team.start()].strip()
    return org
