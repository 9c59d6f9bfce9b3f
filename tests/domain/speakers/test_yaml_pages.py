"""Speakers kept as YAML: every field, per-language texts, and each mistake on its line."""

from __future__ import annotations

from bot.domain.agenda import Link
from bot.domain.speakers.files import read_page_bytes, read_page_file
from bot.domain.speakers.people import profiles_from
from bot.domain.speakers.profile import Talk, Work
from tests.helpers import PAGES


def test_a_yaml_speaker_reads_every_field() -> None:
    reading = read_page_file(PAGES / "speakers" / "ana-souza.yaml", "ana-souza.yaml")
    assert reading.diagnostics == []
    page = reading.page
    assert page is not None
    assert (page.name, page.other_names, page.language) == ("Ana Souza", ("Ana Paula Souza",), "en")
    assert page.source.line == 2
    assert page.affiliation == "Red Hat"
    assert page.bio is None
    assert page.bios == (
        ("en", "Ana works on Kubernetes networking at Red Hat."),
        ("pt", "Ana trabalha com redes no Kubernetes na Red Hat."),
    )
    assert page.links == (
        Link("https://github.com/anasouza", "GitHub"),
        Link("mailto:ana@souza.example.org", "Email"),
        Link("https://hachyderm.io/@anasouza", "Mastodon"),
    )
    assert page.talks == (
        Talk(
            title="Network Policies You Can Read",
            year=2024,
            city="Paris",
            event="KubeCon EU",
            slides="https://souza.example.org/np.pdf",
            video="https://youtu.be/as2024",
        ),
        Talk(title="Gateway API para iniciantes", year=2023, event="KCD São Paulo"),
    )
    assert page.publications == (
        Work(
            "Kubernetes Networking Field Guide",
            "Book",
            "Example Press",
            (Link("https://example.org/book", "Link"),),
        ),
    )
    assert page.projects == (
        Work(
            "netpol-viewer",
            "Creator",
            None,
            (Link("https://github.com/anasouza/netpol-viewer", "GitHub"),),
        ),
    )
    person = profiles_from([page]).profiles["ana-souza"]
    assert person.bio_in("pt-BR") == "Ana trabalha com redes no Kubernetes na Red Hat."
    assert person.languages == ("en", "pt")


def test_names_and_affiliations_per_language() -> None:
    text = (
        "name: Huabing Zhao\nnames: {zh: 赵化冰}\naffiliation: {en: Tetrate, zh: Tetrate 公司}\n"
        "bio: Engineer.\n"
    )
    reading = read_page_bytes(text.encode(), "speakers/hz.yaml")
    assert reading.diagnostics == []
    assert reading.page is not None
    person = profiles_from([reading.page]).profiles["huabing-zhao"]
    assert person.names == ("Huabing Zhao", "赵化冰")
    assert person.name_in("zh") == "赵化冰"
    assert person.affiliation == "Tetrate"
    assert person.affiliation_in("zh") == "Tetrate 公司"
    assert person.affiliation_in("en") == "Tetrate"
    assert person.bios == (("en", "Engineer."),)


def test_bad_yaml_is_an_error_on_its_line() -> None:
    reading = read_page_bytes(b"name: Ana\ntalks:\n  - title: [x\n", "speakers/ana.yaml")
    assert reading.page is None
    assert [(d.line, d.severity.value) for d in reading.diagnostics] == [(4, "error")]
    assert reading.diagnostics[0].message.startswith("not valid YAML")


def test_a_yaml_speaker_without_a_name_is_an_error() -> None:
    reading = read_page_bytes(b"# who?\nbio: Someone.\n", "speakers/who.yaml")
    assert reading.page is None
    assert [(d.line, d.message) for d in reading.diagnostics] == [(2, "a speaker needs a `name:`")]


def test_a_list_is_not_a_speaker() -> None:
    reading = read_page_bytes(b"- Ana\n- Bob\n", "speakers/many.yml")
    assert reading.page is None
    assert "mapping of fields" in reading.diagnostics[0].message


def test_mistakes_inside_are_warnings_and_the_rest_is_kept() -> None:
    text = (
        "name: Ana Souza\n"
        "twitter: anasouza\n"
        "talks:\n"
        "  - {year: 2024, title: Kept}\n"
        "  - {year: 2023, event: KCD}\n"
        "  - just a string\n"
        "  - {title: Also kept, room: B}\n"
        "links: [not a link at all]\n"
    )
    reading = read_page_bytes(text.encode(), "speakers/ana.yaml")
    assert reading.page is not None
    assert [t.title for t in reading.page.talks] == ["Kept", "Also kept"]
    assert [(d.line, d.message) for d in reading.diagnostics] == [
        (2, "unknown field 'twitter'; ignored"),
        (8, "not a link: 'not a link at all'; skipped"),
        (5, "this talk has no title; skipped"),
        (3, "a talk is a mapping (title:, year:, event:...); skipped"),  # the list's line
        (7, "unknown talk field 'room'; ignored"),
    ]


def test_talks_that_are_not_a_list_are_an_error() -> None:
    reading = read_page_bytes(b"name: Ana\ntalks: lots\n", "speakers/ana.yaml")
    assert reading.page is not None and reading.page.talks == ()
    assert [(d.line, d.message) for d in reading.diagnostics] == [(2, "`talks:` must be a list")]


def test_a_link_with_a_label_the_reader_does_not_know_keeps_its_label() -> None:
    text = (
        "name: Ana Souza\nlinks:\n  - {label: Podcast, url: 'https://pod.example/ana'}\n"
        "  - {label: Meetup, url: 'https://www.meetup.com/kcd-sp/'}\n"
        "  - {label: Webseite, url: 'https://souza.example.org'}\n"
    )
    reading = read_page_bytes(text.encode(), "speakers/ana.yaml")
    assert reading.diagnostics == []
    assert reading.page is not None
    assert reading.page.links == (
        Link("https://pod.example/ana", "Podcast"),
        Link("https://www.meetup.com/kcd-sp/", "Meetup"),
        Link("https://souza.example.org", "Website"),
    )
