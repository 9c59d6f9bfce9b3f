from __future__ import annotations

import pytest
from discord.http import Route

from bot.delivery.discord_rest import use_api_base


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("http://127.0.0.1:8900/api/v10", "http://127.0.0.1:8900/api/v10"),
        ("http://127.0.0.1:8900/api/v10/", "http://127.0.0.1:8900/api/v10"),
        ("http://127.0.0.1:8900", "http://127.0.0.1:8900/api/v10"),
        ("https://proxy.example.org/", "https://proxy.example.org/api/v10"),
    ],
)
def test_the_api_base_accepts_a_server_root_or_a_full_api_base(given: str, base: str) -> None:
    old = Route.BASE
    try:
        use_api_base(given)
        assert base == Route.BASE
    finally:
        Route.BASE = old
