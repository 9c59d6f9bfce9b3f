"""One fetch: conditional requests, the caps (size, time, redirects), the content's name, and
the address rules checked on every hop."""

from __future__ import annotations

import asyncio
import gzip
import re
import socket
import time

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.sources.fetch import USER_AGENT, FetchError, Limits, fetch, file_name_for
from bot.sources.safety import GuardedResolver, SourceRefused, check_url, is_public_address
from tests.sources.conftest import Page, Site, meetup


def _loopback_is_public(address: str) -> bool:
    """127.0.0.1 stands for a public server; every other address follows the real rule."""
    return address == "127.0.0.1" or is_public_address(address)


async def test_a_page_is_fetched_plainly_with_its_validators(site: Site) -> None:
    site.pages["/agenda.md"] = Page(
        meetup(), etag='"v1"', last_modified="Tue, 01 Jan 2030 00:00:00 GMT"
    )
    got = await fetch(site.url("/agenda.md"), allow_private=True)
    assert got.data == meetup()
    assert got.etag == '"v1"'
    assert got.last_modified == "Tue, 01 Jan 2030 00:00:00 GMT"
    [headers] = site.hits("/agenda.md")
    assert headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("agenda-bot")
    assert "Authorization" not in headers and "Cookie" not in headers
    assert "If-None-Match" not in headers


async def test_conditional_get_gets_304_without_a_body(site: Site) -> None:
    site.pages["/agenda.md"] = Page(meetup(), etag='"v1"')
    got = await fetch(site.url("/agenda.md"), etag='"v1"', allow_private=True)
    assert got.not_modified and got.data is None
    assert site.hits("/agenda.md")[0]["If-None-Match"] == '"v1"'
    site.pages["/dated.md"] = Page(meetup(), last_modified="Tue, 01 Jan 2030 00:00:00 GMT")
    got = await fetch(
        site.url("/dated.md"), last_modified="Tue, 01 Jan 2030 00:00:00 GMT", allow_private=True
    )
    assert got.not_modified


async def test_a_page_over_the_size_cap_is_refused_declared_or_streamed(site: Site) -> None:
    big = b"x" * (1024 * 1024 + 1)
    site.pages["/big.md"] = Page(big)
    site.pages["/stream.md"] = Page(big, chunked=True)
    for path in ("/big.md", "/stream.md"):
        with pytest.raises(FetchError, match="larger than 1 MB"):
            await fetch(site.url(path), allow_private=True)
    site.pages["/fits.md"] = Page(b"y" * 1000, chunked=True)
    got = await fetch(site.url("/fits.md"), allow_private=True)
    assert got.data == b"y" * 1000


async def test_a_compressed_page_is_capped_by_its_unpacked_size(site: Site) -> None:
    bomb = gzip.compress(b"0" * (8 * 1024 * 1024))
    assert len(bomb) < 64 * 1024
    site.pages["/bomb.md"] = Page(bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="larger than 1 MB"):
        await fetch(site.url("/bomb.md"), allow_private=True)
    small = meetup()
    site.pages["/small.md"] = Page(gzip.compress(small), headers={"Content-Encoding": "gzip"})
    assert (await fetch(site.url("/small.md"), allow_private=True)).data == small


async def test_a_slow_page_times_out_within_the_total_cap(site: Site) -> None:
    site.pages["/slow.md"] = Page(meetup(), delay=5)
    started = time.monotonic()
    with pytest.raises(FetchError, match=re.escape("no complete answer within 0.3 seconds")):
        await fetch(site.url("/slow.md"), allow_private=True, limits=Limits(total_seconds=0.3))
    assert time.monotonic() - started < 2


async def test_redirects_are_followed_up_to_the_cap(site: Site) -> None:
    site.pages["/agenda.md"] = Page(meetup())
    site.pages["/old"] = Page(location="/agenda.md", status=301)
    got = await fetch(site.url("/old"), allow_private=True)
    assert got.data == meetup() and got.url == site.url("/agenda.md")
    site.pages["/loop"] = Page(location="/loop", status=302)
    with pytest.raises(FetchError, match="more than 2 redirects"):
        await fetch(site.url("/loop"), allow_private=True, limits=Limits(max_redirects=2))
    assert len(site.hits("/loop")) == 3


async def test_errors_say_what_the_server_answered(site: Site) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        await fetch(site.url("/missing.md"), allow_private=True)


async def test_private_addresses_are_refused_unless_allowed(site: Site) -> None:
    site.pages["/agenda.md"] = Page(meetup())
    with pytest.raises(
        FetchError, match=re.escape("refused: 127.0.0.1 is a private or local address")
    ):
        await fetch(site.url("/agenda.md"))
    # A name that resolves to loopback is refused after resolution, before connecting.
    localhost = site.url("/agenda.md").replace("127.0.0.1", "localhost")
    with pytest.raises(FetchError, match="refused: localhost resolves to"):
        await fetch(localhost)
    assert site.hits("/agenda.md") == []
    assert (await fetch(site.url("/agenda.md"), allow_private=True)).data == meetup()


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/agenda.md",
        "http://[::1]:9/agenda.md",
        "http://[::ffff:127.0.0.1]:9/agenda.md",
        "http://127.0.0.2:{port}/agenda.md",
    ],
)
async def test_a_redirect_into_a_private_range_is_refused(site: Site, target: str) -> None:
    port = site.base.rsplit(":", 1)[1]
    site.pages["/agenda.md"] = Page(meetup())
    site.pages["/moved"] = Page(location=target.format(port=port), status=302)
    with pytest.raises(FetchError, match="refused"):
        await fetch(site.url("/moved"), policy=_loopback_is_public)
    assert site.hits("/agenda.md") == []
    # The same first hop, redirected to a public address the policy allows, is followed.
    site.pages["/fine"] = Page(location="/agenda.md", status=302)
    assert (await fetch(site.url("/fine"), policy=_loopback_is_public)).data == meetup()


async def test_redirects_to_other_schemes_are_refused(site: Site) -> None:
    site.pages["/moved"] = Page(location="file:///etc/passwd", status=302)
    with pytest.raises(FetchError, match="only http and https"):
        await fetch(site.url("/moved"), allow_private=True)


class _Names(AbstractResolver):
    """A DNS that answers from a table."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        return [
            ResolveResult(hostname=host, host=a, port=port, family=family, proto=0, flags=0)
            for a in self.table[host]
        ]

    async def close(self) -> None:
        return None


async def test_the_resolver_keeps_only_public_addresses() -> None:
    names = _Names(
        {
            "inside.example": ["10.0.0.1", "fd00::1"],
            "mixed.example": ["192.168.0.1", "93.184.216.34"],
        }
    )
    guarded = GuardedResolver(allow_private=False, inner=names)
    with pytest.raises(
        SourceRefused, match=re.escape("inside.example resolves to 10.0.0.1, fd00::1")
    ):
        await guarded.resolve("inside.example", 80)
    [kept] = await guarded.resolve("mixed.example", 80)
    assert kept["host"] == "93.184.216.34"
    allowed = GuardedResolver(allow_private=True, inner=names)
    assert len(await allowed.resolve("inside.example", 80)) == 2


def test_urls_must_be_http_with_a_host_and_no_credentials() -> None:
    assert check_url("https://example.org/a.md") == "https://example.org/a.md"
    for bad, why in [
        ("ftp://example.org/a.md", "only http and https"),
        ("https:///a.md", "names no host"),
        ("https://user:secret@example.org/a.md", "user name or password"),
        ("https://example.org:99999/", "not a URL"),
        ("https://example.org/" + "a" * 2000, "longer than"),
    ]:
        with pytest.raises(SourceRefused, match=why):
            check_url(bad)


def test_public_addresses() -> None:
    assert is_public_address("93.184.216.34")
    assert is_public_address("2606:4700::1111")
    for private in (
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:10.0.0.1",
        "224.0.0.1",
        "not an address",
    ):
        assert not is_public_address(private), private


@pytest.mark.parametrize(
    ("url", "content_type", "name"),
    [
        ("https://example.org/events/meetup.md", "text/plain; charset=utf-8", "meetup.md"),
        ("https://example.org/events/meetup.md", "text/html", "meetup.html"),
        ("https://example.org/cal/rust.ics", "application/octet-stream", "rust.ics"),
        ("https://example.org/feed", "text/calendar; charset=utf-8", "feed.ics"),
        ("https://example.org/2030/gophers/", "text/html; charset=utf-8", "gophers.html"),
        ("https://example.org/gophers/index.html", None, "gophers.html"),
        ("https://example.org/", "text/markdown", "example-org.md"),
        ("https://example.org/agenda.yml", None, "agenda.yaml"),
        ("https://example.org/raw/agenda", "text/plain", "agenda.md"),
    ],
)
def test_the_name_a_page_is_read_under(url: str, content_type: str | None, name: str) -> None:
    assert file_name_for(url, content_type) == name


async def test_a_slow_fetch_leaves_the_event_loop_free(site: Site) -> None:
    site.pages["/slow.md"] = Page(meetup(), delay=0.6)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    try:
        with pytest.raises(FetchError):
            await fetch(site.url("/slow.md"), allow_private=True, limits=Limits(total_seconds=0.5))
    finally:
        ticker.cancel()
    assert ticks > 20


@pytest.mark.parametrize(
    "address",
    [
        "::7f00:1",  # IPv4-compatible 127.0.0.1
        "::a00:1",  # IPv4-compatible 10.0.0.1
        "::808:808",  # IPv4-compatible, even of a public address: deprecated, never routed
        "::ffff:0:7f00:1",  # IPv4-translated 127.0.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "64:ff9b:1::7f00:1",  # local-use NAT64
        "64:ff9b:1::808:808",
    ],
)
def test_ipv4_carried_in_ipv6_is_judged_as_ipv4(address: str) -> None:
    assert not is_public_address(address)


def test_a_public_ipv4_address_behind_nat64_stays_public() -> None:
    assert is_public_address("64:ff9b::808:808")
    assert is_public_address("::ffff:0:808:808")


async def test_a_resolver_answer_of_embedded_loopback_is_refused() -> None:
    names = _Names({"sneaky.example": ["::7f00:1", "64:ff9b::7f00:1", "::ffff:0:7f00:1"]})
    with pytest.raises(SourceRefused):
        await GuardedResolver(allow_private=False, inner=names).resolve("sneaky.example", 80)


def _gbk_page() -> bytes:
    return meetup("泛型实践").decode().replace("Gophers Night", "地鼠之夜").encode("gbk")


async def test_a_page_is_decoded_from_the_charset_its_header_declares(site: Site) -> None:
    site.pages["/gbk.md"] = Page(_gbk_page(), content_type="text/markdown; charset=gbk")
    got = await fetch(site.url("/gbk.md"), allow_private=True)
    assert got.data is not None and "地鼠之夜" in got.data.decode("utf-8")
    assert "泛型实践" in got.data.decode("utf-8")


async def test_a_page_is_decoded_from_its_meta_charset_or_xml_declaration(site: Site) -> None:
    html = '<!doctype html><html><head><meta charset="gb2312"><title>地鼠之夜</title></head>'
    site.pages["/page.html"] = Page(html.encode("gb2312"), content_type="text/html")
    got = await fetch(site.url("/page.html"), allow_private=True)
    assert got.data is not None and "地鼠之夜" in got.data.decode("utf-8")
    legacy = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
    site.pages["/jp.html"] = Page((legacy + "東京").encode("shift_jis"), content_type="text/html")
    got = await fetch(site.url("/jp.html"), allow_private=True)
    assert got.data is not None and "東京" in got.data.decode("utf-8")
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?><html><p>Café</p></html>'
    site.pages["/x.xhtml"] = Page(xml.encode("latin-1"), content_type="application/xhtml+xml")
    got = await fetch(site.url("/x.xhtml"), allow_private=True)
    assert got.data is not None and "Café" in got.data.decode("utf-8")
    # The header wins over the page.
    site.pages["/both.html"] = Page(html.encode("utf-8"), content_type="text/html; charset=utf-8")
    got = await fetch(site.url("/both.html"), allow_private=True)
    assert got.data == html.encode("utf-8")


async def test_undecodable_bytes_or_an_unknown_charset_are_a_clear_error(site: Site) -> None:
    site.pages["/bad.md"] = Page(b"# ok\n\n\xff\xff\xff", content_type="text/plain; charset=gbk")
    with pytest.raises(FetchError, match="line 3: the page is not valid gbk text"):
        await fetch(site.url("/bad.md"), allow_private=True)
    site.pages["/odd.md"] = Page(b"# ok", content_type="text/plain; charset=klingon")
    with pytest.raises(FetchError, match="unknown character set 'klingon'"):
        await fetch(site.url("/odd.md"), allow_private=True)
    # Without a declaration the bytes are passed on as they are (UTF-8 is the default).
    site.pages["/plain.md"] = Page(meetup(), content_type="text/plain")
    assert (await fetch(site.url("/plain.md"), allow_private=True)).data == meetup()


@pytest.mark.parametrize(
    ("content_type", "data", "name"),
    [
        ("application/octet-stream", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "feed.ics"),
        (None, b"\xef\xbb\xbf  BEGIN:VCALENDAR\nVERSION:2.0\n", "feed.ics"),
        ("text/plain", b"begin:vcalendar\n", "feed.ics"),
        ("text/plain", b"# Agenda\n\nBEGIN:VCALENDAR\n", "feed.md"),
        ("text/html", b"BEGIN:VCALENDAR\n", "feed.html"),
    ],
)
def test_a_calendar_is_known_by_its_first_line(
    content_type: str | None, data: bytes, name: str
) -> None:
    assert file_name_for("https://example.org/feed", content_type, data) == name


async def test_what_a_server_is_told_of_a_failure_names_no_address(site: Site) -> None:
    site.pages["/agenda.md"] = Page(meetup())
    localhost = site.url("/agenda.md").replace("127.0.0.1", "localhost")
    with pytest.raises(FetchError) as refused:
        await fetch(localhost)
    assert "127.0.0.1" in str(refused.value)  # the operator's message
    assert refused.value.public == "refused: the URL leads to a private or local address"
    with pytest.raises(FetchError) as closed:
        await fetch("http://127.0.0.1:9/agenda.md", allow_private=True)
    assert "127.0.0.1:9" in str(closed.value)
    assert closed.value.public == "cannot connect to the server"
    with pytest.raises(FetchError) as missing:
        await fetch(site.url("/missing.md"), allow_private=True)
    assert missing.value.public == "HTTP 404 Not Found"


async def test_a_fetch_tells_whether_it_reached_a_private_address(site: Site) -> None:
    site.pages["/agenda.md"] = Page(meetup())
    assert (await fetch(site.url("/agenda.md"), allow_private=True)).private
    localhost = site.url("/agenda.md").replace("127.0.0.1", "localhost")
    assert (await fetch(localhost, allow_private=True)).private
    public = await fetch(site.url("/agenda.md"), policy=_loopback_is_public)
    assert not public.private
