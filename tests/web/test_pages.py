"""The web agenda's pages, through the HTTP client: what each route shows, in which language,
which agendas it may show, and how it is revalidated."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from aiohttp.test_utils import TestClient
from lxml import html

from tests.web.page_agendas import MEETUP, PRIVATE_TITLE, Site, retitled, site, snapshot

Client = Callable[..., Awaitable[TestClient]]
HOST = {"Host": "agenda.example.org"}


@pytest.fixture
async def web(tmp_path: Path, aiohttp_client: Client) -> Site:
    return await site(tmp_path, aiohttp_client)


async def _page(web: Site, path: str, **headers: str) -> tuple[int, str]:
    response = await web.client.get(path, headers={**HOST, **headers})
    return response.status, await response.text()


def _links(page: str) -> dict[str, str]:
    """Each link's text (whitespace folded) to its address."""
    tree = html.fromstring(page)
    return {" ".join(a.text_content().split()): a.get("href") for a in tree.iter("a")}


def links_text(page: str) -> list[str]:
    """The texts of the page's link lists."""
    tree = html.fromstring(page)
    return [" ".join(li.text_content().split()) for li in tree.xpath("//ul[@class='links']/li")]


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


# ---- the list of agendas ---------------------------------------------------------------------


async def test_index_lists_each_public_agenda_with_its_feeds_and_all_agendas(web: Site) -> None:
    status, page = await _page(web, "/")
    assert status == 200
    assert 'href="/s/istio-meetup"' in page and 'href="/s/festival"' in page
    assert 'href="webcal://agenda.example.org/calendars/istio-meetup.ics"' in page
    assert 'href="http://agenda.example.org/calendars/istio-meetup.ics"' in page
    assert 'href="webcal://agenda.example.org/calendars/all.ics"' in page
    assert 'href="http://agenda.example.org/calendars/all.ics"' in page
    assert "(4 sessions)" in page and "(1 session)" in page
    assert "(6 sessions)" in page  # all agendas: the public ones only


async def test_index_never_names_an_agenda_imported_in_a_discord_server(web: Site) -> None:
    _, page = await _page(web, "/")
    assert PRIVATE_TITLE not in page and "planning" not in page


# ---- an agenda ---------------------------------------------------------------------------------


async def test_agenda_shows_each_time_in_the_organizers_zone_and_in_utc(web: Site) -> None:
    status, page = await _page(web, "/s/istio-meetup")
    assert status == 200
    tree = html.fromstring(page)
    sign_in = tree.get_element_by_id("session-sign-in")
    organizers = " ".join(sign_in.find_class("when-org")[0].text_content().split())
    in_utc = " ".join(sign_in.find_class("when-utc")[0].text_content().split())
    assert organizers == "Organizers' time: 13:30–13:50 Asia/Shanghai"
    assert in_utc == "05:30–05:50 UTC"
    stamps = [t.get("datetime") for t in sign_in.iter("time")]
    assert stamps == ["2021-07-10T05:30:00Z", "2021-07-10T05:50:00Z"] * 2


async def test_a_session_on_another_utc_date_says_which(web: Site) -> None:
    _, page = await _page(web, "/s/istio-meetup")
    tree = html.fromstring(page)
    early = tree.get_element_by_id("session-early")
    assert " ".join(early.find_class("when-utc")[0].text_content().split()) == (
        "Sat, Jul 10 22:00–23:00 UTC"
    )
    block = early.find_class("when")[0]
    assert block.get("data-org-date") == "2021-07-11"
    assert block.get("data-org-day") == "Sun, Jul 11"
    assert block.get("data-org-city") == "Shanghai"
    late = tree.get_element_by_id("session-late")
    assert " ".join(late.find_class("when-org")[0].text_content().split()) == (
        "Organizers' time: 23:30–Sun, Jul 11 00:30 Asia/Shanghai"
    )
    assert " ".join(late.find_class("when-utc")[0].text_content().split()) == "15:30–16:30 UTC"


async def test_agenda_groups_sessions_by_the_organizers_days(web: Site) -> None:
    _, page = await _page(web, "/s/istio-meetup")
    days = [
        (
            day.xpath(".//h3/time")[0].text_content(),
            [s.get("id") for s in day.find_class("session")],
        )
        for day in html.fromstring(page).find_class("day")
    ]
    assert days == [
        ("Saturday, July 10, 2021", ["session-sign-in", "session-aeraki", "session-late"]),
        ("Sunday, July 11, 2021", ["session-early"]),
    ]


async def test_agenda_buttons_subscribe_add_and_download(web: Site) -> None:
    _, page = await _page(web, "/s/istio-meetup")
    subscribe = html.fromstring(page).find_class("subscribe")[0]
    links = _links(html.tostring(subscribe, encoding="unicode"))
    feed = "http://agenda.example.org/calendars/istio-meetup.ics"
    assert links["Subscribe (webcal)"] == "webcal://agenda.example.org/calendars/istio-meetup.ics"
    google = links["Add to Google Calendar"]
    assert google.startswith("https://calendar.google.com/calendar/r?cid=")
    assert _query(google) == {"cid": ["webcal://agenda.example.org/calendars/istio-meetup.ics"]}
    outlook = links["Add to Outlook"]
    assert outlook.startswith("https://outlook.live.com/calendar/0/addfromweb?")
    assert _query(outlook) == {"url": [feed], "name": ["Istio Meetup China"]}
    assert links["Download .ics"] == "/calendars/istio-meetup.ics"
    assert links[feed] == feed


async def test_every_session_adds_to_google_with_exact_utc_times(web: Site) -> None:
    _, page = await _page(web, "/s/istio-meetup")
    aeraki = html.fromstring(page).get_element_by_id("session-aeraki")
    buttons = {a.text_content(): a.get("href") for a in aeraki.iter("a")}
    assert buttons["Download .ics"] == "/calendars/istio-meetup/aeraki.ics"
    google = buttons["Add to Google Calendar"]
    assert google.startswith("https://calendar.google.com/calendar/render?")
    assert _query(google) == {
        "action": ["TEMPLATE"],
        "text": ["Full-stack service mesh with Aeraki"],
        "dates": ["20210710T081500Z/20210710T084500Z"],
        "details": [
            "Huabing Zhao (Tencent Cloud), Guest Speaker\n\nLayer-7 traffic, any protocol.\n\n"
            "Istio Meetup China: http://agenda.example.org/s/istio-meetup/aeraki"
        ],
        "location": ["Hall 2, Research Building, Beijing"],
    }


async def test_an_all_day_session_goes_to_google_as_dates_with_the_end_excluded(
    web: Site,
) -> None:
    _, page = await _page(web, "/s/festival")
    google = _links(page)["Add to Google Calendar"]
    assert _query(google)["dates"] == ["20260314/20260316"]
    block = html.fromstring(page).find_class("when")[0]
    # The organizers' days, midnight to midnight in Berlin: what is on now and next is told by
    # them; the script converts no time for it (it has no viewer line).
    assert (block.get("data-start"), block.get("data-end")) == (
        "2026-03-13T23:00:00Z",
        "2026-03-15T23:00:00Z",
    )
    assert not block.find_class("when-viewer")
    assert " ".join(block.text_content().split()) == "Sat, Mar 14 – Sun, Mar 15 · All day"


async def test_speakers_with_a_profile_link_to_their_page(web: Site) -> None:
    _, page = await _page(web, "/s/istio-meetup")
    aeraki = html.fromstring(page).get_element_by_id("session-aeraki")
    speakers = aeraki.find_class("speakers")[0]
    assert [(a.text_content(), a.get("href")) for a in speakers.iter("a")] == [
        ("Huabing Zhao", "/speakers/huabing-zhao")
    ]
    assert "Guest Speaker" in speakers.text_content()


# ---- a session -------------------------------------------------------------------------------


async def test_session_page_shows_the_session_and_its_buttons(web: Site) -> None:
    status, page = await _page(web, "/s/istio-meetup/aeraki")
    assert status == 200
    tree = html.fromstring(page)
    assert tree.findtext(".//h1") == "Full-stack service mesh with Aeraki"
    links = _links(page)
    assert links["Back to Istio Meetup China"] == "/s/istio-meetup"
    assert links["Huabing Zhao"] == "/speakers/huabing-zhao"
    assert links["Aeraki"] == "https://aeraki.net"
    assert links["Download .ics"] == "/calendars/istio-meetup/aeraki.ics"
    assert _query(links["Add to Google Calendar"])["dates"] == ["20210710T081500Z/20210710T084500Z"]
    assert "Layer-7 traffic, any protocol." in page


async def test_unknown_session_is_not_found(web: Site) -> None:
    status, page = await _page(web, "/s/istio-meetup/nope")
    assert status == 404 and "Not found" in page


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/s/istio-meetup/", "/s/istio-meetup"),
        ("/s/istio-meetup/aeraki/", "/s/istio-meetup/aeraki"),
        ("/speakers/huabing-zhao/", "/speakers/huabing-zhao"),
        ("/s/istio-meetup//?lang=zh", "/s/istio-meetup?lang=zh"),
    ],
)
async def test_a_page_address_with_a_trailing_slash_goes_to_the_page(
    web: Site, path: str, target: str
) -> None:
    response = await web.client.get(path, allow_redirects=False)
    assert response.status == 301
    assert response.headers["Location"] == target
    assert (await web.client.get(target)).status == 200


@pytest.mark.parametrize("path", ["/s/", "/s/istio-meetup/aeraki/more", "/speakers/", "/s/a/b/c/"])
async def test_a_page_address_no_route_knows_gets_the_not_found_page(web: Site, path: str) -> None:
    response = await web.client.get(path, allow_redirects=False)
    assert response.status == 404
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert await response.read() == await (await web.client.get("/s/nope")).read()


async def test_an_unknown_path_outside_the_pages_stays_plain_text(web: Site) -> None:
    response = await web.client.get("/calendars/nope/")
    assert response.status == 404 and await response.text() == "not found\n"


# ---- escaping --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/s/hostile", "/s/hostile/x"])
async def test_text_from_an_agenda_is_shown_as_text_never_as_markup(web: Site, path: str) -> None:
    status, page = await _page(web, path)
    assert status == 200
    tree = html.fromstring(page)
    scripts = tree.xpath("//script")
    assert [s.get("src", "").split("?")[0] for s in scripts] == [
        "/static/zones-en.js",
        "/static/app.js",
    ]
    assert not tree.xpath("//iframe | //img | //b")
    assert not [el for el in tree.iter() if any(a.startswith("on") for a in el.attrib)]
    assert "<script>alert(" not in page
    text = tree.text_content()
    assert "<script>alert('agenda')</script>" in text
    assert not tree.xpath("//a[contains(@href, 'javascript')]")


async def test_a_hostile_session_link_is_shown_as_text(web: Site) -> None:
    _, page = await _page(web, "/s/hostile/x")
    assert "click me: javascript:alert(5)" in links_text(page)
    assert not [h for h in _links(page).values() if "javascript" in h]
    speakers = html.fromstring(page).find_class("speakers")[0].text_content()
    assert "<b>Bold</b> (</p><script>alert(4)</script>)" in speakers


# ---- visibility and bad ids ------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize(
    ("private", "unknown"),
    [("/s/planning", "/s/nope"), ("/s/planning/kickoff", "/s/nope/kickoff")],
)
async def test_an_agenda_imported_in_a_server_answers_exactly_like_an_unknown_id(
    web: Site, method: str, private: str, unknown: str
) -> None:
    answers = []
    for path in (private, unknown):
        response = await web.client.request(method, path, headers=HOST)
        headers = {k: v for k, v in response.headers.items() if k not in ("Date",)}
        answers.append((response.status, headers, await response.read()))
    assert answers[0][0] == 404
    assert answers[0] == answers[1]
    assert PRIVATE_TITLE.encode() not in answers[0][2]


@pytest.mark.parametrize(
    "path",
    [
        "/s/%00",
        "/s/..%2Fetc",
        "/s/.hidden",
        "/s/" + "a" * 300,
        "/s/istio-meetup/" + "b" * 300,
        "/s/istio-meetup/sign-in@2021",
        "/speakers/%2e%2e%2fetc",
        "/speakers/" + "c" * 300,
        "/speakers/nobody",
    ],
)
async def test_bad_and_unknown_ids_get_the_same_not_found_page(web: Site, path: str) -> None:
    expected = await web.client.get("/s/nope", headers=HOST)
    response = await web.client.get(path, headers=HOST)
    assert response.status == 404
    assert await response.read() == await expected.read()


async def test_a_speakers_sessions_in_a_servers_agenda_are_not_listed(web: Site) -> None:
    _, page = await _page(web, "/speakers/huabing-zhao")
    assert PRIVATE_TITLE not in page and "Kickoff" not in page


# ---- the speaker's page ----------------------------------------------------------------------


async def test_speaker_page_shows_the_profile(web: Site) -> None:
    status, page = await _page(web, "/speakers/huabing-zhao")
    assert status == 200
    tree = html.fromstring(page)
    assert tree.findtext(".//h1") == "Huabing Zhao"
    assert [n.text_content() for n in tree.find_class("name")] == ["Huabing Zhao", "赵化冰"]
    assert tree.find_class("affiliation")[0].text_content() == "Tetrate"
    assert "Engineer at Tetrate." in page and "Creator of Aeraki Mesh." in page
    links = _links(page)
    assert links["Email"] == "mailto:zhaohuabing@example.org"
    assert links["LinkedIn"] == "https://www.linkedin.com/in/zhaohuabing"
    assert "Evil: javascript:alert(1)" in links_text(page)  # as text, never as an address
    assert not [h for h in links.values() if "javascript" in h]
    rows = [
        [" ".join(cell.text_content().split()) for cell in row]
        for row in tree.xpath("//table[@class='talks']/tbody/tr")
    ]
    assert rows == [
        ["2024", "Hong Kong", "KubeCon China", "Gateway API and Beyond", "Slides", "Video"],
        ["2019", "Xi'an", "ONAP Workshop", "Service Mesh Practice", "", ""],
    ]
    assert links["KubeCon China"] == "https://kccncossaidevchn2024.sched.com/"
    assert links["Slides"] == "https://example.org/slides.pdf"
    assert links["Video"] == "https://www.youtube.com/watch?v=qH2byF7SDO8"
    assert "/slides/relative.pdf" not in page  # a path on the speaker's own site


async def test_speaker_page_lists_their_sessions_in_public_agendas(web: Site) -> None:
    _, page = await _page(web, "/speakers/huabing-zhao")
    sessions = html.fromstring(page).find_class("sessions")[0]
    assert [(a.text_content(), a.get("href")) for a in sessions.iter("a")][:3] == [
        ("Full-stack service mesh with Aeraki", "/s/istio-meetup/aeraki"),
        ("Istio Meetup China", "/s/istio-meetup"),
        ("Download .ics", "/calendars/istio-meetup/aeraki.ics"),
    ]
    assert "16:15" in sessions.text_content() and "08:15" in sessions.text_content()


async def test_speaker_page_in_chinese_uses_the_chinese_name_bio_and_affiliation(
    web: Site,
) -> None:
    _, page = await _page(web, "/speakers/huabing-zhao", **{"Accept-Language": "zh-CN"})
    tree = html.fromstring(page)
    assert tree.findtext(".//h1") == "赵化冰"
    assert [n.text_content() for n in tree.find_class("name")] == ["赵化冰", "Huabing Zhao"]
    assert tree.find_class("affiliation")[0].text_content() == "Tetrate 公司"
    assert "Tetrate 工程师。" in page and "Engineer at Tetrate." not in page
    assert "演讲经历" in page and "全栈服务网格" in page
    first = tree.xpath("//table[@class='talks']/tbody/tr")[0]
    assert [" ".join(cell.text_content().split()) for cell in first][:4] == [
        "2024",
        "香港",
        "KubeCon 中国",
        "Gateway API 及其扩展",
    ]


async def test_a_profile_speaker_is_named_as_the_pages_language_names_them(web: Site) -> None:
    for lang, name in (("en", "Huabing Zhao"), ("zh", "赵化冰")):
        _, page = await _page(web, f"/s/istio-meetup/aeraki?lang={lang}")
        link = html.fromstring(page).xpath("//p[@class='speakers']/a")[0]
        assert (link.text_content(), link.get("href")) == (name, "/speakers/huabing-zhao")


# ---- languages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "lang"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
        ("en-US,en;q=0.9,zh;q=0.8", "en"),
        ("fr-FR, zh-TW;q=0.5", "zh-CN"),
        ("en;q=0.4, zh;q=0.6", "zh-CN"),
        ("de", "en"),
        ("zh;q=0", "en"),
        ("", "en"),
    ],
)
async def test_language_follows_accept_language(web: Site, accept: str, lang: str) -> None:
    response = await web.client.get("/s/istio-meetup", headers={"Accept-Language": accept})
    tree = html.fromstring(await response.text())
    assert tree.get("lang") == lang
    assert response.headers["Content-Language"] == lang


async def test_the_chinese_page_has_chinese_titles_words_and_dates(web: Site) -> None:
    _, page = await _page(web, "/s/istio-meetup", **{"Accept-Language": "zh"})
    tree = html.fromstring(page)
    assert tree.findtext(".//h1") == "Istio 中国见面会"
    assert _links(page)["签到"] == "/s/istio-meetup/sign-in"
    assert "订阅（webcal）" in _links(page)
    assert tree.xpath("//h3/time")[1].text_content() == "2021年7月11日星期日"
    assert tree.xpath("//h3/time")[0].text_content() == "2021年7月10日星期六"
    outlook = tree.find_class("subscribe")[0].xpath(".//a[text()='添加到 Outlook']/@href")[0]
    assert _query(outlook)["name"] == ["Istio 中国见面会"]
    early = tree.get_element_by_id("session-early")
    assert "7月10日周六 22:00" in " ".join(early.find_class("when-utc")[0].text_content().split())
    assert early.find_class("when")[0].get("data-org-city") == "上海"


async def test_the_switch_chooses_a_language_and_a_cookie_remembers_it(web: Site) -> None:
    client = web.client
    switched = await client.get("/s/istio-meetup?lang=zh", headers={"Accept-Language": "en"})
    assert html.fromstring(await switched.text()).get("lang") == "zh-CN"
    cookie = switched.cookies["lang"]
    assert cookie.value == "zh" and cookie["path"] == "/" and cookie["samesite"] == "Lax"
    # The test client keeps the cookie, as a browser does.
    later = await client.get("/", headers={"Accept-Language": "en"})
    assert html.fromstring(await later.text()).get("lang") == "zh-CN"
    assert "Set-Cookie" not in later.headers
    back = await client.get("/?lang=en")
    assert html.fromstring(await back.text()).get("lang") == "en"
    assert back.cookies["lang"].value == "en"


async def test_the_switch_links_to_both_languages_on_the_same_page(web: Site) -> None:
    _, page = await _page(web, "/s/istio-meetup")
    switch = html.fromstring(page).xpath("//nav[@class='languages']//a")
    assert [(a.text_content(), a.get("href"), a.get("aria-current")) for a in switch] == [
        ("English", "?lang=en", "true"),
        ("中文", "?lang=zh", None),
    ]


async def test_an_unknown_language_in_the_switch_is_ignored(web: Site) -> None:
    response = await web.client.get("/?lang=xx", headers={"Accept-Language": "zh"})
    assert html.fromstring(await response.text()).get("lang") == "zh-CN"
    assert "Set-Cookie" not in response.headers


# ---- conditional GET, HEAD, headers ------------------------------------------------------------


async def test_pages_answer_304_to_their_strong_etag(web: Site) -> None:
    first = await web.client.get("/s/istio-meetup", headers=HOST)
    etag = first.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{40}"', etag)
    again = await web.client.get("/s/istio-meetup", headers={**HOST, "If-None-Match": etag})
    assert again.status == 304 and await again.read() == b""
    assert again.headers["ETag"] == etag
    weak = await web.client.get("/s/istio-meetup", headers={**HOST, "If-None-Match": f"W/{etag}"})
    assert weak.status == 304
    other = await web.client.get("/s/istio-meetup", headers={**HOST, "If-None-Match": '"x"'})
    assert other.status == 200


async def test_if_modified_since_alone_never_answers_304(web: Site) -> None:
    response = await web.client.get(
        "/s/istio-meetup", headers={"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    )
    assert response.status == 200


async def test_each_language_has_its_own_etag_and_caches_vary_on_it(web: Site) -> None:
    english = await web.client.get("/s/istio-meetup", headers={"Accept-Language": "en"})
    chinese = await web.client.get("/s/istio-meetup", headers={"Accept-Language": "zh"})
    assert english.headers["ETag"] != chinese.headers["ETag"]
    assert english.headers["Vary"] == "Accept-Language, Cookie"
    stale = await web.client.get(
        "/s/istio-meetup",
        headers={"Accept-Language": "zh", "If-None-Match": english.headers["ETag"]},
    )
    assert stale.status == 200


async def test_head_answers_as_get_without_a_body(web: Site) -> None:
    get = await web.client.get("/s/istio-meetup/aeraki", headers=HOST)
    head = await web.client.head("/s/istio-meetup/aeraki", headers=HOST)
    assert head.status == 200 and await head.read() == b""
    for name in ("ETag", "Content-Type", "Content-Length", "Vary", "Content-Security-Policy"):
        assert head.headers[name] == get.headers[name]


async def test_pages_forbid_inline_script_and_other_origins(web: Site) -> None:
    response = await web.client.get("/s/istio-meetup")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    tree = html.fromstring(await response.text())
    assert all(s.get("src") and not (s.text or "").strip() for s in tree.xpath("//script"))
    assert not tree.xpath("//*[@style] | //style")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_pages_whose_links_follow_the_host_header_are_not_cacheable(
    web: Site, tmp_path: Path, aiohttp_client: Client
) -> None:
    response = await web.client.get("/s/istio-meetup", headers={"Host": "evil.example"})
    assert response.headers["Cache-Control"] == "no-store"
    assert "evil.example" in await response.text()
    configured = await site(tmp_path, aiohttp_client, base_url="https://cal.example.org/")
    fixed = await configured.client.get("/s/istio-meetup", headers={"Host": "evil.example"})
    page = await fixed.text()
    assert "evil.example" not in page and "webcal://cal.example.org/calendars/" in page
    assert fixed.headers["Cache-Control"] == "public, max-age=300"


# ---- static files ----------------------------------------------------------------------------


async def test_the_script_and_style_are_served_with_validators(web: Site) -> None:
    page = html.fromstring(await (await web.client.get("/")).text())
    script = page.xpath("//script/@src")[-1]
    style = page.xpath("//link[@rel='stylesheet']/@href")[0]
    assert re.fullmatch(r"/static/app\.js\?v=[0-9a-f]{12}", script)
    js = await web.client.get(script)
    assert js.status == 200 and js.headers["Content-Type"].startswith("text/javascript")
    assert "Intl.DateTimeFormat" in await js.text()
    css = await web.client.get(style)
    assert css.headers["Content-Type"].startswith("text/css")
    again = await web.client.get("/static/app.js", headers={"If-None-Match": js.headers["ETag"]})
    assert again.status == 304
    missing = await web.client.get("/static/../app.py")
    assert missing.status == 404


def test_a_zone_names_script_is_made_when_its_language_is_first_needed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its city names load Babel's data for the language: a server whose pages nobody opens
    # never holds it.
    from bot.web.pages import render

    made: list[str] = []
    monkeypatch.setattr(render, "zone_script", lambda lang: made.append(lang) or b"x")
    assets = render.Assets()
    assert made == [] and assets.get("app.js") is not None
    assert assets.get("zones-xx.js") is None
    zh = assets.get("zones-zh.js")
    assert zh is not None and zh.data == b"x" and made == ["zh"]
    assert assets.zone_href("zh") == zh.href and assets.get("zones-zh.js") is zh
    assert made == ["zh"]


async def test_the_zone_names_script_a_page_links_is_served(web: Site) -> None:
    for lang in ("en", "zh"):
        page = html.fromstring(await (await web.client.get(f"/?lang={lang}")).text())
        src = page.xpath("//script/@src")[0]
        assert re.fullmatch(rf"/static/zones-{lang}\.js\?v=[0-9a-f]{{12}}", src)
        script = await web.client.get(src)
        assert script.status == 200
        assert (await script.text()).startswith("window.agendaBotZones = {")


# ---- reloads, cache, metrics -----------------------------------------------------------------


async def test_pages_follow_an_agenda_reload(web: Site) -> None:
    before = await web.client.get("/s/istio-meetup")
    assert "Istio Meetup China" in await before.text()
    web.serve(snapshot(2, **{MEETUP.id: retitled(MEETUP, "Istio Meetup Beijing")}))
    after = await web.client.get("/s/istio-meetup")
    assert "Istio Meetup Beijing" in await after.text()
    assert after.headers["ETag"] != before.headers["ETag"]
    index = await (await web.client.get("/")).text()
    assert "Istio Meetup Beijing" in index


async def test_pages_are_rendered_once_per_agenda_version_and_language(
    web: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.web.pages import render

    renders: list[str] = []
    real = render.Templates.render

    def counting(self: render.Templates, template: str, lang: str, **values: object) -> bytes:
        renders.append(f"{template}:{lang}")
        return real(self, template, lang, **values)

    monkeypatch.setattr(render.Templates, "render", counting)
    for _ in range(3):
        await web.client.get("/s/istio-meetup")
        await web.client.get("/s/istio-meetup", headers={"Accept-Language": "zh"})
    assert renders == ["agenda.html:en", "agenda.html:zh"]
    web.serve(snapshot(2))
    await web.client.get("/s/istio-meetup")
    assert renders[-1] == "agenda.html:en" and len(renders) == 3


async def test_page_requests_are_counted_by_route_template(web: Site) -> None:
    await web.client.get("/s/istio-meetup")
    await web.client.get("/s/nope")
    await web.client.get("/s/istio-meetup/aeraki")
    await web.client.get("/speakers/huabing-zhao")
    text = await (await web.client.get("/metrics")).text()
    for route, status in (
        ("/s/{schedule}", 200),
        ("/s/{schedule}", 404),
        ("/s/{schedule}/{session}", 200),
        ("/speakers/{speaker}", 200),
    ):
        assert f'agenda_bot_feed_requests_total{{route="{route}",status="{status}"}} 1.0' in text
    assert "huabing" not in text and "istio-meetup" not in text


# ---- accessibility basics that need no browser -----------------------------------------------


@pytest.mark.parametrize("path", ["/", "/s/istio-meetup", "/s/istio-meetup/aeraki"])
async def test_pages_have_landmarks_a_skip_link_and_a_labelled_zone_picker(
    web: Site, path: str
) -> None:
    tree = html.fromstring(await (await web.client.get(path)).text())
    for landmark in ("header", "nav", "main", "footer"):
        assert tree.xpath(f"//{landmark}"), landmark
    skip = tree.xpath("//a[@class='skip-link']")[0]
    assert skip.get("href") == "#main" and tree.get_element_by_id("main").tag == "main"
    assert tree.xpath("//meta[@name='viewport']")
    for select in tree.xpath("//select"):
        assert tree.xpath(f"//label[@for='{select.get('id')}']")
