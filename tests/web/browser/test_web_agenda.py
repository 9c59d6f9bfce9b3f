"""The web agenda in a real browser (Debian's chromium, driven by Playwright) against the real
`agenda-bot serve` process: times in the viewer's zone, the zone picker, now and next, Chinese,
and axe-core's accessibility rules. The server runs in a zone that is neither the organizers'
nor the browser's, so a time taken from the machine would show.

Screenshots go to .artifacts/screenshots/ at the repository root."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.helpers import ROOT, SEED, free_port


def _chromium() -> str | None:
    return next(
        (p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).is_file()),
        None,
    )


def _installed_chromium() -> str:
    """Debian's chromium (never a downloaded browser): installed with apt-get when missing, as
    the interop tests install libical; the tests fail, never skip, when it cannot be had."""
    found = _chromium()
    apt = shutil.which("apt-get")
    if found is None and apt is not None:
        for step in (["update", "-qq"], ["install", "-y", "-qq", "chromium"]):
            subprocess.run([apt, *step], capture_output=True, check=False)
        found = _chromium()
    if found is None:
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    return found


SHOTS = ROOT / ".artifacts" / "screenshots"
AGENDA = "/s/istio-meetup-china-2021"
SERVER_ZONE = "Pacific/Auckland"  # neither the organizers' (Asia/Shanghai) nor a browser's
SIGN_IN = "#session-sign-in"
AERAKI = AGENDA + "/full-stack-service-grid-aeraki-helps-you-manage"
WORKSHOP = "/s/iac-workshop"
# An all-day workshop in Lyon: its day is the organizers' (Europe/Paris), midnight to midnight.
WORKSHOP_PAGE = """\
---
title: Infrastructure-as-Code Workshop
timezone: Europe/Paris
---

# Infrastructure-as-Code Workshop

A full-day, hands-on workshop on Saturday, January 16, 2027.
"""


def _serve_command() -> list[str]:
    script = Path(sys.executable).with_name("agenda-bot")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "bot"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`agenda-bot serve` on a free port, for the seed agenda (and its Chinese twin) and the
    seed speaker's page."""
    base = tmp_path_factory.mktemp("web")
    folder = base / "schedules"
    (folder / "speakers").mkdir(parents=True)
    for page in SEED.parent.glob(SEED.stem + "*.md"):
        shutil.copy(page, folder / page.name)
    for page in (SEED.parent / "speakers").glob("huabing-zhao*.md"):
        shutil.copy(page, folder / "speakers" / page.name)
    (folder / "iac-workshop.md").write_text(WORKSHOP_PAGE)
    for attempt in range(3):  # a port found free may be taken before the server binds it
        port = free_port()
        log_file = base / f"serve-{attempt}.log"
        with log_file.open("wb") as log:
            process = subprocess.Popen(
                [*_serve_command(), "serve", "--port", str(port), "--schedules", str(folder),
                 "--state-dir", str(base / "state")],
                cwd=base,
                env={**os.environ, "TZ": SERVER_ZONE, "AGENDA_BOT_LOG_LEVEL": "INFO",
                     "AGENDA_BOT_LOG_FORMAT": "text"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        try:
            if _listening(process, log_file, port):
                yield f"http://127.0.0.1:{port}"
                return
        finally:
            process.terminate()
            process.wait(timeout=10)
    raise AssertionError(f"agenda-bot serve did not start: {log_file.read_text()}")


def _listening(process: subprocess.Popen[bytes], log: Path, port: int) -> bool:
    """Whether this process (not whatever else may answer on the port) says it listens."""
    deadline = time.monotonic() + 20
    said = f"listening on http://127.0.0.1:{port} "
    while time.monotonic() < deadline:
        if said in log.read_text():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.1)
    raise AssertionError(f"agenda-bot serve did not listen within 20 s: {log.read_text()}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=_installed_chromium(), args=["--no-sandbox"]
        )
        yield launched
        launched.close()


class Viewer:
    """One browser context (a zone, a language) and the problems its pages reported."""

    def __init__(self, browser: Browser, zone: str, locale: str = "en-US") -> None:
        self.context: BrowserContext = browser.new_context(
            timezone_id=zone, locale=locale, viewport={"width": 1000, "height": 900}
        )
        self.problems: list[str] = []

    def open(self, url: str, clock: datetime | None = None) -> Page:
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        page.on(
            "console",
            lambda message: self.problems.append(message.text) if message.type == "error" else None,
        )
        if clock is not None:
            page.clock.install(time=clock)
        page.goto(url)
        return page


@pytest.fixture
def viewers(browser: Browser) -> Iterator[list[Viewer]]:
    opened: list[Viewer] = []
    yield opened
    for viewer in opened:
        viewer.context.close()
    assert [p for v in opened for p in v.problems] == []  # no script error, no CSP refusal


def _viewer(viewers: list[Viewer], browser: Browser, zone: str, locale: str = "en-US") -> Viewer:
    viewer = Viewer(browser, zone, locale)
    viewers.append(viewer)
    return viewer


def _text(page: Page, selector: str) -> str:
    return " ".join(page.locator(selector).inner_text().split())


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def _no_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_times_show_in_los_angeles_a_day_earlier_with_the_organizers_date(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    page = _viewer(viewers, browser, "America/Los_Angeles").open(server + AGENDA)
    viewer_line = f"{SIGN_IN} .when-viewer"
    assert _text(page, f"{viewer_line} .viewer-time") == "Fri, Jul 9 22:30–22:50"
    assert _text(page, f"{viewer_line} .viewer-zone") == "Los Angeles (UTC-07:00)"
    assert _text(page, f"{viewer_line} .other-day") == "Sat, Jul 10 in Shanghai"
    assert _text(page, f"{SIGN_IN} .when-org") == "Organizers' time: 13:30–13:50 Asia/Shanghai"
    assert page.locator(f"{viewer_line} time").first.get_attribute("datetime") == (
        "2021-07-10T05:30:00Z"
    )
    _shot(page, "agenda-los-angeles")
    _no_violations(page)


def test_times_show_in_tokyo_on_the_organizers_date(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    page = _viewer(viewers, browser, "Asia/Tokyo").open(server + AGENDA)
    assert _text(page, f"{SIGN_IN} .viewer-time") == "Sat, Jul 10 14:30–14:50"
    assert page.locator(f"{SIGN_IN} .other-day").is_hidden()
    assert page.get_by_label("Show times in").input_value() == ""  # the browser's zone
    _shot(page, "agenda-tokyo")


def test_in_the_organizers_zone_each_time_is_written_once(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    """A viewer in Shanghai sees 13:30 once, not again as the organizers' time; the UTC line
    steps aside for a viewer in UTC the same way."""
    page = _viewer(viewers, browser, "Asia/Shanghai").open(server + AGENDA)
    assert _text(page, f"{SIGN_IN} .viewer-time") == "13:30–13:50"
    assert page.locator(f"{SIGN_IN} .when-org").is_hidden()
    assert page.locator(f"{SIGN_IN} .when-utc").is_visible()
    page.get_by_label("Show times in").select_option("UTC")
    assert page.locator(f"{SIGN_IN} .when-utc").is_hidden()
    assert page.locator(f"{SIGN_IN} .when-org").is_visible()


def test_the_zone_picker_changes_every_time_and_is_remembered(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    viewer = _viewer(viewers, browser, "America/Los_Angeles")
    page = viewer.open(server + AGENDA)
    picker = page.get_by_label("Show times in")
    assert picker.locator("option").count() > 300  # every zone Intl knows
    picker.select_option("America/New_York")
    assert _text(page, f"{SIGN_IN} .viewer-time") == "Sat, Jul 10 01:30–01:50"
    assert page.locator(f"{SIGN_IN} .other-day").is_hidden()
    page.reload()
    assert page.get_by_label("Show times in").input_value() == "America/New_York"
    assert _text(page, f"{SIGN_IN} .viewer-time") == "Sat, Jul 10 01:30–01:50"
    page.get_by_label("Show times in").select_option("@organizers")
    assert _text(page, f"{SIGN_IN} .viewer-time") == "13:30–13:50"
    page.get_by_label("Show times in").select_option("UTC")
    assert _text(page, f"{SIGN_IN} .viewer-time") == "Sat, Jul 10 05:30–05:50"
    assert _text(page, f"{SIGN_IN} .viewer-zone") == "UTC"
    other = viewer.open(server + AGENDA + "/sign-in")  # another page, the same choice
    assert _text(other, ".when-viewer .viewer-time") == "Sat, Jul 10, 2021 05:30–05:50"
    _shot(page, "agenda-picked-utc")


def test_now_and_next_follow_the_current_time(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    viewer = _viewer(viewers, browser, "Asia/Tokyo")
    # 14:10 in Shanghai: the standard's reading is on, the hot upgrade talk comes next.
    page = viewer.open(server + AGENDA, clock=datetime(2021, 7, 10, 6, 10, tzinfo=UTC))
    now = page.locator(".session.is-now")
    upcoming = page.locator(".session.is-next")
    assert now.count() == 1 and upcoming.count() == 1
    assert now.get_attribute("id") == "session-interpretation-of-the-service-grid-technical"
    assert _text(page, ".is-now .status") == "On now"
    assert upcoming.get_attribute("id") == "session-service-grid-data-plane-hot-upgrade-technology"
    assert _text(page, ".is-next .status") == "Next"
    _shot(page, "agenda-now-next")
    before = viewer.open(server + AGENDA, clock=datetime(2021, 7, 1, tzinfo=UTC))
    assert before.locator(".session.is-now").count() == 0
    assert before.locator(".session.is-next").get_attribute("id") == "session-sign-in"
    after = viewer.open(server + AGENDA, clock=datetime(2021, 7, 11, tzinfo=UTC))
    assert after.locator(".session.is-now, .session.is-next").count() == 0


def test_chinese_from_the_browsers_language(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    page = _viewer(viewers, browser, "America/Los_Angeles", "zh-CN").open(server + AGENDA)
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator("h1").inner_text() == "首届 Istio Meetup China 来啦！"
    assert _text(page, f"{SIGN_IN} .viewer-time") == "7月9日周五 22:30–22:50"
    assert _text(page, f"{SIGN_IN} .viewer-zone") == "洛杉矶（UTC-07:00）"  # as 上海 is
    assert _text(page, f"{SIGN_IN} .other-day") == "上海：7月10日周六"
    assert page.get_by_label("时间显示时区").is_visible()
    _shot(page, "agenda-chinese")
    _no_violations(page)
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "en"  # the switch is remembered


def test_the_other_pages_pass_axe_on_a_phone(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    viewer = _viewer(viewers, browser, "Europe/Paris")
    phone = {"width": 390, "height": 844}
    for path, name in (
        ("/", "index"),
        (AGENDA + "/full-stack-service-grid-aeraki-helps-you-manage", "session"),
        ("/speakers/huabing-zhao", "speaker"),
        ("/s/nope", "not-found"),
    ):
        page = viewer.open(server + path)
        if name == "not-found":  # the browser reports the 404 itself
            viewer.problems = [p for p in viewer.problems if "404" not in p]
        page.set_viewport_size(phone)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= phone["width"], f"{path} scrolls sideways ({width}px)"
        _shot(page, f"{name}-phone")
        _no_violations(page)
    session = viewer.open(server + AGENDA + "/full-stack-service-grid-aeraki-helps-you-manage")
    session.get_by_role("link", name="Huabing Zhao").click()
    session.wait_for_url("**/speakers/huabing-zhao")
    assert session.locator("h1").inner_text() == "Huabing Zhao"
    assert session.locator(".session-title a").first.get_attribute("href") == (
        AGENDA + "/full-stack-service-grid-aeraki-helps-you-manage"
    )


def test_session_and_speaker_pages_date_every_time_in_the_organizers_zone_too(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    viewer = _viewer(viewers, browser, "Asia/Shanghai")
    session = viewer.open(server + AGENDA + "/sign-in")
    assert _text(session, ".when-viewer .viewer-time") == "Sat, Jul 10, 2021 13:30–13:50"
    assert _text(session, ".when-viewer .viewer-zone") == "Shanghai (UTC+08:00)"
    assert session.locator("#converted").is_visible()  # the script runs: it says so
    speaker = viewer.open(server + "/speakers/huabing-zhao")
    assert _text(speaker, ".when-viewer .viewer-time") == "Sat, Jul 10, 2021 16:15–16:45"
    agenda = viewer.open(server + AGENDA)  # under the day's heading: the time alone
    assert _text(agenda, f"{SIGN_IN} .viewer-time") == "13:30–13:50"


def test_a_browser_reporting_an_older_zone_name_sees_the_current_one(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    page = _viewer(viewers, browser, "Asia/Calcutta").open(server + AGENDA)
    picker = page.get_by_label("Show times in")
    assert picker.locator("option").first.inner_text() == "My zone (Asia/Kolkata)"
    assert _text(page, f"{SIGN_IN} .viewer-zone") == "Kolkata (UTC+05:30)"
    values = picker.locator("optgroup option").evaluate_all("(os) => os.map((o) => o.value)")
    assert {"Asia/Kolkata", "Europe/Kyiv", "Asia/Ho_Chi_Minh", "Asia/Kathmandu"} <= set(values)
    assert not {"Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "Asia/Katmandu"} & set(values)
    assert len(values) == len(set(values)) and values == sorted(values)
    picker.select_option("Europe/Kyiv")
    assert _text(page, f"{SIGN_IN} .viewer-zone") == "Kyiv (UTC+03:00)"
    page.evaluate("window.localStorage.setItem('agenda-bot.zone', 'Asia/Saigon')")
    page.reload()  # a choice remembered by its older name
    assert page.get_by_label("Show times in").input_value() == "Asia/Ho_Chi_Minh"
    assert _text(page, f"{SIGN_IN} .viewer-zone") == "Ho Chi Minh City (UTC+07:00)"


def test_an_all_day_entry_is_on_now_on_the_organizers_day_and_next_before_it(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    viewer = _viewer(viewers, browser, "America/Los_Angeles")
    day = viewer.open(server + WORKSHOP, clock=datetime(2027, 1, 16, 10, tzinfo=UTC))
    assert day.locator(".session.is-now").count() == 1
    assert _text(day, ".is-now .status") == "On now"
    before = viewer.open(server + WORKSHOP, clock=datetime(2027, 1, 15, 22, 59, tzinfo=UTC))
    assert _text(before, ".is-next .status") == "Next"  # 23:59 in Lyon: the day is next
    after = viewer.open(server + WORKSHOP, clock=datetime(2027, 1, 16, 23, tzinfo=UTC))
    assert after.locator(".session.is-now, .session.is-next").count() == 0
    _shot(day, "all-day-now")


def test_talk_headers_and_link_labels_never_break_inside_a_word(
    server: str, browser: Browser, viewers: list[Viewer]
) -> None:
    viewer = _viewer(viewers, browser, "Asia/Tokyo", "zh-CN")
    broken = """() => Array.from(document.querySelectorAll(
        '.talks th, .talks td.year, .talks td.city, .talks td.file a, .languages a'
    )).filter((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getClientRects().length > 1;
    }).map((element) => element.textContent)"""
    zones = {}
    for lang in ("zh", "en"):
        page = viewer.open(server + f"/speakers/huabing-zhao?lang={lang}")
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.evaluate(broken) == [], lang
        heights = page.locator(".languages a").evaluate_all(
            "(links) => links.map((a) => a.getBoundingClientRect().height)"
        )
        assert min(heights) >= 24  # a target a finger can hit
        zones[lang] = _text(page, ".when-viewer .viewer-zone")
        _shot(page, f"speaker-desktop-{lang}")
    # The viewer's city in the page's language, as the organizers' city is.
    assert zones == {"zh": "东京（UTC+09:00）", "en": "Tokyo (UTC+09:00)"}
