"""The web agenda over agendas read from files, as `agenda-bot serve` reads them: pages follow
an edited file, and a server's agenda under guilds/ is never on them."""

from __future__ import annotations

import shutil

from lxml import html

from tests.helpers import PAGES, SEED
from tests.web.conftest import Server

GUILD = "123456789012345678"


async def test_an_edited_agenda_file_shows_on_its_page_after_the_reload(server: Server) -> None:
    before = await server.client.get("/s/istio-meetup-china-2021")
    assert "Sign in" in await before.text()
    page = server.folder / SEED.name
    page.write_text(page.read_text().replace("| Sign in |", "| Registration desk |"))
    await server.library.reload()
    after = await server.client.get("/s/istio-meetup-china-2021")
    text = await after.text()
    assert "Registration desk" in text and ">Sign in<" not in text
    assert after.headers["ETag"] != before.headers["ETag"]
    stale = await server.client.get(
        "/s/istio-meetup-china-2021", headers={"If-None-Match": before.headers["ETag"]}
    )
    assert stale.status == 200


async def test_a_removed_agenda_file_takes_its_pages_away(server: Server) -> None:
    assert (await server.client.get("/s/devconf")).status == 200
    (server.folder / "devconf.md").unlink()
    await server.library.reload()
    gone = await server.client.get("/s/devconf")
    unknown = await server.client.get("/s/nope")
    assert gone.status == 404 and await gone.read() == await unknown.read()
    assert 'href="/s/devconf"' not in await (await server.client.get("/")).text()


async def test_a_guild_folder_agenda_is_on_no_page(server: Server) -> None:
    folder = server.folder / "guilds" / GUILD
    folder.mkdir(parents=True)
    shutil.copy(PAGES / "toml-front-matter.md", folder / "night.md")
    snapshot = await server.library.reload()
    assert "night" in snapshot.schedules  # read, only not public
    for private, unknown in (("/s/night", "/s/nope"), ("/s/night/doors-open", "/s/nope/x")):
        answers = [await server.client.get(path) for path in (private, unknown)]
        assert [a.status for a in answers] == [404, 404]
        assert await answers[0].read() == await answers[1].read()
    index = await (await server.client.get("/")).text()
    assert "Cloud Native Night" not in index and "/s/night" not in index


async def test_the_seed_agenda_page_shows_the_afternoon_in_beijing(server: Server) -> None:
    tree = html.fromstring(await (await server.client.get("/s/istio-meetup-china-2021")).text())
    sign_in = tree.get_element_by_id("session-sign-in")
    assert [t.text_content() for t in sign_in.find_class("when-org")[0].iter("time")] == [
        "13:30",
        "13:50",
    ]
    assert sign_in.find_class("when")[0].get("data-start") == "2021-07-10T05:30:00Z"


async def test_a_speaker_named_only_in_the_translation_is_on_that_language_page_only(
    server: Server,
) -> None:
    translation = SEED.with_name(SEED.stem + ".zh.md")
    shutil.copy(translation, server.folder / translation.name)
    await server.library.reload()
    path = "/s/istio-meetup-china-2021/service-grid-data-plane-hot-upgrade-technology"
    english = await (await server.client.get(path, headers={"Accept-Language": "en"})).text()
    chinese = await (await server.client.get(path, headers={"Accept-Language": "zh"})).text()
    assert "石泽寰" not in english and "阿里云" not in english
    assert "石泽寰 (阿里云)" in " ".join(html.fromstring(chinese).text_content().split())
    agenda = await (await server.client.get("/s/istio-meetup-china-2021?lang=en")).text()
    assert "石泽寰" not in agenda


async def test_a_speaker_with_a_profile_goes_by_the_pages_language_name(server: Server) -> None:
    speakers = server.folder / "speakers"
    speakers.mkdir()
    for page in (SEED.parent / "speakers").glob("huabing-zhao*.md"):
        shutil.copy(page, speakers / page.name)
    await server.library.reload()
    path = "/s/istio-meetup-china-2021/full-stack-service-grid-aeraki-helps-you-manage"
    for lang, name in (("en", "Huabing Zhao"), ("zh", "赵化冰")):
        tree = html.fromstring(await (await server.client.get(f"{path}?lang={lang}")).text())
        link = tree.xpath("//p[@class='speakers']/a")[0]
        assert (link.text_content(), link.get("href")) == (name, "/speakers/huabing-zhao")


async def test_the_speaker_page_gives_talks_in_the_pages_language(server: Server) -> None:
    speakers = server.folder / "speakers"
    speakers.mkdir()
    for page in (SEED.parent / "speakers").glob("huabing-zhao*.md"):
        shutil.copy(page, speakers / page.name)
    await server.library.reload()
    rows = {}
    for lang in ("en", "zh"):
        tree = html.fromstring(
            await (await server.client.get(f"/speakers/huabing-zhao?lang={lang}")).text()
        )
        first = tree.xpath("//table[@class='talks']/tbody/tr")[0]
        rows[lang] = [" ".join(cell.text_content().split()) for cell in first][1:4]
    assert rows["en"][2].startswith("Gateway API and Beyond")
    assert rows["zh"] == [
        "香港",
        "KubeCon 中国",
        "Gateway API 及其扩展：Envoy Gateway 的 Gateway API 扩展介绍",
    ]
