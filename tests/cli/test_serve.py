"""`parley serve` binds to localhost unless told otherwise, and warns when told."""

from __future__ import annotations

import pytest

from parley.cli.serve import _loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("10.1.2.3", False),
        ("example.org", False),
    ],
)
def test_loopback(host: str, loopback: bool) -> None:
    assert _loopback(host) is loopback


def test_default_host_is_localhost(cli) -> None:
    result = cli("serve", "--help")
    assert "127.0.0.1" in result.out
