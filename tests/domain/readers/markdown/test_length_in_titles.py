"""A session's own length written after its title ("Intervalo (20 min)"), its room written
before or after it ("(Room B)", "@ Saal A", "[Hall B]"), and quotation marks wrapping a whole
title, are not part of the title; anything else stays as written."""

from __future__ import annotations

import pytest

from bot.domain.diagnostics import Diagnostics
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.markdown import read_markdown

PAGE = """# GDG São Paulo

**Data:** sábado, 7 de novembro de 2026 (horário de Brasília)

- 11h15 – {first}
- 11h35 – Painel: carreira em IA
"""


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Intervalo (20 min)", "Intervalo"),
        ("Pause (20 minutes)", "Pause"),
        ("茶歇（20 分钟）", "茶歇"),
        ("Intervalo (15 min)", "Intervalo (15 min)"),  # not its length: kept as written
        ("Intervalo (café incluído)", "Intervalo (café incluído)"),
    ],
)
def test_a_length_after_the_title_is_dropped_only_when_it_is_the_sessions(
    written: str, title: str
) -> None:
    [schedule] = read_markdown(PAGE.format(first=written), Diagnostics("p.md"), ReadOptions(), "p")
    first = schedule.sessions[0]
    assert first.end is not None and (first.end - first.start).total_seconds() == 20 * 60
    assert first.title == title


@pytest.mark.parametrize(
    ("written", "title", "room"),
    [
        ("Intervalo (sala 2)", "Intervalo", "sala 2"),
        (
            "Workshop: Kubernetes debugging clinic (Room B)",
            "Workshop: Kubernetes debugging clinic",
            "Room B",
        ),
        ("Workshop: GitOps mit Argo CD @ Saal A", "Workshop: GitOps mit Argo CD", "Saal A"),
        ("[Hall B] 핸즈온: Apache Iceberg 실습", "핸즈온: Apache Iceberg 실습", "Hall B"),
        ("**Auditório 2:** Oficina de testes", "Oficina de testes", "Auditório 2"),
        ("Intervalo (open bar)", "Intervalo (open bar)", None),  # not a room: kept as written
    ],
)
def test_a_room_written_before_or_after_the_title_is_its_location(
    written: str, title: str, room: str | None
) -> None:
    [schedule] = read_markdown(PAGE.format(first=written), Diagnostics("p.md"), ReadOptions(), "p")
    first = schedule.sessions[0]
    assert (first.title, first.location) == (title, room)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("„Cluster-Upgrades ohne Downtime“", "Cluster-Upgrades ohne Downtime"),
        ("« Les signaux dans Angular 19 »", "Les signaux dans Angular 19"),
        ('"Typing your Django models"', "Typing your Django models"),
        ("“Rust at work”", "Rust at work"),
        # Marks inside a title, or two quotations, stay as written; so do Chinese book marks.
        ('Talk: "Typing Python"', 'Talk: "Typing Python"'),
        ("„A“ und „B“", "„A“ und „B“"),
        ("《Doris 3.0 湖仓一体实践》", "《Doris 3.0 湖仓一体实践》"),
    ],
)
def test_a_title_written_wholly_in_quotation_marks_loses_the_marks(
    written: str, title: str
) -> None:
    [schedule] = read_markdown(PAGE.format(first=written), Diagnostics("p.md"), ReadOptions(), "p")
    assert schedule.sessions[0].title == title
