from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config import SettingsError, load_settings
from tests.helpers import PAGES


def test_reminders_lists_what_would_be_sent_and_when() -> None:
    result = CliRunner().invoke(
        cli, ["reminders", str(PAGES / "toml-front-matter.md"), "--tz", "Europe/Berlin", "--all"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "2024-03-27 18:30 UTC+01:00  event    1440 min before 2024-03-28 18:30  toml-front-matter: Doors open",
        "2024-03-28 18:15 UTC+01:00  session    15 min before 2024-03-28 18:30  toml-front-matter: Doors open",
        "2024-03-28 18:45 UTC+01:00  session    15 min before 2024-03-28 19:00  toml-front-matter: Gateway API in practice",
        "2024-03-28 19:15 UTC+01:00  session    15 min before 2024-03-28 19:30  toml-front-matter: Panel: the mesh in 2024",
        "2024-03-28 20:00 UTC+01:00  session    15 min before 2024-03-28 20:15  toml-front-matter: Networking & pizza",
    ]
    past = CliRunner().invoke(cli, ["reminders", str(PAGES / "toml-front-matter.md")])
    assert past.stdout == "" and "5 reminders already past" in past.stderr


def test_db_upgrade_migrates_and_reports_the_revision(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = CliRunner(env={"DATABASE_URL": url}).invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "database at revision 0002 (was empty; latest 0002)"
    again = CliRunner(env={"DATABASE_URL": url}).invoke(cli, ["db", "upgrade"])
    assert again.stdout.strip() == "database at revision 0002 (was 0002; latest 0002)"


def test_settings_come_from_the_file_then_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "agenda-bot.toml"
    config.write_text('session_leads = "1h,15m"\nevent_lead = "off"\nport = 9000\n')
    settings = load_settings(config, {"AGENDA_BOT_PORT": "9100", "DISCORD_TOKEN": "sekrit"})
    assert settings.port == 9100
    assert settings.leads.event is None and len(settings.leads.sessions) == 2
    assert settings.discord_token == "sekrit"
    assert "sekrit" not in repr(settings)


@pytest.mark.parametrize(
    ("content", "env", "message"),
    [
        ('discord_token = "x"\n', {}, "discord_token is a secret; set it in the environment"),
        ('color = "blue"\n', {}, "unknown setting 'color'"),
        (
            "",
            {"AGENDA_BOT_SESSION_LEADS": "soon"},
            "AGENDA_BOT_SESSION_LEADS: 'soon' is not a lead time",
        ),
        ("", {"AGENDA_BOT_PORT": "99999"}, "AGENDA_BOT_PORT = '99999' is not a port number"),
        (
            "",
            {"DISCORD_CHANNEL_ID": "general"},
            "DISCORD_CHANNEL_ID = 'general' is not a channel id",
        ),
        ("", {"DISCORD_API_BASE": "ftp://x"}, "DISCORD_API_BASE = 'ftp://x' is not an http(s) URL"),
        (
            'default_timezone = "CST"\n',
            {},
            "default_timezone = 'CST' is not an IANA time zone name",
        ),
    ],
)
def test_a_wrong_setting_is_named(
    tmp_path: Path, content: str, env: dict[str, str], message: str
) -> None:
    config = tmp_path / "agenda-bot.toml"
    config.write_text(content)
    with pytest.raises(SettingsError) as error:
        load_settings(config, env)
    assert message in str(error.value)
