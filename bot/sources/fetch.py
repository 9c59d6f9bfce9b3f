"""One fetch of a followed URL: conditional, capped in size, time and redirects, and allowed
to reach only what `bot.sources.safety` allows. No cookies, no credentials: a plain
User-Agent naming agenda-bot is all a server learns."""

from __future__ import annotations

import asyncio
import codecs
import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import aiohttp
from yarl import URL

from bot.domain.agenda import slugify
from bot.domain.patterns import compiled
from bot.sources.safety import (
    AddressPolicy,
    GuardedResolver,
    SourceRefused,
    check_literal_host,
    check_url,
    is_public_address,
)

MEGABYTE = 1024 * 1024


def _user_agent() -> str:
    try:
        return f"agenda-bot/{version('agenda-bot')}"
    except PackageNotFoundError:
        return "agenda-bot"


USER_AGENT = _user_agent()


@dataclass(frozen=True, slots=True)
class Limits:
    """What one fetch may take: bytes read, seconds in all (redirects and body included),
    seconds to connect, and redirects followed."""

    max_bytes: int = MEGABYTE
    total_seconds: float = 30.0
    connect_seconds: float = 10.0
    max_redirects: int = 5


LIMITS = Limits()


class FetchError(Exception):
    """A fetch that gave nothing usable. The message says what happened, for the operator;
    `public` says the kind of failure without the address or port reached (for a server's
    organizers, whose URL may point anywhere)."""

    def __init__(self, message: str, public: str | None = None) -> None:
        super().__init__(message)
        self.public = public or message


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetch's answer. `data` is None when the server said nothing changed (304)."""

    url: str  # where the content came from, after redirects
    data: bytes | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    private: bool = False  # a private address was reached (allowed for this fetch)

    @property
    def not_modified(self) -> bool:
        return self.data is None


# Content types that say which reader a page needs; text/plain and the like leave it to the
# URL's suffix (raw Markdown is usually served as text/plain).
_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/calendar": ".ics",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/yaml": ".yaml",
    "application/x-yaml": ".yaml",
    "text/yaml": ".yaml",
    "text/x-yaml": ".yaml",
}
_SUFFIXES = {
    ".md": ".md",
    ".markdown": ".md",
    ".yaml": ".yaml",
    ".yml": ".yaml",
    ".ics": ".ics",
    ".ical": ".ics",
    ".html": ".html",
    ".htm": ".html",
}


_CALENDAR_START = re.compile(rb"\s*BEGIN:VCALENDAR\s*$", re.IGNORECASE | re.MULTILINE)


def looks_like_calendar(data: bytes) -> bool:
    """Whether the content is an iCalendar file: its first line is BEGIN:VCALENDAR."""
    head = data.removeprefix(b"\xef\xbb\xbf")[:256]
    found = _CALENDAR_START.match(head)
    return found is not None and b"\n" not in head[: found.start(0)].strip()


def file_name_for(url: str, content_type: str | None, data: bytes | None = None) -> str:
    """The name a fetched page is read under: its URL's last path part as a slug (the host
    for a bare site) with the suffix the content type says, else the URL's own suffix, else
    `.ics` for content that starts with BEGIN:VCALENDAR, else `.md` (agendas served as plain
    text are Markdown)."""
    parts = urlsplit(url)
    path = PurePosixPath(unquote(parts.path))
    segment = next((p for p in reversed(path.parts) if p not in ("/", "")), "")
    own = PurePosixPath(segment).suffix.lower()
    stem = PurePosixPath(segment).stem if own in _SUFFIXES or own == "" else segment
    if stem.lower() in ("index", ""):
        stem = path.parent.name if path.parent.name not in ("", "/") else ""
    base = slugify(stem) or slugify(parts.hostname or "") or "agenda"
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    suffix = _TYPES.get(kind) or _SUFFIXES.get(own)
    unsure = suffix is None or (suffix != ".ics" and kind not in _TYPES)
    if unsure and data is not None and looks_like_calendar(data):
        suffix = ".ics"
    return f"{base}{suffix or '.md'}"


_CHARSET_PARAMETER = compiled(r";\s*charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE)


def declared_charset(data: bytes, content_type: str | None) -> str | None:
    """The character set the content says it is in: the Content-Type's charset first, then a
    `<meta charset>` or an XML declaration in the first 1 KB (None: nothing declared)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    found = _CHARSET_PARAMETER.search(content_type or "")
    if found:
        return found.group(1)
    head = data[:1024]
    inline = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return inline.group(1).decode("ascii") if inline else None


def as_utf8(data: bytes, content_type: str | None) -> bytes:
    """The content in UTF-8, decoded from the character set it declares (UTF-8 when it
    declares none); FetchError for an unknown character set or bytes that are not in it."""
    charset = declared_charset(data, content_type)
    if charset is None:
        return data
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        raise FetchError(f"the page declares an unknown character set {charset[:40]!r}") from None
    if codec == "utf-8":
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FetchError(f"line {line}: the page is not valid {charset[:40]} text") from None
    if codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        text = text.removeprefix("\ufeff")
    # A declaration naming the old set would mislead a reader of the re-encoded bytes.
    return text.encode("utf-8")


def _session(limits: Limits, guard: _Guard) -> aiohttp.ClientSession:
    resolver = GuardedResolver(guard.allow_private, policy=guard.policy, on_private=guard.saw)
    connector = aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False, limit=4)
    return aiohttp.ClientSession(
        connector=connector,
        cookie_jar=aiohttp.DummyCookieJar(),
        trust_env=False,
        timeout=aiohttp.ClientTimeout(total=None, sock_connect=limits.connect_seconds),
        headers={"User-Agent": USER_AGENT},
    )


async def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_private: bool = False,
    limits: Limits = LIMITS,
    policy: AddressPolicy = is_public_address,
) -> Fetched:
    """Fetch `url` once, following redirects (each checked as the first URL is); with `etag`
    or `last_modified` the request is conditional. `policy` says which addresses are public
    (tests narrow it). The content comes back in UTF-8, decoded from the character set it
    declares. Raises FetchError (SourceRefused's message included) for anything that gives no
    content; its `public` text never names an address or a port."""
    refused = "refused: the URL leads to a private or local address"
    guard = _Guard(allow_private, policy)
    try:
        async with asyncio.timeout(limits.total_seconds):
            async with _session(limits, guard) as session:
                return await _follow(session, url, _conditions(etag, last_modified), limits, guard)
    except TimeoutError:
        raise FetchError(f"no complete answer within {limits.total_seconds:g} seconds") from None
    except SourceRefused as exc:
        raise FetchError(f"refused: {exc}", _refusal(exc, refused)) from None
    except aiohttp.ClientConnectorError as exc:
        if isinstance(exc.os_error, SourceRefused):
            raise FetchError(f"refused: {exc.os_error}", _refusal(exc.os_error, refused)) from None
        raise FetchError(
            f"cannot connect to {exc.host}:{exc.port} ({exc.os_error})",
            "cannot connect to the server",
        ) from None
    except aiohttp.ClientError as exc:
        raise FetchError(
            f"{type(exc).__name__}: {exc}", f"the connection failed ({type(exc).__name__})"
        ) from None


def _refusal(exc: SourceRefused, private: str) -> str:
    """What a server is told of a refusal: the rule the URL broke, never the address."""
    return f"refused: {exc.public}" if exc.public else private


@dataclass(slots=True)
class _Guard:
    allow_private: bool
    policy: AddressPolicy
    private: bool = False  # a private address was let through

    def saw(self) -> None:
        self.private = True


def _conditions(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"Accept": "text/markdown, text/calendar, text/html;q=0.9, text/*;q=0.8, */*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


async def _follow(
    session: aiohttp.ClientSession,
    url: str,
    headers: dict[str, str],
    limits: Limits,
    guard: _Guard,
) -> Fetched:
    etag, last_modified = headers.get("If-None-Match"), headers.get("If-Modified-Since")
    current = url
    for _ in range(limits.max_redirects + 1):
        check_url(current)
        target = URL(current, encoded=False)
        if check_literal_host(target.host or "", guard.allow_private, guard.policy):
            guard.saw()
        async with session.get(target, headers=headers, allow_redirects=False) as response:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {response.status} without a Location to follow")
                current = urljoin(current, location)
                continue
            if response.status == 304 and (etag or last_modified):
                return Fetched(current, None, etag, last_modified, None, guard.private)
            if response.status != 200:
                raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())
            data = await _body(response, limits.max_bytes)
            content_type = response.headers.get("Content-Type")
            return Fetched(
                current,
                as_utf8(data, content_type),
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
                content_type,
                guard.private,
            )
    raise FetchError(f"more than {limits.max_redirects} redirects")


async def _body(response: aiohttp.ClientResponse, limit: int) -> bytes:
    """The body, read up to `limit` bytes (after decompression); reading stops past it."""
    too_big = FetchError(f"larger than {_size(limit)}; reading stopped there")
    declared = response.content_length
    if declared is not None and declared > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _size(limit: int) -> str:
    if limit % MEGABYTE == 0:
        return f"{limit // MEGABYTE} MB"
    return f"{limit // 1024} KB" if limit >= 1024 else f"{limit} bytes"
