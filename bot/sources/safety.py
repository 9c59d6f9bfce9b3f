"""Which addresses a followed URL may reach: http and https only, no credentials in the URL,
and only globally routable addresses, checked after DNS resolution and for every redirect.

The check is made in the connector's resolver, so the connection goes to the very address that
was checked (there is no second lookup a DNS answer could change in between). An address written
in the URL itself never reaches a resolver, so it is checked before each request.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver
from aiohttp.resolver import ThreadedResolver

if TYPE_CHECKING:
    from aiohttp.abc import ResolveResult

ALLOW_PRIVATE_VARIABLE = "AGENDA_BOT_ALLOW_PRIVATE_SOURCES"
SCHEMES = ("http", "https")
LONGEST_URL = 2000


class SourceRefused(OSError):
    """A URL or an address a source may not reach; the message says why. An OSError, so that
    the connector passes it on from the resolver."""


def private_allowed_by_environment() -> bool:
    """AGENDA_BOT_ALLOW_PRIVATE_SOURCES=1 (or true/yes) lets sources reach private addresses."""
    return os.environ.get(ALLOW_PRIVATE_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def is_public_address(address: str) -> bool:
    """Whether `address` is globally routable: not private, loopback, link-local, shared,
    reserved, multicast or unspecified (an IPv4 address mapped into IPv6 counts as itself)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            ip = mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: str) -> str:
    """`url` if a source may be fetched from it (http or https, a host, no user name or
    password, at most LONGEST_URL characters); otherwise SourceRefused saying why."""
    if len(url) > LONGEST_URL:
        raise SourceRefused(f"the URL is longer than {LONGEST_URL} characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError as exc:
        raise SourceRefused(f"{url!r} is not a URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise SourceRefused(f"only http and https URLs can be followed, not {url!r}")
    if not parts.hostname:
        raise SourceRefused(f"{url!r} names no host")
    if parts.username is not None or parts.password is not None:
        raise SourceRefused("a URL with a user name or password cannot be followed")
    return url


AddressPolicy = Callable[[str], bool]


def check_literal_host(
    host: str, allow_private: bool, policy: AddressPolicy = is_public_address
) -> None:
    """A host written as an address is never resolved: refuse a non-public one here."""
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return
    if not allow_private and not policy(host.strip("[]")):
        raise SourceRefused(f"{host} is a private or local address")


class GuardedResolver(AbstractResolver):
    """Resolves through `inner` (the system's resolver by default) and keeps only public
    addresses (those `policy` accepts), unless private ones are allowed; none left is
    SourceRefused."""

    def __init__(
        self,
        allow_private: bool,
        inner: AbstractResolver | None = None,
        policy: AddressPolicy = is_public_address,
    ) -> None:
        self.allow_private = allow_private
        self.inner = inner or ThreadedResolver()
        self.policy = policy

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self.inner.resolve(host, port, family)
        if self.allow_private:
            return found
        kept = [r for r in found if self.policy(r["host"])]
        if not kept:
            addresses = ", ".join(sorted({r["host"] for r in found})) or "nothing"
            raise SourceRefused(f"{host} resolves to {addresses}: a private or local address")
        return kept

    async def close(self) -> None:
        await self.inner.close()
