"""Pages into people: which pages are one person, duplicates, stable ids, merged talks."""

from __future__ import annotations

from bot.domain.agenda import Link, SourceRef
from bot.domain.diagnostics import Severity
from bot.domain.speakers.page import SpeakerPage, base_of, split_language
from bot.domain.speakers.people import merged_talks, profiles_from, same_talk
from bot.domain.speakers.profile import Talk


def page(
    file: str,
    name: str,
    language: str | None = "en",
    *,
    key: str | None = None,
    links: tuple[Link, ...] = (),
    talks: tuple[Talk, ...] = (),
    bio: str | None = None,
    affiliation: str | None = None,
) -> SpeakerPage:
    return SpeakerPage(
        source=SourceRef(file, 1),
        name=name,
        base=base_of(file),
        language=language,
        suffixed=split_language(file)[1] is not None,
        translation_key=key,
        links=links,
        talks=talks,
        bio=bio,
        affiliation=affiliation,
    )


def test_language_suffixes_are_known_languages_only() -> None:
    assert split_language("huabing-zhao.zh.md") == ("huabing-zhao", "zh")
    assert split_language("huabing-zhao.zh-CN.md") == ("huabing-zhao", "zh-cn")
    assert split_language("huabing-zhao.pt_BR.yaml") == ("huabing-zhao", "pt-br")
    assert split_language("huabing-zhao.md") == ("huabing-zhao", None)
    assert split_language("jane.doe.md") == ("jane.doe", None)
    assert split_language(".zh.md") == (".zh", None)


def test_a_page_and_its_suffixed_translation_are_one_person() -> None:
    book = profiles_from(
        [
            page("speakers/x.zh.md", "赵化冰", "zh", bio="工程师。", affiliation="Tetrate 公司"),
            page("speakers/x.md", "Huabing Zhao", bio="Engineer.", affiliation="Tetrate"),
        ]
    )
    assert book.diagnostics == ()
    person = book.profiles["huabing-zhao"]
    assert (person.name, person.language) == ("Huabing Zhao", "en")  # the unsuffixed page's
    assert person.names == ("Huabing Zhao", "赵化冰")
    assert person.bios == (("en", "Engineer."), ("zh", "工程师。"))
    assert person.affiliation == "Tetrate"
    assert person.affiliations == (("en", "Tetrate"), ("zh", "Tetrate 公司"))
    assert person.affiliation_in("zh") == "Tetrate 公司"
    assert book.page_profiles == {
        "speakers/x.md": "huabing-zhao",
        "speakers/x.zh.md": "huabing-zhao",
    }


def test_a_translation_key_or_a_shared_link_makes_one_person() -> None:
    mail = Link("mailto:ana@example.org", "Email")
    book = profiles_from(
        [
            page("a/ana.md", "Ana Souza", key="ana"),
            page("a/ana-pt.md", "Ana Souza", "pt", key="ANA"),
            page("b/anna.md", "Anna Li", links=(mail,)),
            page(
                "b/li-anna-cn.md", "李安娜", "zh", links=(Link("MAILTO:Ana@Example.org", "Email"),)
            ),
        ]
    )
    assert book.diagnostics == ()
    assert sorted(book.profiles) == ["ana-souza", "anna-li"]
    assert book.profiles["ana-souza"].languages == ("en", "pt")
    assert book.profiles["anna-li"].names == ("Anna Li", "李安娜")
    assert book.profiles["anna-li"].name_in("zh") == "李安娜"


def test_two_pages_of_one_person_in_one_language_are_a_duplicate() -> None:
    book = profiles_from([page("s/x.md", "Huabing Zhao"), page("s/x.yaml", "Huabing Zhao")])
    assert list(book.profiles) == ["huabing-zhao"]
    assert book.page_profiles == {"s/x.md": "huabing-zhao"}
    [problem] = book.diagnostics
    assert (problem.file, problem.line, problem.severity) == ("s/x.yaml", 1, Severity.ERROR)
    assert problem.message.startswith("duplicate person: s/x.md already gives Huabing Zhao's page")


def test_two_people_by_one_name_are_a_duplicate_whatever_the_order() -> None:
    book = profiles_from([page("s/zhao.md", "Zhao Huabing"), page("s/hz.md", "huabing ZHAO")])
    assert list(book.profiles) == ["huabing-zhao"]  # s/hz.md comes first by path
    [problem] = book.diagnostics
    assert problem.file == "s/zhao.md"
    assert "duplicate person: s/hz.md is already huabing ZHAO's page" in problem.message
    assert "translationKey" in problem.message


def test_ids_are_slugs_unique_and_stable_when_pages_are_added() -> None:
    first = profiles_from([page("s/jose.md", "José Li"), page("s/zhang.md", "张伟", "zh")])
    assert sorted(first.profiles) == ["jose-li", "zhang"]  # a Han name: the file's stem
    later = profiles_from(
        [
            page("s/jose.md", "José Li"),
            page("s/zhang.md", "张伟", "zh"),
            page("s/aaron.md", "Aaron Smith"),
            page("s/zz.md", "Jose Li"),  # another person whose slug is the same
        ]
    )
    assert later.profiles["jose-li"].name == "José Li"
    assert later.profiles["jose-li-2"].name == "Jose Li"
    assert later.profiles["zhang"].name == "张伟"
    assert later.profiles["aaron-smith"].source.file == "s/aaron.md"


def test_a_han_only_file_name_gets_a_digest_id() -> None:
    book = profiles_from([page("s/赵化冰.md", "赵化冰", "zh")])
    [profile_id] = book.profiles
    assert profile_id.startswith("speaker-") and len(profile_id) == len("speaker-") + 10


def test_one_talk_on_two_pages_is_listed_once() -> None:
    en = (
        Talk("Envoy Gateway", 2023, "Shanghai", slides="https://x/eg.pdf"),
        Talk("Aeraki", 2022, video="https://v/1"),
        Talk("Only English", 2021),
    )
    zh = (
        Talk(
            "Envoy Gateway：云原生网关",
            2023,
            "上海",
            slides="https://x/eg.pdf",
            video="https://v/9",
        ),
        Talk("全栈服务网格", 2022, video="https://v/1"),
        Talk("only english", 2021, "南京"),
        Talk("只有中文", 2024),
        Talk("Aeraki", 2020, video="https://v/1"),  # another year: another talk
    )
    merged = merged_talks(en, [("zh", zh)])
    assert merged == (
        Talk("只有中文", 2024),
        Talk(
            "Envoy Gateway",
            2023,
            "Shanghai",
            slides="https://x/eg.pdf",
            video="https://v/9",
            titles=(("zh", "Envoy Gateway：云原生网关"),),
            cities=(("zh", "上海"),),
        ),
        Talk("Aeraki", 2022, video="https://v/1", titles=(("zh", "全栈服务网格"),)),
        Talk("Only English", 2021, "南京"),
        Talk("Aeraki", 2020, video="https://v/1"),
    )


def test_talks_alike_only_by_year_are_not_one() -> None:
    assert not same_talk(Talk("A", 2020), Talk("B", 2020))
    assert not same_talk(Talk("A", 2020, slides="s"), Talk("B", 2021, slides="s"))
    assert same_talk(Talk("A  talk", None), Talk("a talk", 2020))


GITHUB_ORG = Link("https://github.com/cloud-native-berlin", "GitHub")
MEETUP = Link("https://www.meetup.com/cloud-native-berlin/", "Meetup")


def test_co_organisers_sharing_an_organisations_links_stay_two_people() -> None:
    book = profiles_from(
        [
            page(
                "s/a-one.md",
                "Alice One",
                links=(Link("https://github.com/alice", "GitHub"), GITHUB_ORG, MEETUP),
            ),
            page(
                "s/wang-bo.md",
                "王博",
                "zh",
                links=(Link("https://github.com/wangbo", "GitHub"), GITHUB_ORG),
            ),
            page("s/kofi.md", "Kofi Mensah", links=(GITHUB_ORG, MEETUP)),
            page("s/lin.md", "林小红", "zh", links=(GITHUB_ORG, MEETUP)),
            page(
                "s/jw.md", "Jürgen Weiß", links=(MEETUP, Link("mailto:hello@cnb.example", "Email"))
            ),
            page("s/bo.md", "Bob Two", links=(Link("mailto:hello@cnb.example", "Email"),)),
        ]
    )
    assert book.diagnostics == ()
    assert sorted(book.profiles) == [
        "alice-one",
        "bob-two",
        "jurgen-weiss",
        "kofi-mensah",
        "lin",
        "wang-bo",
    ]
    assert all(len(p.sources) == 1 for p in book.profiles.values())


def test_different_names_sharing_an_address_are_two_people_not_duplicates() -> None:
    mail = Link("mailto:jane@example.org", "Email")
    book = profiles_from(
        [page("s/jane.md", "Jane Roe", links=(mail,)), page("s/john.md", "John Roe", links=(mail,))]
    )
    assert book.diagnostics == ()
    assert sorted(book.profiles) == ["jane-roe", "john-roe"]


def test_a_personal_profile_joins_pages_whose_names_could_be_one_persons() -> None:
    github = Link("https://github.com/zhangyu", "GitHub")
    book = profiles_from(
        [
            page("s/yu-zhang.md", "Yu Zhang", links=(github,)),
            page(
                "s/guanyu-wo.md",
                "张宇",
                "zh",
                links=(Link("https://GitHub.com/ZhangYu/", "GitHub"),),
            ),
            page("s/zy.md", "Zhang Yu", "de", links=(github, Link("https://twitter.com/zy", "X"))),
        ]
    )
    assert book.diagnostics == ()
    assert list(book.profiles) == ["yu-zhang"]
    assert book.profiles["yu-zhang"].names == ("Yu Zhang", "张宇", "Zhang Yu")


def test_a_profile_shared_with_another_account_on_the_same_service_joins_nobody() -> None:
    book = profiles_from(
        [
            page(
                "s/yu.md",
                "Yu Zhang",
                links=(
                    Link("https://twitter.com/zhangyu", "Twitter"),
                    Link("https://github.com/yz", "GitHub"),
                ),
            ),
            page(
                "s/zy.md",
                "张宇",
                "zh",
                links=(
                    Link("https://twitter.com/zhangyu", "Twitter"),
                    Link("https://github.com/zhang", "GitHub"),
                ),
            ),
        ]
    )
    assert sorted(book.profiles) == ["yu-zhang", "zy"]


def test_ids_spell_out_letters_a_slug_would_drop() -> None:
    book = profiles_from(
        [
            page("s/jw.md", "Jürgen Weiß"),
            page("s/sl.md", "Søren Łukasiewicz"),
            page("s/ae.md", "Ærø Þórsson"),
        ]
    )
    assert sorted(book.profiles) == ["aero-thorsson", "jurgen-weiss", "soren-lukasiewicz"]


def test_a_talk_on_both_pages_keeps_its_title_city_and_event_per_language() -> None:
    en = (
        Talk("Choosing an API Gateway", 2022, "Hangzhou", "Cloud Native Meetup", slides="s/1"),
        Talk("From SOFAMesh to Istio", 2021, "Beijing", "QCon Beijing"),
    )
    zh = (
        Talk("从 SOFAMesh 到 Istio", 2021, event="QCon 北京"),
        Talk("API 网关选型之路", 2022, "杭州", "云原生社区 Meetup", slides="s/1"),
        Talk("Istio 入门", 2021, event="QCon 北京"),
    )
    assert merged_talks(en, [("zh", zh)]) == (
        Talk(
            "Choosing an API Gateway",
            2022,
            "Hangzhou",
            "Cloud Native Meetup",
            slides="s/1",
            titles=(("zh", "API 网关选型之路"),),
            cities=(("zh", "杭州"),),
            events=(("zh", "云原生社区 Meetup"),),
        ),
        Talk(
            "From SOFAMesh to Istio",
            2021,
            "Beijing",
            "QCon Beijing",
            titles=(("zh", "从 SOFAMesh 到 Istio"),),
            events=(("zh", "QCon 北京"),),
        ),
        Talk("Istio 入门", 2021, event="QCon 北京"),
    )
    assert merged_talks(en, [("zh", zh)])[0].city_in("zh") == "杭州"
    assert merged_talks(en, [("zh", zh)])[1].event_in("en") == "QCon Beijing"
