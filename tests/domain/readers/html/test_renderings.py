"""Every corpus page and its HTML renderings read to the same schedules.

Each Markdown page in tests/pages/corpus (those with an expected timeline) is rendered by two real
renderers and put in a site's layout (renderings.py); the HTML must read to the schedules the
Markdown reads to: the same zones, and the same sessions with the same titles, starts and ends
(compared in UTC). Pages whose rendering loses what the schedule depends on are listed with the
reason, strictly: one that starts matching fails until it is taken off the list.
"""

from __future__ import annotations

import html as html_text
import re
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from bot.domain.agenda import Schedule, Session
from bot.domain.readers.source import ReadResult, read_bytes
from tests.domain.readers.html.renderings import RENDERERS, render_page
from tests.helpers import PAGES, ReadOptions, read_path

CORPUS = PAGES / "corpus"
# (renderer, layout) pairs: every page goes through each.
RENDERINGS = [("markdown-it", "hugo"), ("python-markdown", "jekyll"), ("markdown-it", "bare")]


def corpus_pages() -> list[Path]:
    """The corpus pages (each has its expected timeline) and the example pages beside them."""
    corpus = [p for p in CORPUS.glob("*.md") if p.with_name(p.stem + ".expected.yaml").exists()]
    return sorted(corpus) + sorted(PAGES.glob("*.md"))


def _row(session: Session) -> str:
    if session.all_day:
        when = f"{session.first_day}..{session.last_day} (all day)"
    else:
        start = session.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
        end = "-" if session.end is None else session.end.astimezone(UTC).strftime("%H:%MZ")
        when = f"{start} -> {end}"
    rule = f" [{session.repeat.rule}]" if session.repeat is not None else ""
    return f"{when}  {' '.join(session.title.split())}{rule}"


def schedules_of(result: ReadResult) -> list[str]:
    """What a reminder or a feed repeats of each schedule: its zone and its sessions."""
    lines = []
    for number, schedule in enumerate(result.schedules, 1):
        lines.append(f"schedule {number}: {schedule.timezone_name}")
        lines.extend(f"  {row}" for row in sorted(map(_row, _sessions(schedule))))
    return lines


def _sessions(schedule: Schedule) -> list[Session]:
    return [*schedule.sessions, *schedule.series, *schedule.overrides]


_LINE_MENTION = re.compile(r"\bline \d+")


def errors_of(result: ReadResult) -> list[str]:
    """The error messages, without the lines they cite (a page and its rendering number their
    lines differently)."""
    return [
        _LINE_MENTION.sub("line N", d.message) for d in result.diagnostics if d.severity == "error"
    ]


# Pages a rendering cannot read as the Markdown does, and why: what the schedule depends on is
# only in front matter, which a site's rendering does not show (only the title and the
# publication date reach the HTML), or a renderer's dialect makes other blocks of the text.
_FRONT_MATTER_ONLY = {
    "blind21-b-stats-research-day-milwaukee": "the year is only in front matter (permalink: /events/2027/…)",
    "blind21-c-welly-data-spring": "the year is only in front matter (permalink: /meetups/2026/…)",
    "blind19-f-michinoku-conf-zenn": "the year is only in front matter (published_at), which the layouts do not show",
    "blind-en_frontmatter_startend": "the event's start, end and place are only in front matter (start, end, location)",
    "blind2-hugo-cambridge-ma": "the event's date, hours and place are only in front matter (event_date, start_time, location)",
    "blind4-es-table-empresa-baires": "the event's date and place are only in front matter (start, lugar)",
    "blind4-hugo-eventdate-headings": "the event's date and place are only in front matter (eventDate, venue)",
    "blind4-hugo-start-nozone-melbourne": "the event's date and place are only in front matter (start, city)",
    "blind3-conf_vienna_startdate": "the event's dates and place are only in front matter (startDate, endDate, location)",
    "blind3-sg_frontmatter": "the event's date, time and place are only in front matter (eventDate, time, venue)",
    "real-chicago-devops-november": "the event's date, hours and zone are only in front matter (event_date, start, end, timezone)",
    "shape-front-matter-city-lisboa": "the zone is only in front matter (time_zone: Lisbon)",
    "shape-front-matter-event-date": "the event's date and times are only in front matter (event_date, start_time, end_time)",
    "shape-front-matter-offset-es": "the zone is only in front matter (zone: -03:00)",
    "shape-front-matter-start-end": "the event's start and end are only in front matter (start, end)",
    "shape-front-matter-starts-at": "the event's start, end and zone are only in front matter (starts_at, end_time, timezone)",
    "shape-front-matter-tz-abbreviation": "the zone is only in front matter (tz: PT)",
    "shape-location-field-hours": "the place that gives the zone is only in front matter (location: Toronto, ON)",
    "shape-year-from-title-city-field": "the place that gives the zone is only in front matter (city: Kraków)",
    # the example pages beside the corpus
    "bad-rows": "the zone is only in front matter (timezone: UTC)",
    "bold-date-rows": "the zone is only in front matter (timezone: Asia/Tokyo)",
    "dst-gap": "the zone is only in front matter (timezone: America/New_York)",
    "evening-twelve-hour": "the zone is only in front matter (timezone: America/New_York)",
    "events-table": "the zone is only in front matter (timezone: UTC)",
    "paragraph-lines": "the zone is only in front matter (timezone: Europe/Amsterdam)",
    "parallel-tracks": "the zone is only in front matter (timezone: America/New_York)",
    "ragged-table": "the zone is only in front matter (timezone: UTC)",
    "start-only-with-event-end": "the zone is only in front matter (timezone: Europe/London)",
    "toml-front-matter": "the zone is only in front matter (timezone: Europe/Berlin)",
    "twelve-hour-durations": "the zone is only in front matter (timezone: America/Los_Angeles)",
    "unknown-language-columns": "the zone is only in front matter (timezone: America/Sao_Paulo)",
    "weekday-mismatch": "the zone is only in front matter (timezone: UTC)",
    "weekday-no-year": "the zone is only in front matter (timezone: Europe/Paris)",
    "front-matter-only": "the event is only in front matter (date, date_end, timezone)",
}
LOST: dict[tuple[str, str], str] = {
    **{(page, renderer): why for page, why in _FRONT_MATTER_ONLY.items() for renderer in RENDERERS},
    **{
        (page, "python-markdown"): (
            "Python-Markdown reads '- #17 — 23 de abril' as a heading in a list item: each "
            "past meetup becomes a section with its date"
        )
        for page in ("blind12-f-lisboa-pt", "blind12-f-lyon-fr", "blind12-f-utrecht-nl")
    },
    **{
        (page, "python-markdown"): (
            "Python-Markdown joins an item's indented second line to its first: the speaker's "
            "line becomes part of the talk's title"
        )
        for page in (
            "blind13-j-boston-newsletter-from-6",
            "blind13-j-montreal-js-18h30",
            "blind13-l-cdmx-python",
            "blind13-l-nairobi-hackathon",
        )
    },
    ("blind12-h-krakow-title-then-time", "python-markdown"): (
        "Python-Markdown joins an item's indented second line to its first: 'Title (18:40–19:20) "
        "Piotr Nowak (Acme)' ends with the speaker, not the time"
    ),
    ("blind11-a-bologna-giornata", "python-markdown"): (
        "Python-Markdown has no strikethrough: the struck room '~~Aula E2~~' stays in the text, "
        "and the lab it names is not read as one of the parallel sessions"
    ),
    ("blind9-fr-rencontres-open-data-paris", "python-markdown"): (
        "Python-Markdown starts no list without a blank line before it: the workshops stay "
        "lines of their slot's paragraph"
    ),
    ("blind11-a-toulouse-datajournee", "python-markdown"): (
        "Python-Markdown nests no list indented by two spaces: the two parallel sessions are "
        "items beside their slot, not under it"
    ),
    ("blind11-b-online-jst-pt", "python-markdown"): (
        "Python-Markdown joins an item's indented second line to its first: the speakers' line "
        "'山本 翔太 × Emily Carter, モデレーター：中村 彩' becomes part of the title"
    ),
    ("blind11-d-nyc-workshop-series", "python-markdown"): (
        "Python-Markdown joins an item's indented second line to its first: each workshop's "
        "description becomes part of its title"
    ),
    ("blind-ko_onoffmix_error", "python-markdown"): (
        "Python-Markdown starts no list without a blank line before it: the numbered programme "
        "stays one paragraph of lines starting '1. 19:00'"
    ),
    **{
        ("blind8-user-group-calendar-dublin-2026", renderer): (
            "the renderers pass 'Span<T>' through as HTML: '<T>' is an element, not text"
        )
        for renderer in RENDERERS
    },
    ("blind10-pydata-berlin-march-2025", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (its speaker) to its title"
    ),
    ("blind10-slack-office-hours-ist-cst", "python-markdown"): (
        "the first slot, untitled on the page, takes a line of the post as its title where "
        "the Markdown reading takes the file's name (a known misread of the page either way)"
    ),
    ("blind9-cascadia-rust-fall-2025", "python-markdown"): (
        "Python-Markdown leaves Markdown inside '<div class=\"event-card\">' unrendered: the "
        "tables stay text"
    ),
    ("blind9-de-hamburg-os-tage-zeitumstellung", "python-markdown"): (
        "Python-Markdown reads the gender star in 'Entwickler*innen, … *' as emphasis"
    ),
    ("blind14-a-cloudnative-tokyo-42", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (its speaker) to its text"
    ),
    ("blind14-d-devops-porto-duas-noites", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (its speakers) to its text"
    ),
    ("blind14-c-pydata-cdmx-livestream", "python-markdown"): (
        "the layouts show the front matter's 'date' only, not 'fecha', the year's one source"
    ),
    ("blind14-c-pydata-cdmx-livestream", "markdown-it"): (
        "the layouts show the front matter's 'date' only, not 'fecha', the year's one source"
    ),
    ("blind14-d-data-gent-voorjaar", "python-markdown"): (
        "Python-Markdown makes '- #30 — 10 februari 2026 — …' a list item holding an <h1>: the "
        "past meetups become dated headings"
    ),
    ("blind19-e-kvarner-cloud-conf", "python-markdown"): (
        "Python-Markdown (no fenced_code) makes the fenced timetable inline code in a paragraph, "
        "its column gaps collapsed"
    ),
    ("blind19-h-jdd-grenoble", "python-markdown"): (
        "Python-Markdown has no strikethrough: the struck-out cancelled talk is a session"
    ),
    ("blind18-b-edinburgh-data-newsletter", "python-markdown"): (
        "Python-Markdown (no fenced_code) makes the fenced timetable inline code in a paragraph, "
        "its column gaps collapsed"
    ),
    ("blind18-b-london-py-march", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (its remark) to its title"
    ),
    ("blind18-d-rust-meetup-readme", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (its speaker) to its title"
    ),
    ("blind18-e-rust-stammtisch-wien", "python-markdown"): (
        "Python-Markdown has no strikethrough: the struck-out Thursday stays the December date"
    ),
    ("blind18-h-kcnd-osaka", "python-markdown"): (
        "Python-Markdown joins an item's indented lines (speaker, room) to its title"
    ),
    ("blind17-e-jozi-civic-hack", "python-markdown"): (
        "Python-Markdown (no fenced_code) makes the fenced timetable inline code in a paragraph"
    ),
    ("blind17-f-hackathon-capitale", "python-markdown"): (
        "Python-Markdown (no fenced_code) makes the fenced timetable inline code in a paragraph"
    ),
    ("blind14-h-wien-foss-tage", "python-markdown"): (
        "Python-Markdown (no fenced_code) makes the fenced timetable inline code in a paragraph, "
        "its column gaps collapsed: speakers run into titles"
    ),
    ("blind15-a-lanternfish-sig-docs", "python-markdown"): (
        "Python-Markdown has no strikethrough: the struck-out cancelled dates are meetings"
    ),
    ("blind15-b-edinburgh-semantics-seminar", "python-markdown"): (
        "Python-Markdown has no strikethrough: the struck-out title stays in the postponed row"
    ),
    ("blind15-b-innsbruck-geographie-kolloquium", "python-markdown"): (
        "Python-Markdown joins an item's indented lines (its title and its note) to its text, so "
        "another item's date opens the page"
    ),
    ("blind15-b-montreal-journee-etude-ia", "python-markdown"): (
        "Python-Markdown joins an item's indented second line to its text: a title's « quotes move"
    ),
    ("blind15-d-campinas-grupy-junho", "python-markdown"): (
        "Python-Markdown reads a list that follows a line without a blank line as a paragraph: "
        "the past meetups' dates become events"
    ),
    ("blind15-g-hack-the-harbour", "python-markdown"): (
        "Python-Markdown has no nested lists at two spaces: the parallel workshops under "
        "'Workshops (parallel):' are one item"
    ),
    ("blind16-d-hangzhou-kaiyuan-dahui", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (a remark) to its title"
    ),
    ("blind16-d-rust-zhibo-di-er-ji", "python-markdown"): (
        "Python-Markdown has no strikethrough: an episode's struck-out first date stays"
    ),
    ("blind16-f-hcmus-techfest", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (its speaker) to its title"
    ),
    ("blind16-h-montreal-devops-automne", "python-markdown"): (
        "Python-Markdown joins an item's indented second line (its speaker) to its title"
    ),
    **{
        (page, "python-markdown"): (
            "Python-Markdown does not nest two-space-indented items: the workshops under "
            "'(pick one)' become items of their own"
        )
        for page in ("blind21-d-apia-pacific-digital-forum", "blind22-f-cape-cloud-summit-3day")
    },
    **{
        (page, "python-markdown"): (
            "Python-Markdown joins an item's indented second line to its first (panelists, a "
            "remark, the times elsewhere)"
        )
        for page in (
            "blind21-a-lagos-data-summit",
            "blind21-d-speaker-upcoming-talks",
            "blind22-e-python-island-sumarhittingur",
        )
    },
    ("blind22-e-diku-algo-seminar", "python-markdown"): (
        "Python-Markdown has no strikethrough: the cancelled '~~Thursday 2 April~~' stays a "
        "dated heading"
    ),
    ("blind22-g-pixelforge-jam-discord", "python-markdown"): (
        "Python-Markdown takes the chat timestamps ('<t:1741971600:F>') for HTML tags: their "
        "instants are not in the rendering"
    ),
    ("blind22-g-bsp-wien-mailingliste", "python-markdown"): (
        "Python-Markdown makes the mail's ASCII table (lines starting ' |') one paragraph: its "
        "rows lose their line breaks"
    ),
    ("blind8-sched-tokyo-colocated-ja", "python-markdown"): (
        "Python-Markdown joins an item's indented second line ('Level 1 Foyer') to its text"
    ),
    ("blind7-pl-warszawa-jug-wiosna", "python-markdown"): (
        "Python-Markdown makes '- #311 (20 lutego 2025) — …' a list item holding an <h1>: the "
        "past meetups become dated headings"
    ),
    **{
        (page, "python-markdown"): (
            "Python-Markdown does not nest two-space-indented items: the parallel sessions under "
            f"{umbrella} become items of their own, without hours"
        )
        for page, umbrella in (
            ("blind23-d-bogota-es", "'Talleres simultáneos:'"),
            ("blind23-d-lagos-summit", "'Breakout sessions (pick one):'"),
            ("blind24-b-bergen-sommerskole-klima", "'Gruppearbeid i to parallelle spor:'"),
            (
                "blind24-b-melbourne-food-rescue-volunteer-training",
                "'Afternoon streams (pick one when you register):'",
            ),
        )
    },
    ("blind24-c-floripa-dev-summit", "python-markdown"): (
        "Python-Markdown does not nest two-space-indented items: the parallel talks under each "
        "bold slot ('- **10h às 10h45**') become items of their own, and only the first is read, "
        "as the slot's title"
    ),
    ("blind24-a-cdmx-notion-offsite", "python-markdown"): (
        "Python-Markdown leaves Markdown inside '<details>' unrendered: the rooms listed under "
        "'Taller: roadmap 2027 por equipos' ('- Producto + Diseño → Sala Frida', …) run into its "
        "title"
    ),
    ("blind24-d-guadalajara-data", "python-markdown"): (
        "Python-Markdown reads '- #30 — 20 de mayo de 2026: …' as a heading in a list item: a "
        "past meetup becomes an all-day event"
    ),
    ("blind25-a-pl-frontend-days-krakow", "python-markdown"): (
        "Python-Markdown joins an item's indented second line to its first: the panel's hosts "
        "('prowadzenie: Michał Dudek, goście: …') and the afterparty's address run into the titles"
    ),
    ("blind26-a-devfest-sevilla", "python-markdown"): (
        "Python-Markdown starts no list without a blank line before it: the parallel talks under "
        "each bold slot ('**11h00 – 11h40**' over '- 🇪🇸 Flutter en producción: …') stay lines of "
        "the slot's paragraph, and only the first is read"
    ),
    ("blind26-a-toronto-summit", "python-markdown"): (
        "Python-Markdown joins an item's indented lines (its '🎤' speakers and '📍' room) to its "
        "title"
    ),
    ("blind26-c-discourse-buenos-aires-python-agosto", "python-markdown"): (
        "Python-Markdown has no strikethrough: the struck-out times stay in the text, and "
        "'~~18:30~~ **18:45**' is read as a range from the old time to the new"
    ),
    ("blind26-c-guadalajara-ciencia-abierta-2025", "python-markdown"): (
        "Python-Markdown keeps the indent of the lines under each ':   ' line (no definition "
        "lists): the speaker and room lines run into the titles"
    ),
    ("blind28-a-sydney-women-in-tech-october-evening", "python-markdown"): (
        "Python-Markdown starts no list without a blank line before it: the panellists under "
        "'**6:50pm** — Panel: **Who gets to build AI?**' ('  - Mei Chen — Head of Data, Canva', "
        "…) stay lines of its paragraph and run into the panel's title"
    ),
    ("blind29-a-dataoz-virtual-summit-2025", "python-markdown"): (
        "Python-Markdown keeps the two-space indent of the speaker line under each bold time "
        "('  *Sarah Whitlock, DataOz president*'): the speakers run into the titles"
    ),
    ("blind29-a-lattice-office-hours-autumn", "python-markdown"): (
        "Python-Markdown starts no list without a blank line before it: the items under '9am "
        "Pacific (that's 17:00 in London, 18:00 in Berlin)' stay lines of its paragraph, and the "
        "first keeps '- 9:00 –' in its title"
    ),
    ("blind30-a-forum-post-wien-linuxtag", "python-markdown"): (
        "Python-Markdown has no strikethrough: '~~14:00~~ 14:30' is read as a range from the old "
        "time to the new, so the workshop and the install party run from 14:00 to 14:30"
    ),
    ("blind30-a-mailing-list-nairobi-gophers", "python-markdown"): (
        "Python-Markdown keeps the two-space indent of the mail's agenda lines ('  6:00 PM  "
        "Welcome + community news'): they run into the first item's title"
    ),
    **{
        ("blind30-a-obsidian-note-bengaluru-foss", renderer): (
            "the renderers leave Obsidian's wikilink '[[Kavya Iyer]]' as text in its brackets: it "
            "stays in the welcome's title ('Welcome & community updates — [[Kavya Iyer]]') instead "
            "of naming its speaker"
        )
        for renderer in RENDERERS
    },
    **{
        ("blind30-b-isar-hack-2025", renderer): (
            "the place that gives the zone is only in front matter (ort: Werk12, "
            "Werksviertel-Mitte, München)"
        )
        for renderer in RENDERERS
    },
    ("blind31-a-kcd-guadalajara-2025", "python-markdown"): (
        "Python-Markdown starts no list without a blank line before it: the parallel talks under "
        "'**10:30 – 11:15 hrs**' ('- Sala A: …', '- Sala B (taller, hasta las 12:00): …') stay "
        "lines of the slot's paragraph, and only the first is read"
    ),
    **{
        ("blind31-b-mx-gdl-python-meetup", renderer): (
            "the event's date and place are only in front matter (fecha, sede)"
        )
        for renderer in RENDERERS
    },
    **{
        ("blind33-b-jekyll-tokyo-mokumoku", renderer): (
            "the renderers leave the Markdown emphasis inside '<summary>' as text "
            "('<summary>*13:00*〜*13:10*　オープニング</summary>'): the end's closing mark stays "
            "in the titles ('13:10* オープニング', '15:55_ 招待講演：Embassy で始める組込み Rust')"
        )
        for renderer in RENDERERS
    },
    ("blind33-b-mail-ottawa-foss-weekend", "python-markdown"): (
        "Python-Markdown does not nest two-space-indented items: the workshops under '**13 h 15** "
        "— Ateliers en parallèle / Parallel workshops :' ('  - salle DMS 4101 : …', '  - salle "
        "DMS 4120 : …') become items of their own, and the slot is one session titled 'Ateliers "
        "en parallèle / Parallel workshops :'"
    ),
    ("blind33-b-wiki-berlin-datenbanken", "markdown-it"): (
        "markdown-it makes the backslash ending '… — [Ayşe Yıldırım](https://ayse.dev) \\' a line "
        "break: the next line '_(Slides: [PDF](…))_' joins the talk, titled '„Observability mit "
        "OpenTelemetry“ (Slides: PDF)'"
    ),
    ("blind33-c-frontrange-devopsdays", "python-markdown"): (
        "Python-Markdown has no strikethrough: the cancelled '4:15 PM — ~~Platform teams are a lie "
        "— Derek Vaughn~~ (cancelled, …)' is read as a session beside the Day 1 wrap-up"
    ),
    ("blind33-c-lisbon-community-days", "python-markdown"): (
        "Python-Markdown has no strikethrough: the cancelled '`12:00` ~~**Deno 2 in production**~~ "
        "— Joana Fonseca' is titled 'Deno 2 in production~~', not 'Joana Fonseca (cancelled — …)'"
    ),
    ("blind33-c-oscafest-accra", "python-markdown"): (
        "Python-Markdown has no strikethrough: '~~Rust for Pythonistas — Kofi Mensah~~ *cancelled, "
        "sorry!*' is a session at 10:45, and '~~Kubernetes on a budget~~' stays in the title of "
        "'Securing your CI pipelines'"
    ),
    ("blind33-c-pyladies-tour-mail", "python-markdown"): (
        "Python-Markdown makes no heading of the three lines over each dashed rule ('KATHMANDU — "
        "Saturday, 14 February 2026' / 'Venue: …' / 'Time: Nepal time (NPT). …'): the Kathmandu "
        "agenda runs into 7 February, the indented speaker lines join their titles ('Python basics "
        "refresher (…) Lakshmi Iyer'), and the struck '~~Career panel~~' is a session"
    ),
    ("blind33-c-python-sudeste-issue", "python-markdown"): (
        "Python-Markdown has no strikethrough: '`17h00`–`17h30` ~~Reunião da APyB~~ movida pro "
        "sábado, ver abaixo' is read as a session"
    ),
    ("blind33-c-sotm-colombia-2027", "python-markdown"): (
        "Python-Markdown has no strikethrough: the cancelled heading '#### 🕚 11:00 a. m. — "
        "~~Mapeo de ríos con imágenes de drones~~' is a session titled 'Mapeo de ríos con "
        "imágenes de drones~~'"
    ),
    ("blind33-c-szabad-szoftver-hetvege", "python-markdown"): (
        "Python-Markdown has no strikethrough: '~~Fordítási sprint a GNOME-ban~~ — **ELMARAD**, "
        "…' is a session at 11:15, and '~~Wayland mindenkinek~~' stays in front of the "
        "replacement's title ('Wayland mindenkinek~~ → helyette: Ask Me Anything …')"
    ),
    ("blind33-c-techfes-tokyo", "python-markdown"): (
        "Python-Markdown leaves Markdown inside '<details>' unrendered: the tables stay text, "
        "each row keeps its speaker cell in its title ('オープニング | 運営チーム |'), and the "
        "struck '~~Flutter Webの現在地~~ **（登壇者都合によりキャンセル）**' row is a session"
    ),
}


def _cases() -> list[Any]:
    cases = []
    for page in corpus_pages():
        for renderer, layout in RENDERINGS:
            reason = LOST.get((page.stem, renderer))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            cases.append(
                pytest.param(
                    page, renderer, layout, marks=marks, id=f"{page.stem}-{renderer}-{layout}"
                )
            )
    return cases


@pytest.mark.parametrize(("page", "renderer", "layout"), _cases())
def test_a_rendered_page_reads_to_the_schedules_of_its_markdown(
    page: Path, renderer: str, layout: str
) -> None:
    markdown = read_path(page, ReadOptions(), display=page.name)
    rendered = render_page(page.read_text(encoding="utf-8"), renderer, layout)
    html = read_bytes(rendered.encode(), page.stem + ".html", ReadOptions())
    assert schedules_of(markdown) or errors_of(markdown), f"{page.name} reads to nothing"
    assert schedules_of(html) == schedules_of(markdown), "\n".join(
        ["HTML diagnostics:", *(f"  {d.line}: {d.message}" for d in html.diagnostics)]
    )
    assert errors_of(html) == errors_of(markdown)
    # Each error points at the line of the HTML file that holds what the Markdown line said.
    markdown_lines = page.read_text(encoding="utf-8").split("\n")
    html_lines = html_text.unescape(rendered).split("\n")
    errors = [d for d in markdown.diagnostics if d.severity == "error" and d.line]
    rendered_errors = [d for d in html.diagnostics if d.severity == "error" and d.line]
    for said, shown in zip(errors, rendered_errors, strict=True):
        words = set(_words(markdown_lines[said.line - 1]))
        at = _element_at(html_lines, shown.line)
        assert words & set(_words(at)), (
            f"{page.name}:{said.line} ({said.message}) is line {shown.line} of the HTML: {at!r}"
        )


def _element_at(lines: list[str], number: int) -> str:
    """The HTML line `number`; for a table row that opens there, the row up to its end."""
    if not lines[number - 1].lstrip().startswith("<tr"):
        return lines[number - 1]
    end = next((i for i in range(number - 1, len(lines)) if "</tr>" in lines[i]), number - 1)
    return " ".join(lines[number - 1 : end + 1])


def _words(line: str) -> list[str]:
    return [w for w in re.split(r"[\s*_#|>`<\\[\]()]+", line) if len(w) >= 2]
