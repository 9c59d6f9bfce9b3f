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
ALLOW_PRIVATE_SERVERS_VARIABLE = "AGENDA_BOT_ALLOW_PRIVATE_SERVER_SOURCES"
SCHEMES = ("http", "https")
LONGEST_URL = 2000


class SourceRefused(OSError):
    """A URL or an address a source may not reach; the message says why. An OSError, so that
    the connector passes it on from the resolver. `public`, when set, is what may be told to
    anyone (the rule the URL broke); None: the message names an address, told only to the
    operator."""

    def __init__(self, message: str, public: bool = True) -> None:
        super().__init__(message)
        self.public: str | None = message if public else None


def private_allowed_by_environment(variable: str = ALLOW_PRIVATE_VARIABLE) -> bool:
    """AGENDA_BOT_ALLOW_PRIVATE_SOURCES=1 (or true/yes) lets the operator's sources and
    `check`/`show` reach private addresses; AGENDA_BOT_ALLOW_PRIVATE_SERVER_SOURCES=1 lets the
    servers' sources reach them."""
    return os.environ.get(variable, "").strip().lower() in ("1", "true", "yes")


# IPv6 prefixes that carry an IPv4 address in their last 32 bits: NAT64 (RFC 6052) and
# IPv4-translated addresses (RFC 2765); the embedded address is judged by the IPv4 rules.
_EMBEDDING_IPV4 = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("::ffff:0:0:0/96"),
)
# Never public: the IPv4-compatible ::/96 (deprecated, RFC 4291) and the local-use NAT64
# prefix (RFC 8215), whose translator is on the operator's own network.
_NEVER_PUBLIC = (ipaddress.IPv6Network("::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if any(ip in net for net in _EMBEDDING_IPV4):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public_address(address: str) -> bool:
    """Whether `address` is globally routable: not private, loopback, link-local, shared,
    reserved, multicast or unspecified. An IPv4 address carried in IPv6 (mapped, 6to4, NAT64,
    translated) counts as itself; the IPv4-compatible ::/96 is never public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return embedded.is_global and not embedded.is_multicast
        if any(ip in net for net in _NEVER_PUBLIC):
            return False
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
) -> bool:
    """A host written as an address is never resolved: refuse a non-public one here. True when
    it is a private address that is allowed."""
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if policy(host.strip("[]")):
        return False
    if not allow_private:
        raise SourceRefused(f"{host} is a private or local address")
    return True


class GuardedResolver(AbstractResolver):
    """Resolves through `inner` (the system's resolver by default) and keeps only public
    addresses (those `policy` accepts), unless private ones are allowed; none left is
    SourceRefused."""

    def __init__(
        self,
        allow_private: bool,
        inner: AbstractResolver | None = None,
        policy: AddressPolicy = is_public_address,
        on_private: Callable[[], None] | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.inner = inner or ThreadedResolver()
        self.policy = policy
        self.on_private = on_private  # told when a private address is let through

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self.inner.resolve(host, port, family)
        if self.allow_private:
            if self.on_private is not None and not all(self.policy(r["host"]) for r in found):
                self.on_private()
            return found
        kept = [r for r in found if self.policy(r["host"])]
        if not kept:
            addresses = ", ".join(sorted({r["host"] for r in found})) or "nothing"
            raise SourceRefused(
                f"{host} resolves to {addresses}: a private or local address", public=False
            )
        return kept

    async def close(self) -> None:
        await self.inner.close()
