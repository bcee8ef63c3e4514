"""Fetching http(s) URLs safely: timeout, size limit, checked redirects, no private hosts.

Every hop (the URL and each redirect) is resolved and refused if any of its addresses is
loopback, private, link-local, multicast or reserved, unless ``allow_private`` is set.
A host that resolves differently between the check and the connection (DNS rebinding)
is not caught; run parley behind an egress proxy where that matters.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from parley import __version__
from parley.errors import InputError

USER_AGENT = f"parley/{__version__} (+news negotiation analysis)"


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    body: bytes


def _check_target(url: str, source: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(
            source,
            f"refusing a {parts.scheme or 'scheme-less'} URL ({url}); "
            "only http and https are fetched",
        )
    if not parts.hostname:
        raise InputError(source, f"URL {url!r} has no host; check the URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        raise InputError(
            source,
            f"unreachable: host {parts.hostname!r} does not resolve; "
            "check the URL and your network",
        ) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_multicast
            or address.is_reserved
            or address.is_unspecified
        ):
            raise InputError(
                source,
                f"refusing to fetch {parts.hostname} ({address}): a loopback or private "
                "address; pass --allow-private if you mean it",
            )


def fetch(
    url: str, *, timeout: float, max_bytes: int, max_redirects: int, allow_private: bool
) -> Fetched:
    """GET ``url`` following at most ``max_redirects`` checked redirects."""
    source = url
    current = url
    with httpx.Client(
        timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}
    ) as client:
        for _hop in range(max_redirects + 1):
            _check_target(current, source, allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(
                            source,
                            f"HTTP {response.status_code} {response.reason_phrase}; check the URL",
                        )
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise InputError(source, f"larger than --max-bytes ({max_bytes} bytes)")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise InputError(source, f"larger than --max-bytes ({max_bytes} bytes)")
                    content_type = response.headers.get("content-type", "").split(";")[0].strip()
                    return Fetched(str(response.url), content_type.lower(), bytes(body))
            except httpx.TimeoutException:
                raise InputError(
                    source,
                    f"unreachable: no answer within {timeout:g} s; "
                    "check the URL or raise --timeout",
                ) from None
            except httpx.HTTPError as exc:
                raise InputError(
                    source,
                    f"unreachable ({exc.__class__.__name__}: {exc}); "
                    "check the URL and your network",
                ) from None
    raise InputError(source, f"more than {max_redirects} redirects; check the URL")
