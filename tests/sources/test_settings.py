"""`[[sources]]` and `allow_private_sources` in agenda-bot.toml, and the environment switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app.sources import SourceSpec
from bot.config import SettingsError, load_settings


def _settings(tmp_path: Path, text: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    config = tmp_path / "agenda-bot.toml"
    config.write_text(text, encoding="utf-8")
    return load_settings(config, env or {})


def test_sources_are_read_with_their_intervals(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path,
        '[[sources]]\nurl = "https://example.org/a.md"\n\n'
        '[[sources]]\nurl = "https://example.org/b.ics"\ninterval = 5\n',
    )
    assert settings.sources == (
        SourceSpec("https://example.org/a.md", 30),
        SourceSpec("https://example.org/b.ics", 5),
    )
    assert settings.allow_private_sources is False
    assert load_settings(None, {}).sources == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[sources]]\nurl = "ftp://example.org/a.md"\n', "sources[1].url = 'ftp://"),
        ("[[sources]]\ninterval = 10\n", "sources[1].url = None is not an http(s) URL"),
        (
            '[[sources]]\nurl = "https://example.org/a.md"\ninterval = 4\n',
            "sources[1].interval = 4 is too short; at least 5 minutes",
        ),
        (
            '[[sources]]\nurl = "https://example.org/a.md"\ninterval = "often"\n',
            "sources[1].interval = 'often' is not a number of minutes",
        ),
        (
            '[[sources]]\nurl = "https://example.org/a.md"\nevery = 10\n',
            "sources[1]: unknown key 'every'",
        ),
        ('sources = "https://example.org/a.md"\n', "sources must be [[sources]] tables"),
        (
            '[[sources]]\nurl = "https://example.org/a.md"\n[[sources]]\n'
            'url = "https://example.org/a.md"\n',
            "sources[2].url = 'https://example.org/a.md' is already followed",
        ),
        ('allow_private_sources = "yes"\n', "allow_private_sources = 'yes' is not true or false"),
    ],
)
def test_wrong_sources_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        _settings(tmp_path, text)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "agenda-bot.toml"))


def test_private_sources_by_file_or_environment(tmp_path: Path) -> None:
    assert _settings(tmp_path, "allow_private_sources = true\n").allow_private_sources
    on = {"AGENDA_BOT_ALLOW_PRIVATE_SOURCES": "1"}
    assert _settings(tmp_path, "", on).allow_private_sources
    off = {"AGENDA_BOT_ALLOW_PRIVATE_SOURCES": "0"}
    assert not _settings(tmp_path, "allow_private_sources = true\n", off).allow_private_sources
    with pytest.raises(SettingsError, match="AGENDA_BOT_ALLOW_PRIVATE_SOURCES = 'maybe'"):
        _settings(tmp_path, "", {"AGENDA_BOT_ALLOW_PRIVATE_SOURCES": "maybe"})


def test_servers_sources_reach_private_addresses_only_by_their_own_switch(tmp_path: Path) -> None:
    operator_only = _settings(tmp_path, "allow_private_sources = true\n")
    assert operator_only.allow_private_sources
    assert not operator_only.allow_private_server_sources
    servers = _settings(tmp_path, "allow_private_server_sources = true\n")
    assert servers.allow_private_server_sources and not servers.allow_private_sources
    on = {"AGENDA_BOT_ALLOW_PRIVATE_SERVER_SOURCES": "1"}
    assert _settings(tmp_path, "", on).allow_private_server_sources
    assert not _settings(
        tmp_path, "", {"AGENDA_BOT_ALLOW_PRIVATE_SOURCES": "1"}
    ).allow_private_server_sources
    with pytest.raises(SettingsError, match="allow_private_server_sources = 'on'"):
        _settings(tmp_path, 'allow_private_server_sources = "on"\n')


def test_a_source_url_with_a_password_is_refused_without_showing_it(tmp_path: Path) -> None:
    for url in ("https://ops:hunter2@intranet.example/agenda.md", "https://token@example.org/a"):
        with pytest.raises(SettingsError) as caught:
            _settings(
                tmp_path,
                f'[[sources]]\nurl = "https://example.org/a.md"\n\n[[sources]]\nurl = "{url}"\n',
            )
        message = str(caught.value)
        assert "sources[2].url holds a user name or password" in message
        assert "hunter2" not in message and "token" not in message
    with pytest.raises(SettingsError) as caught:
        _settings(tmp_path, '[[sources]]\nurl = "ftp://ops:hunter2@example.org/a.md"\n')
    assert "hunter2" not in str(caught.value)


def test_a_source_interval_is_at_most_a_week(tmp_path: Path) -> None:
    week = _settings(tmp_path, '[[sources]]\nurl = "https://example.org/a.md"\ninterval = 10080\n')
    assert week.sources[0].interval_minutes == 10080
    with pytest.raises(SettingsError, match=r"sources\[1\]\.interval = 2000000000000 is too long"):
        _settings(
            tmp_path, '[[sources]]\nurl = "https://example.org/a.md"\ninterval = 2000000000000\n'
        )
