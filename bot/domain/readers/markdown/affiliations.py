"""What reads as an organisation or a role rather than a person: "Jane Doe, Acme Corp" is one
speaker and her company, "Jane Doe, Wei Li" two speakers; "李伟明 阿里云" a person and a company,
"田中 太郎" one person's family and given names.

Agendas are written by many organizers with no shared convention, so these are shapes, not a
register of companies: a word no name has (Corp, GmbH, Labs, University, 公司, 大学), a name
written as companies write theirs (PingCAP, CNCF, trip.com), a job title (Senior Engineer), and
the few well-known companies whose names look like a person's ("Red Hat") or carry no such word
(阿里云, 字节跳动).
"""

from __future__ import annotations

import re

from bot.domain.patterns import compiled

# Words of company and institution names that no person's name holds.
_ORGANISATION_WORDS = compiled(
    r"(?i)\b(?:inc|corp|corporation|incorporated|gmbh|ag|se|sa|sas|sarl|bv|b\.v|nv|ltd|limited|"
    r"llc|llp|plc|pty|kk|co|company|labs?|laboratory|cloud|university|universit[äéy]|"
    r"universidad|universidade|hochschule|college|institute|institut|instituto|academy|school|"
    r"foundation|stiftung|fondation|technolog(?:y|ies)|tech|software|systems|solutions|networks?|"
    r"consulting|consultancy|group|gruppe|bank|studios?|ventures|partners|research|agency|works|"
    r"industries|holdings?|enterprises?|capital|energy|health|insurance|platforms|games|"
    r"interactive|robotics|dynamics|logistics|payments|commerce|telecom|collective|hospital|"
    r"cent(?:er|re)|authority|freight|retail|airlines?|airways|motors|pharma|mobility|"
    r"security|shipping|transport|travel|publishing|press|finance|financial|markets|"
    r"services|analytics|media|digital|computing|cloudnative|community|project|"
    r"freelance|freelancer|independent|self-employed|selbstständig|ministry|government|"
    r"department|council|association|society|committee|"
    # public bodies and a few more words of company names ("Gemeente Amsterdam", "Unidad de Medio
    # Ambiente", "Workforce Connect", "Twiga Foods", "Kookaburra Pay")
    r"unidad|unit|office|library|libraries|bibliothek|biblioteca|bibliothèque|gemeente|kommune|"
    r"ayuntamiento|prefeitura|comune|municipality|city of|county|connect|foods?|pay|hub|credit)\b\.?"
)
# Well-known companies whose names read like a person's or hold no word above.
_KNOWN_COMPANIES = frozenset(
    s.casefold()
    for s in (
        "Red Hat",
        "Deutsche Telekom",
        "Deutsche Bahn",
        "Deutsche Bank",
        "Goldman Sachs",
        "Morgan Stanley",
        "Capital One",
        "American Express",
        "General Motors",
        "Hewlett Packard",
        "Hewlett Packard Enterprise",
        "Johnson & Johnson",
        "Procter & Gamble",
        "Ernst & Young",
        "Mercedes Benz",
        "Mercedes-Benz",
        "Rakuten Mobile",
        "Zalando SE",
        "Palo Alto",
    )
)
# "PingCAP", "ByteDance", "GitLab", "eBay": capitals inside a word are a company's, not a name's
# ("McDonald", "DeVito" and "O'Neil" are names: two capitals after "Mc", "De", "O'").
_CAMEL = compiled(r"[a-z][A-Z]")
_NAME_PREFIX = compiled(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le)(?=[A-Z])")
_ALL_CAPS = compiled(r"^[A-Z0-9][A-Z0-9&.\-+ ]*$")
_DOMAIN = compiled(r"(?i)^[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|net|org|ai|cloud|co|tech|app)$")
# Job titles: "Senior Engineer", "Head of Platform", "CTO", "Istio steering committee member".
_ROLE = compiled(
    r"(?i)\b(?:engineer|engineering|developer|architect|manager|director|founder|co-?founder|"
    r"ceo|cto|cio|coo|cfo|vp|head|lead|maintainer|advocate|evangelist|consultant|researcher|"
    r"scientist|professor|lecturer|student|sre|principal|staff|chair|member|committer|"
    r"contributor|organi[sz]er|owner|specialist|analyst|designer|programmer|expert|intern|"
    r"president|partner|officer|fellow|ambassador|champion|author|editor|coordinator|"
    r"trainer|volunteer|instructor|teacher|librarian|facilitator|moderator|coach|mentor|"
    r"advis[eo]r|administrator|technician|surgeon|physician|nurse|registrar|postdoc|candidate|"
    r"assistant|associate|strategist|recruiter|journalist|curator|"
    r"coordinador[a]?|ingenier[oa]|desarrollador[a]?|investigador[a]?|profesor[a]?|gerente|"
    r"responsable|chercheu(?:r|se)|ingénieur[e]?|doctorant[e]?|entwickler(?:in)?|leiter(?:in)?|"
    r"berater(?:in)?|doktorand(?:in)?)s?\b"
)

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff"
# Companies as Chinese pages name them; the first word of an affiliation ("字节跳动基础架构",
# "腾讯云高级工程师") starts with one or ends like one (…云, …公司, …大学).
_CJK_COMPANIES = (
    "阿里巴巴",
    "阿里云",
    "阿里",
    "蚂蚁",
    "腾讯",
    "字节跳动",
    "字节",
    "华为",
    "百度",
    "京东",
    "美团",
    "小米",
    "网易",
    "快手",
    "滴滴",
    "拼多多",
    "携程",
    "英特尔",
    "微软",
    "谷歌",
    "亚马逊",
    "红帽",
    "中兴",
    "中国移动",
    "中国电信",
    "中国联通",
    "中国信通院",
    "信通院",
    "招商银行",
    "平安",
    "新浪",
    "微博",
    "哔哩哔哩",
    "小红书",
    "得物",
    "蔚来",
    "理想汽车",
    "灵雀云",
    "青云",
    "道客",
    "才云",
    "谐云",
    "时速云",
    "星环",
    "涂鸦智能",
    "爱奇艺",
    "知乎",
    "豆瓣",
    "联想",
    "浪潮",
    "金山",
    "有赞",
    "唯品会",
    "顺丰",
    "货拉拉",
    "株式会社",
)
_CJK_ORGANISATION = compiled(
    r"(?:云|公司|有限公司|大学|学院|研究院|研究所|研究中心|实验室|科技|技术|集团|银行|商行|基金会|社区|"
    r"开源|厂商|电商|券商|团队|协会|联盟|工作室|软件|网络|信息|智能|证券|保险|株式会社|会社|大学院|研究所|"
    r"財団)$"
)


def reads_as_organisation(text: str) -> bool:
    """Whether `text` after a person's name is where they work, not a second person: "Acme Corp",
    "PingCAP", "CNCF", "trip.com", "Red Hat", "阿里云", "字节跳动基础架构"."""
    stripped = text.strip(" *_.,，")
    if not stripped:
        return False
    if stripped.casefold() in _KNOWN_COMPANIES or _DOMAIN.match(stripped):
        return True
    if re.search(f"[{HAN}{KANA}]", stripped):
        return reads_as_cjk_organisation(stripped)
    if _ORGANISATION_WORDS.search(stripped) or _ALL_CAPS.match(stripped):
        return True
    return any(_CAMEL.search(_NAME_PREFIX.sub("", word)) for word in stripped.split())


def reads_as_cjk_organisation(text: str) -> bool:
    """ "阿里云", "腾讯云高级工程师", "字节跳动基础架构", "某某科技", "中国信通院云大所工程师": the first
    word of the text is a company, or ends as company names do."""
    words = text.split(maxsplit=1)
    first = words[0] if words else ""
    if any(first.startswith(name) for name in _CJK_COMPANIES):
        return True
    if first.startswith("某") and len(first) >= 3:
        return True  # "某云厂商", "某城商行": a company the page does not name
    return bool(_CJK_ORGANISATION.search(first)) and len(first) >= 2


def reads_as_role(text: str) -> bool:
    """Whether `text` is a job title ("Senior Engineer", "Head of Platform", "CTO")."""
    return _ROLE.search(text) is not None
