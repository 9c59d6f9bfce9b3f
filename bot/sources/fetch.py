"""One fetch of a followed URL: conditional, capped in size, time and redirects, and allowed
to reach only what `bot.sources.safety` allows. No cookies, no credentials: a plain
User-Agent naming agenda-bot is all a server learns."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import aiohttp
from yarl import URL

from bot.domain.agenda import slugify
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
    """A fetch that gave nothing usable; the message says what happened, for the organizer."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetch's answer. `data` is None when the server said nothing changed (304)."""

    url: str  # where the content came from, after redirects
    data: bytes | None
    etag: str | None
    last_modified: str | None
    content_type: str | None

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


def file_name_for(url: str, content_type: str | None) -> str:
    """The name a fetched page is read under: its URL's last path part as a slug (the host
    for a bare site) with the suffix the content type says, else the URL's own suffix, else
    `.md` (agendas served as plain text are Markdown)."""
    parts = urlsplit(url)
    path = PurePosixPath(unquote(parts.path))
    segment = next((p for p in reversed(path.parts) if p not in ("/", "")), "")
    own = PurePosixPath(segment).suffix.lower()
    stem = PurePosixPath(segment).stem if own in _SUFFIXES or own == "" else segment
    if stem.lower() in ("index", ""):
        stem = path.parent.name if path.parent.name not in ("", "/") else ""
    base = slugify(stem) or slugify(parts.hostname or "") or "agenda"
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    suffix = _TYPES.get(kind) or _SUFFIXES.get(own) or ".md"
    return f"{base}{suffix}"


def _session(allow_private: bool, limits: Limits, policy: AddressPolicy) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(
        resolver=GuardedResolver(allow_private, policy=policy), use_dns_cache=False, limit=4
    )
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
    (tests narrow it). Raises FetchError (SourceRefused's message
    included) for anything that gives no content."""
    try:
        async with asyncio.timeout(limits.total_seconds):
            async with _session(allow_private, limits, policy) as session:
                return await _follow(
                    session,
                    url,
                    _conditions(etag, last_modified),
                    limits,
                    _Guard(allow_private, policy),
                )
    except TimeoutError:
        raise FetchError(f"no complete answer within {limits.total_seconds:g} seconds") from None
    except SourceRefused as exc:
        raise FetchError(f"refused: {exc}") from None
    except aiohttp.ClientConnectorError as exc:
        if isinstance(exc.os_error, SourceRefused):
            raise FetchError(f"refused: {exc.os_error}") from None
        raise FetchError(f"cannot connect to {exc.host}:{exc.port} ({exc.os_error})") from None
    except aiohttp.ClientError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from None


@dataclass(frozen=True, slots=True)
class _Guard:
    allow_private: bool
    policy: AddressPolicy


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
        check_literal_host(target.host or "", guard.allow_private, guard.policy)
        async with session.get(target, headers=headers, allow_redirects=False) as response:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {response.status} without a Location to follow")
                current = urljoin(current, location)
                continue
            if response.status == 304 and (etag or last_modified):
                return Fetched(current, None, etag, last_modified, None)
            if response.status != 200:
                raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())
            data = await _body(response, limits.max_bytes)
            return Fetched(
                current,
                data,
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
                response.headers.get("Content-Type"),
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
