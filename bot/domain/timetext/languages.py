"""Words for months, weekdays, parts of the day and durations, in the languages agendas use."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.domain.patterns import longest_first

# English month and weekday names; CJK weekday characters (Chinese 一..日, Japanese 月..日).
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon", "一", "月"),
            ("tuesday", "tue", "tues", "二", "火"),
            ("wednesday", "wed", "三", "水"),
            ("thursday", "thu", "thur", "thurs", "四", "木"),
            ("friday", "fri", "五", "金"),
            ("saturday", "sat", "六", "土"),
            ("sunday", "sun", "日", "天"),
        ]
    )
    for name in names
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# German, Spanish, Portuguese, French, Italian, Dutch and Polish (as dates write them: "30
# października"): full names first, then abbreviations; other languages' months follow, January
# to December again.
_EU_MONTH_WORDS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (
        ("januar", "jänner", "enero", "janeiro", "janvier", "gennaio", "januari", "stycznia"),
        ("jän", "ene", "janv", "gen"),
    ),
    (
        ("februar", "febrero", "fevereiro", "février", "fevrier", "febbraio", "februari", "lutego"),
        ("fev", "fév", "févr", "fevr"),
    ),
    (
        ("märz", "maerz", "marzo", "março", "marco", "mars", "maart", "marca", "maret", "mac"),
        ("mär", "mrz", "mrt"),
    ),
    (("abril", "avril", "aprile", "april", "kwietnia"), ("abr", "avr")),
    (("mai", "mayo", "maio", "maggio", "mei", "maja"), ("mag",)),
    (("juni", "junio", "junho", "juin", "giugno", "czerwca"), ("giu",)),
    (("juli", "julio", "julho", "juillet", "luglio", "lipca", "julai"), ("juil", "lug")),
    (
        ("agosto", "août", "aout", "august", "augustus", "sierpnia", "agustus", "ogos"),
        ("ago", "agu", "agt"),
    ),
    (
        ("septiembre", "setiembre", "setembro", "septembre", "settembre", "september", "września"),
        ("set",),
    ),
    (
        ("oktober", "octubre", "outubro", "octobre", "ottobre", "października"),
        ("okt", "out", "ott"),
    ),
    (("noviembre", "novembro", "novembre", "november", "listopada"), ()),
    (
        (
            "dezember",
            "diciembre",
            "dezembro",
            "décembre",
            "decembre",
            "dicembre",
            "december",
            "grudnia",
            "desember",
            "disember",
        ),
        ("dez", "dic", "déc", "des"),
    ),
    # Turkish, Russian, Ukrainian, Czech, Greek, Finnish, and the Nordic forms the above lack:
    # each month's name as a date writes it ("29 Mart 2026", "14 марта", "2 Απριλίου")
    (("ocak", "января", "січня", "ledna", "ιανουαρίου", "tammikuuta"), ()),
    (("şubat", "subat", "февраля", "лютого", "února", "unora", "φεβρουαρίου", "helmikuuta"), ()),
    (("mart", "марта", "березня", "března", "brezna", "μαρτίου", "maaliskuuta", "marts"), ()),
    (("nisan", "апреля", "квітня", "dubna", "απριλίου", "huhtikuuta"), ()),
    (
        (
            "mayıs",
            "mayis",
            "мая",
            "травня",
            "května",
            "kvetna",
            "μαΐου",
            "μαίου",
            "toukokuuta",
            "maj",
        ),
        (),
    ),
    (("haziran", "июня", "червня", "června", "cervna", "ιουνίου", "kesäkuuta"), ()),
    (("temmuz", "июля", "липня", "července", "cervence", "ιουλίου", "heinäkuuta"), ()),
    (("ağustos", "agustos", "августа", "серпня", "srpna", "αυγούστου", "elokuuta", "augusti"), ()),
    (("eylül", "eylul", "сентября", "вересня", "září", "zari", "σεπτεμβρίου", "syyskuuta"), ()),
    (("ekim", "октября", "жовтня", "října", "rijna", "οκτωβρίου", "lokakuuta"), ()),
    (("kasım", "kasim", "ноября", "листопада", "listopadu", "νοεμβρίου", "marraskuuta"), ()),
    (
        (
            "aralık",
            "aralik",
            "декабря",
            "грудня",
            "prosince",
            "δεκεμβρίου",
            "joulukuuta",
            "desember",
        ),
        (),
    ),
    # Catalan ("25 d'octubre", "3 de febrer") where it differs from its neighbours
    (("gener",), ()),
    (("febrer",), ()),
    (("març",), ()),
    ((), ()),
    (("maig",), ()),
    (("juny",), ()),
    (("juliol",), ()),
    (("agost",), ()),
    (("setembre",), ()),
    ((), ()),
    ((), ()),
    (("desembre",), ()),
    # Estonian and Thai
    (("jaanuar", "มกราคม"), ()),
    (("veebruar", "กุมภาพันธ์"), ()),
    (("märts", "มีนาคม"), ()),
    (("aprill", "เมษายน"), ()),
    (("พฤษภาคม",), ()),
    (("juuni", "มิถุนายน"), ()),
    (("juuli", "กรกฎาคม"), ()),
    (("สิงหาคม",), ()),
    (("กันยายน",), ()),
    (("oktoober", "ตุลาคม"), ()),
    (("พฤศจิกายน",), ()),
    (("detsember", "ธันวาคม"), ()),
    # Arabic, as Egypt and the Gulf write the months ("20 مارس 2025"), and the Levant's one-word
    # names ("آذار")
    (("يناير",), ()),
    (("فبراير", "شباط"), ()),
    (("مارس", "آذار"), ()),
    (("أبريل", "ابريل", "إبريل", "نيسان"), ()),
    (("مايو", "أيار"), ()),
    (("يونيو", "يونيه", "حزيران"), ()),
    (("يوليو", "يوليه", "تموز"), ()),
    (("أغسطس", "اغسطس"), ()),
    (("سبتمبر", "أيلول"), ()),
    (("أكتوبر", "اكتوبر"), ()),
    (("نوفمبر",), ()),
    (("ديسمبر",), ()),
    # Serbian, Croatian, Bosnian and Slovenian ("7. novembar 2024", "15. svibnja 2025"), where they
    # differ from the above. (Croatian "listopada" is October, Polish and Czech November: it
    # stays November.)
    (("siječnja", "sijecnja"), ()),
    (("veljače", "veljace"), ()),
    (("ožujka", "ozujka", "marec"), ()),
    (("travnja",), ()),
    (("svibnja",), ()),
    (("lipnja", "junij"), ()),
    (("srpnja", "julij"), ()),
    (("avgust", "avgusta", "kolovoza"), ()),
    (("septembar", "septembra", "rujna"), ()),
    (("oktobar", "oktobra"), ()),
    (("novembar", "novembra", "studenoga", "studenog"), ()),
    (("decembar", "decembra", "prosinca"), ()),
    # Icelandic ("fimmtudaginn 12. júní")
    (("janúar",), ()),
    (("febrúar",), ()),
    ((), ()),
    (("apríl",), ()),
    (("maí",), ()),
    (("júní",), ()),
    (("júlí",), ()),
    (("ágúst",), ()),
    ((), ()),
    (("október",), ()),
    (("nóvember",), ()),
    (("desember",), ()),
    # Kazakh ("22 мамыр 2026")
    (("қаңтар",), ()),
    (("ақпан",), ()),
    (("наурыз",), ()),
    (("сәуір",), ()),
    (("мамыр",), ()),
    (("маусым",), ()),
    (("шілде",), ()),
    (("тамыз",), ()),
    (("қыркүйек",), ()),
    (("қазан",), ()),
    (("қараша",), ()),
    (("желтоқсан",), ()),
    # Hebrew, alone and with the "in" it is written with ("2 באפריל 2025")
    (("ינואר", "בינואר"), ()),
    (("פברואר", "בפברואר"), ()),
    (("מרץ", "במרץ"), ()),
    (("אפריל", "באפריל"), ()),
    (("מאי", "במאי"), ()),
    (("יוני", "ביוני"), ()),
    (("יולי", "ביולי"), ()),
    (("אוגוסט", "באוגוסט"), ()),
    (("ספטמבר", "בספטמבר"), ()),
    (("אוקטובר", "באוקטובר"), ()),
    (("נובמבר", "בנובמבר"), ()),
    (("דצמבר", "בדצמבר"), ()),
    # Romanian ("Joi, 10 aprilie 2025")
    (("ianuarie",), ("ian",)),
    (("februarie",), ()),
    (("martie",), ()),
    (("aprilie",), ()),
    ((), ()),
    (("iunie",), ("iun",)),
    (("iulie",), ("iul",)),
    ((), ()),
    (("septembrie",), ()),
    (("octombrie",), ()),
    (("noiembrie",), ()),
    (("decembrie",), ()),
    # Hungarian, which writes the year first ("2024. november 21.", "2025. márc. 6.")
    (("január",), ()),
    (("február",), ("febr",)),
    (("március",), ("márc",)),
    (("április",), ("ápr",)),
    (("május",), ("máj",)),
    (("június",), ("jún",)),
    (("július",), ("júl",)),
    (("augusztus",), ()),
    (("szeptember",), ("szept",)),
    (("október",), ()),
    ((), ()),
    ((), ()),
]
EU_FULL_MONTHS = {
    w: (n - 1) % 12 + 1 for n, (full, _) in enumerate(_EU_MONTH_WORDS, start=1) for w in full
}
# English abbreviations are written in these languages too ("8 nov", "12. Okt.", "5 mar").
EU_MONTHS = {
    **EU_FULL_MONTHS,
    **{w: (n - 1) % 12 + 1 for n, (_, short) in enumerate(_EU_MONTH_WORDS, start=1) for w in short},
    **{w: n for w, n in MONTHS.items() if len(w) <= 4 and w != "may"},
    "may": 5,  # Spanish "may." (mayo); lower case only counts with a dot, "de" or a year
}
EU_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            (
                "montag",
                "lunes",
                "segunda-feira",
                "segunda",
                "lundi",
                "lunedì",
                "lunedi",
                "maandag",
                "poniedziałek",
                "lun",
                "seg",
            ),
            (
                "dienstag",
                "martes",
                "terça-feira",
                "terca-feira",
                "terça",
                "mardi",
                "martedì",
                "martedi",
                "dinsdag",
                "wtorek",
                "mar",
                "ter",
            ),
            (
                "mittwoch",
                "miércoles",
                "miercoles",
                "quarta-feira",
                "quarta",
                "mercredi",
                "mercoledì",
                "mercoledi",
                "woensdag",
                "środa",
                "mié",
                "mie",
                "mer",
                "qua",
            ),
            (
                "donnerstag",
                "jueves",
                "quinta-feira",
                "quinta",
                "jeudi",
                "giovedì",
                "giovedi",
                "donderdag",
                "czwartek",
                "jue",
                "jeu",
                "qui",
            ),
            (
                "freitag",
                "viernes",
                "sexta-feira",
                "sexta",
                "vendredi",
                "venerdì",
                "venerdi",
                "vrijdag",
                "piątek",
                "vie",
                "ven",
                "sex",
            ),
            (
                "samstag",
                "sonnabend",
                "sábado",
                "sabado",
                "samedi",
                "zaterdag",
                "sobota",
                "sáb",
                "sab",
                "sam",
            ),
            ("sonntag", "domingo", "dimanche", "domenica", "zondag", "niedziela", "dom", "dim"),
        ]
    )
    for name in names
}
# Turkish, Russian, Ukrainian, Czech, Greek, Swedish, Danish and Norwegian, Finnish weekdays;
# Indonesian and Malay, and Vietnamese ("Thứ Năm, 11/12/2025").
_MORE_WEEKDAYS = (
    (
        "senin",
        "isnin",
        "thứ hai",
        "pazartesi",
        "понедельник",
        "понеділок",
        "pondělí",
        "δευτέρα",
        "måndag",
        "mandag",
        "maanantai",
    ),
    (
        "selasa",
        "thứ ba",
        "salı",
        "sali",
        "вторник",
        "вівторок",
        "úterý",
        "τρίτη",
        "tisdag",
        "tirsdag",
        "tiistai",
    ),
    (
        "rabu",
        "thứ tư",
        "çarşamba",
        "carsamba",
        "среда",
        "середа",
        "středa",
        "τετάρτη",
        "onsdag",
        "keskiviikko",
    ),
    (
        "kamis",
        "khamis",
        "thứ năm",
        "perşembe",
        "persembe",
        "четверг",
        "четвер",
        "čtvrtek",
        "πέμπτη",
        "torsdag",
        "torstai",
    ),
    (
        "jumat",
        "jumaat",
        "thứ sáu",
        "cuma",
        "пятница",
        "пʼятниця",
        "п'ятниця",
        "pátek",
        "παρασκευή",
        "fredag",
        "perjantai",
    ),
    (
        "sabtu",
        "thứ bảy",
        "cumartesi",
        "суббота",
        "субота",
        "sobota",
        "σάββατο",
        "lördag",
        "lørdag",
        "lauantai",
    ),
    (
        "minggu",
        "ahad",
        "chủ nhật",
        "pazar",
        "воскресенье",
        "неділя",
        "neděle",
        "κυριακή",
        "söndag",
        "søndag",
        "sunnuntai",
    ),
)
_ESTONIAN_WEEKDAYS = (
    ("esmaspäev",),
    ("teisipäev",),
    ("kolmapäev",),
    ("neljapäev",),
    ("reede",),
    ("laupäev",),
    ("pühapäev",),
)
_CATALAN_WEEKDAYS = (
    ("dilluns",),
    ("dimarts",),
    ("dimecres",),
    ("dijous",),
    ("divendres",),
    ("dissabte",),
    ("diumenge",),
)
_ARABIC_WEEKDAYS = (
    ("الاثنين", "الإثنين"),
    ("الثلاثاء",),
    ("الأربعاء", "الاربعاء"),
    ("الخميس",),
    ("الجمعة",),
    ("السبت",),
    ("الأحد", "الاحد"),
)
# Finnish, as "on Tuesday" is written before a date ("tiistaina 20.5.")
_FINNISH_ESSIVE_WEEKDAYS = (
    ("maanantaina",),
    ("tiistaina",),
    ("keskiviikkona",),
    ("torstaina",),
    ("perjantaina",),
    ("lauantaina",),
    ("sunnuntaina",),
)
# Icelandic, as a name and after "á" or "næsta" ("fimmtudaginn 12. júní")
_ICELANDIC_WEEKDAYS = tuple(
    tuple(stem + ending for ending in ("ur", "inn", ""))
    for stem in (
        "mánudag",
        "þriðjudag",
        "miðvikudag",
        "fimmtudag",
        "föstudag",
        "laugardag",
        "sunnudag",
    )
)
_ROMANIAN_WEEKDAYS = (
    ("luni",),
    ("marți", "marţi", "marti"),
    ("miercuri",),
    ("joi",),
    ("vineri",),
    ("sâmbătă", "sâmbăta", "sambata"),
    ("duminică", "duminica"),
)
_HUNGARIAN_WEEKDAYS = (
    ("hétfő", "hétfőn"),
    ("kedd", "kedden"),
    ("szerda", "szerdán"),
    ("csütörtök", "csütörtökön"),
    ("péntek", "pénteken"),
    ("szombat", "szombaton"),
    ("vasárnap",),
)
_KAZAKH_WEEKDAYS = (
    ("дүйсенбі",),
    ("сейсенбі",),
    ("сәрсенбі",),
    ("бейсенбі",),
    ("жұма",),
    ("сенбі",),
    ("жексенбі",),
)
EU_WEEKDAYS = {
    **EU_WEEKDAYS,
    **{name: number for number, names in enumerate(_KAZAKH_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_HUNGARIAN_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_ROMANIAN_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_ICELANDIC_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_FINNISH_ESSIVE_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_MORE_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_CATALAN_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_ESTONIAN_WEEKDAYS) for name in names},
    **{name: number for number, names in enumerate(_ARABIC_WEEKDAYS) for name in names},
}
# German two-letter weekdays ("Sa., 12.10.2019"): capitalised, with a dot or comma after.
DE_SHORT_WEEKDAYS = {"Mo": 0, "Di": 1, "Mi": 2, "Do": 3, "Fr": 4, "Sa": 5, "So": 6}
KO_WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
ALL_WEEKDAYS = {
    **WEEKDAYS,
    **EU_WEEKDAYS,
    **{k.lower(): v for k, v in DE_SHORT_WEEKDAYS.items()},
    **KO_WEEKDAYS,
}
JAPANESE_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}

# Words before a time that say which part of the day it is in: "下午2点", "오후 2시", "午後3時".
DAY_PARTS = {
    **dict.fromkeys(("上午", "早上", "早晨", "清晨", "凌晨", "午前", "朝", "오전", "새벽"), "am"),
    **dict.fromkeys(("中午", "낮"), "noon"),
    **dict.fromkeys(("下午", "午後", "傍晚", "夕方", "오후", "저녁"), "pm"),
    **dict.fromkeys(
        ("晚上", "夜间", "夜間", "夜里", "夜裡", "夜晚", "深夜", "夜", "晚", "밤"), "night"
    ),
}
# Words that are a time by themselves; the second set only as one end of a range ("9h à midi").
NOON_WORDS = {"noon": 12, "midnight": 0, "正午": 12}
RANGE_NOON_WORDS = {
    "mediodía": 12,
    "mediodia": 12,
    "midi": 12,
    "mittag": 12,
    "medianoche": 0,
    "minuit": 0,
    "mitternacht": 0,
}
# Between the two ends of a range: "14:00 a 17:00", "19h às 21h", "19:00から21:00".
RANGE_WORDS = (
    *("to", "until", "till", "bis", "à", "a", "às", "as", "até", "hasta", "au"),
    *("jusqu'à", "jusqu’à", "fino alle", "alle ore", "alle", "a las"),
    *("s.d.", "s/d", "sampai", "hingga"),  # Indonesian
    *("til", "tot", "до", "do"),  # Nordic, Dutch, Russian and Ukrainian, Polish and Czech
    *("až",),  # Czech and Slovak: "20:20 až 21:30"
    *("حتى", "إلى", "الى"),  # Arabic
)
RANGE_MARKS = ("至", "到", "から", "부터", "~", "〜", "～")
RANGE_DASHES = "-‐‑‒–—―－"
RANGE_END_WORDS = ("까지", "まで", "迄")
# Words after which "9h" is a time, not a length: "à 9h", "ab 9h", "at 9h".
# "kl. 18.00", "klo 17", "saat 19:00", "pukul 08.30", "godz. 18:00": words that say a time follows
_CLOCK_WORDS = ("kl.", "kl", "klo", "kello", "saat", "pukul", "jam", "godz.", "godz", "ore")
TIME_PREPOSITIONS = (
    *("à", "a", "às", "as", "das", "dès", "des", "vers", "ab", "um", "at", "from"),
    *_CLOCK_WORDS,
    *("ob", "v"),
)
# Words before a time written with a dot ("kl. 18.00"): a dotted number after them is a time.
DOTTED_TIME_WORDS = (*_CLOCK_WORDS, "óra")

HOUR_UNITS = (
    "hours",
    "hour",
    "hrs",
    "hr",
    "h",
    "stunden",
    "stunde",
    "std.",
    "std",
    "heures",
    "heure",
    "horas",
    "hora",
    "小时",
    "小時",
    "時間",
    "시간",
)
MINUTE_UNITS = (
    "minutes",
    "minute",
    "minuten",
    "minutos",
    "minuto",
    "mins",
    "min.",
    "min",
    "m",
    "分钟",
    "分鐘",
    "分",
    "분",
)
# Hours written in words: "an hour", "zwei Stunden", "une heure et demie", "meia hora".
HOUR_WORDS = ("hours", "hour", "stunden", "stunde", "heures", "heure", "horas", "hora")
NUMBER_WORDS = {
    **dict.fromkeys(("a", "an", "one", "eine", "einer", "une", "un", "una", "uma", "um"), 1.0),
    **dict.fromkeys(("two", "zwei", "deux", "dos", "duas", "dois"), 2.0),
    **dict.fromkeys(("three", "drei", "trois", "tres", "três"), 3.0),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro", "quatro"), 4.0),
    **dict.fromkeys(("one and a half", "anderthalb", "eineinhalb"), 1.5),
    **dict.fromkeys(("half an", "half a", "a half", "eine halbe", "halbe", "une demi-"), 0.5),
    **dict.fromkeys(("demi-", "media", "meia"), 0.5),
}
AND_A_HALF = ("and a half", "und eine halbe", "et demie", "y media", "e meia")
CHINESE_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first so "mars" wins over "mar"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=longest_first))


# The weekdays written out (four letters or more, not "mar", "sat"), as a regex alternation:
# "martes 16", "After-party: Wednesday from 7:00 PM"
WRITTEN_WEEKDAYS = alternation(w for w in ALL_WEEKDAYS if len(w) >= 4)


def chinese_number(text: str) -> int | None:
    """A number from 0 to 99 written in Chinese numerals ("三", "十五", "二十"), if it is one."""
    if not text:
        return None
    if "十" not in text:
        return CHINESE_DIGITS.get(text) if len(text) == 1 else None
    tens_text, _, ones_text = text.partition("十")
    tens = CHINESE_DIGITS.get(tens_text, -1) if tens_text else 1
    ones = CHINESE_DIGITS.get(ones_text, -1) if ones_text else 0
    if tens < 0 or ones < 0 or "十" in ones_text:
        return None
    return tens * 10 + ones
