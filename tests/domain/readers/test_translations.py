"""An agenda published in two languages (a page and its translation) merged into one schedule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.domain.agenda import Recurrence, Schedule, Session, SourceRef, Speaker, text_key
from bot.domain.diagnostics import Severity
from bot.domain.readers.context import ReadOptions
from bot.domain.readers.languages import (
    language_tag,
    script_language,
    split_language_suffix,
)
from bot.domain.readers.source import ReadResult, read_bytes, read_path, read_paths
from bot.domain.readers.translations import (
    Edition,
    NotTwins,
    merge_editions,
    merge_translation,
    merge_translations,
    shown_in,
    twin_groups,
)
from tests.helpers import SEED, timeline, utc

ZH_SEED = SEED.with_name("istio-meetup-china-2021.zh.md")
EN_TITLES = [
    "Sign in",
    "Welcome speech-Craig Box (Istio steering committee member), Ding Shaojun (Iris Ding) "
    "(Intel cloud computing engineer)",
    'Interpretation of the "Service Grid Technical Capability Requirements" Standard Yin Xia '
    "Mengxue, Engineer, Cloud Computing Department, Academy of Information and Communications "
    "Technology",
    "Service Grid Data Plane Hot Upgrade Technology Sharing Shi Zehuan Alibaba Cloud",
    '"Envoy Principle Introduction and Online Problem Pit" Zhang Wei: Huawei Cloud Container '
    "Grid Data Plane Technical Expert",
    "Coffee break",
    "Use eBPF to accelerate Istio/Envoy network",
    "Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio Huabing "
    "Zhao Senior Engineer, Tencent Cloud",
    "Securing workload deployment with Istio CNI Zhang Zhihan Tetrate",
]
ZH_TITLES = [
    "签到",
    "欢迎致辞 Craig Box（Istio 指导委员会成员）、丁少君（英特尔云计算工程师）",
    "《服务网格技术能力要求》标准解读 尹夏梦雪 中国信通院云大所工程师",
    "服务网格数据面热升级技术分享",
    "《Envoy 原理介绍及线上问题踩坑》",
    "茶歇",
    "使用 eBPF 加速 Istio/Envoy 网络",
    "全栈服务网格 - Aeraki 助你在 Istio 中管理任意七层流量",
    "使用 Istio CNI 安全地部署工作负载",
]


def _read(path: Path, name: str | None = None) -> ReadResult:
    return read_path(path, ReadOptions(), display=name or f"schedules/{path.name}")


def _seed_pair() -> list[ReadResult]:
    return merge_translations([_read(SEED), _read(ZH_SEED)])


def _text_pair(english: str, chinese: str, names: tuple[str, str]) -> list[ReadResult]:
    return merge_translations(
        [
            read_bytes(english.encode(), names[0], ReadOptions()),
            read_bytes(chinese.encode(), names[1], ReadOptions()),
        ]
    )


# ---- the seed agenda and its Chinese edition ---------------------------------------------------


def test_the_chinese_page_alone_reads_into_the_instants_of_the_english_page() -> None:
    english, chinese = _read(SEED).schedules, _read(ZH_SEED).schedules
    assert [(s.title, s.timezone_name) for s in chinese] == [
        ("首届 Istio Meetup China 来啦！", "Asia/Shanghai")
    ]
    assert [(start, end) for _, start, end in timeline(chinese[0])] == [
        (start, end) for _, start, end in timeline(english[0])
    ]
    assert [s.title for s in chinese[0].sessions] == ZH_TITLES
    assert not _read(ZH_SEED).diagnostics


def test_the_seed_pair_is_one_schedule_whose_sessions_have_an_english_and_a_chinese_title() -> None:
    primary, twin = _seed_pair()
    assert (twin.schedules, twin.translation_of, twin.ok) == (
        [],
        "schedules/istio-meetup-china-2021.md",
        True,
    )
    [schedule] = primary.schedules
    assert (schedule.id, schedule.language, schedule.titles) == (
        "istio-meetup-china-2021",
        "en",
        (("zh", "首届 Istio Meetup China 来啦！"),),
    )
    assert schedule.languages == ("en", "zh")
    assert [s.title_in("en") for s in schedule.sessions] == EN_TITLES
    assert [s.title_in("zh-CN") for s in schedule.sessions] == ZH_TITLES
    assert [s.id for s in schedule.sessions] == [s.id for s in _read(SEED).schedules[0].sessions]
    assert timeline(schedule) == [
        (s.title, start, end)
        for s, (_, start, end) in zip(
            schedule.sessions, timeline(_read(SEED).schedules[0]), strict=True
        )
    ]
    # The merge found every session in both: it says nothing beyond what the pages said.
    assert [d.message for d in primary.diagnostics] == [d.message for d in _read(SEED).diagnostics]


def test_speakers_are_each_pages_the_translations_marked_with_its_language() -> None:
    [schedule] = _seed_pair()[0].schedules
    speakers = {s.title_in("zh"): s.speakers for s in schedule.sessions if s.speakers}
    assert speakers == {
        # Both pages name this one: each page's speaker, the Chinese one marked as such.
        "使用 eBPF 加速 Istio/Envoy 网络": (
            Speaker("Zhong Luyao Intel"),
            Speaker("钟禄垚", "英特尔", language="zh"),
        ),
        # The English page keeps these speakers in the titles; the Chinese page names them,
        # and they are marked as named in Chinese.
        "服务网格数据面热升级技术分享": (Speaker("石泽寰", "阿里云", language="zh"),),
        "《Envoy 原理介绍及线上问题踩坑》": (
            Speaker("张伟", "华为云容器网格数据面技术专家", language="zh"),
        ),
        "全栈服务网格 - Aeraki 助你在 Istio 中管理任意七层流量": (
            Speaker("赵化冰", "腾讯云高级工程师", language="zh"),
        ),
        "使用 Istio CNI 安全地部署工作负载": (Speaker("张之晗", "Tetrate", language="zh"),),
    }


def test_speakers_named_only_in_the_translation_are_shown_to_its_readers_alone() -> None:
    """An English reader sees the English title (which holds the speaker's name in Latin
    letters) without `石泽寰 (阿里云)` beside it; a Chinese reader sees them."""
    [schedule] = _seed_pair()[0].schedules
    session = next(
        s for s in schedule.sessions if s.title_in("zh") == "服务网格数据面热升级技术分享"
    )
    assert session.speakers_in("en") == ()
    assert session.speakers_in(None) == ()
    assert session.speakers_in("zh-CN") == session.speakers
    linked = replace(session, speakers=(replace(session.speakers[0], profile="shi-zehuan"),))
    assert linked.speakers_in("en") == linked.speakers  # a profile gives the name in any language
    [chinese] = shown_in(schedule, "zh").sessions[3:4]
    assert chinese.speakers == (Speaker("石泽寰", "阿里云"),)
    # Where both pages name the speaker, each reader sees their page's.
    ebpf = next(
        s for s in schedule.sessions if s.title_in("zh") == "使用 eBPF 加速 Istio/Envoy 网络"
    )
    assert ebpf.speakers_in("en") == ebpf.speakers_in(None) == (Speaker("Zhong Luyao Intel"),)
    assert ebpf.speakers_in("zh") == (Speaker("钟禄垚", "英特尔", language="zh"),)
    # One person named on both pages (one profile) is shown once, as the reader's page names them.
    english, chinese_name = (
        Speaker("Huabing Zhao", profile="hz"),
        Speaker("赵化冰", profile="hz", language="zh"),
    )
    both = replace(ebpf, speakers=(english, chinese_name))
    assert both.speakers_in("en") == (english,)
    assert both.speakers_in("zh") == (chinese_name,)


def test_the_chinese_view_swaps_every_title_and_keeps_the_english_among_the_others() -> None:
    [schedule] = _seed_pair()[0].schedules
    chinese = shown_in(schedule, "zh-CN")
    assert (chinese.title, chinese.language, chinese.titles) == (
        "首届 Istio Meetup China 来啦！",
        "zh",
        (("en", "The first local Istio meetup is here!"),),
    )
    assert [s.title for s in chinese.sessions] == ZH_TITLES
    assert [s.titles for s in chinese.sessions] == [(("en", t),) for t in EN_TITLES]
    assert shown_in(schedule, "en-US") is schedule
    assert shown_in(schedule, "ja") is schedule
    assert shown_in(schedule, None) is schedule


# ---- which language each file is in -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("istio-meetup-china-2021.zh.md", ("istio-meetup-china-2021", "zh")),
        ("content/meetup.zh-cn.md", ("meetup", "zh-CN")),
        ("index.ja.md", ("index", "ja")),
        ("meetup.pt-br.yaml", ("meetup", "pt-BR")),
        ("index.md", ("index", None)),
        ("meetup.v2.md", ("meetup.v2", None)),
        ("meetup.new.md", ("meetup.new", None)),  # not a two-letter language
        ("meetup.md.md", ("meetup.md", None)),  # "md" is no language
        (".zh.md", (".zh", None)),
    ],
)
def test_a_language_suffix_is_a_known_two_letter_language(
    name: str, split: tuple[str, str | None]
) -> None:
    assert split_language_suffix(name) == split


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (["使用 eBPF 加速 Istio/Envoy 网络", "茶歇"], "zh"),
        (["Kubernetes 勉強会", "もくもく会"], "ja"),
        (["서울 밋업", "네트워킹"], "ko"),
        (["Митап Go", "Кофе-брейк"], "ru"),
        (["Coffee break", "Keynote by 赵化冰"], "en"),
        (["13:30", "---"], None),
    ],
)
def test_the_script_of_the_titles_tells_the_language(
    texts: list[str], language: str | None
) -> None:
    assert script_language(texts) == language


def test_a_declared_language_wins_over_the_suffix_and_the_script() -> None:
    page = "---\ntitle: Go 夜\n{field}\n---\n\n**Date:** 2024-05-01 19:00-21:00 UTC\n"
    declared = read_bytes(page.format(field="lang: ja").encode(), "night.zh.md", ReadOptions())
    code = read_bytes(page.format(field="languageCode: zh-tw").encode(), "n.md", ReadOptions())
    suffix = read_bytes(page.format(field="x: 1").encode(), "night.ko.md", ReadOptions())
    script = read_bytes(page.format(field="x: 1").encode(), "night.md", ReadOptions())
    assert [r.schedules[0].language for r in (declared, code, suffix, script)] == [
        "ja",
        "zh-TW",
        "ko",
        "zh",
    ]
    assert (language_tag("EN_us"), language_tag("zh-hans"), language_tag("xx")) == (
        "en-US",
        "zh-Hans",
        None,
    )


# ---- what does not merge cleanly ---------------------------------------------------------------


def test_sessions_in_one_edition_only_are_kept_with_a_warning_on_their_line() -> None:
    chinese = ZH_SEED.read_text(encoding="utf-8")
    chinese = chinese.replace("| 15:30 - 15:45 | 茶歇 |", "| 15:30 - 15:40 | 茶歇 |")
    chinese = chinese.replace(
        "| 16:45 - 17:15 | 使用 Istio CNI 安全地部署工作负载 张之晗 Tetrate |",
        "| 16:45 - 17:15 | 使用 Istio CNI 安全地部署工作负载 张之晗 Tetrate |\n"
        "| 17:15 - 17:30 | 合影 |",
    )
    primary, twin = _text_pair(
        SEED.read_text(encoding="utf-8"), chinese, ("schedules/a.md", "schedules/a.zh.md")
    )
    [schedule] = primary.schedules
    assert [(s.id, s.title, s.titles) for s in schedule.sessions][5:] == [
        ("coffee-break", "Coffee break", ()),
        ("s-d331474e5b", "茶歇", ()),
        ("use-ebpf-to-accelerate-istio-envoy-network", EN_TITLES[6], (("zh", ZH_TITLES[6]),)),
        ("full-stack-service-grid-aeraki-helps-you-manage", EN_TITLES[7], (("zh", ZH_TITLES[7]),)),
        ("securing-workload-deployment-with-istio-cni", EN_TITLES[8], (("zh", ZH_TITLES[8]),)),
        (text_key("合影"), "合影", ()),
    ]
    assert [utc(s.end) for s in schedule.sessions[5:7]] == [
        "2021-07-10T07:45Z",
        "2021-07-10T07:40Z",
    ]
    assert [str(d) for d in primary.diagnostics if "same time" in d.message] == [
        "schedules/a.md:26: warning: 'Coffee break' has no session at the same time in "
        "schedules/a.zh.md: shown without a title in zh"
    ]
    assert [str(d) for d in twin.diagnostics] == [
        "schedules/a.zh.md:26: warning: '茶歇' has no session at the same time in "
        "schedules/a.md: added to the agenda with its zh title only",
        "schedules/a.zh.md:30: warning: '合影' has no session at the same time in "
        "schedules/a.md: added to the agenda with its zh title only",
    ]
    assert (twin.schedules, twin.translation_of, twin.ok) == ([], "schedules/a.md", True)


def test_twins_on_other_dates_stay_separate_agendas_with_a_warning() -> None:
    chinese = ZH_SEED.read_text(encoding="utf-8").replace(
        "2021 年 7 月 10 日", "2021 年 7 月 17 日"
    )
    primary, twin = _text_pair(
        SEED.read_text(encoding="utf-8"), chinese, ("schedules/a.md", "schedules/a.zh.md")
    )
    assert [s.id for s in primary.schedules] == ["a"]
    assert primary.schedules[0].titles == ()
    assert [s.id for s in twin.schedules] == ["a-zh"]
    assert (twin.translation_of, twin.ok) == (None, True)
    assert [str(d) for d in twin.diagnostics] == [
        "schedules/a.zh.md:13: warning: no session is at the time of one of schedules/a.md "
        "(2021-07-17 here, 2021-07-10 there): not merged; kept as an agenda of its own"
    ]


def test_a_twin_in_the_primarys_own_language_is_not_a_translation() -> None:
    english = SEED.read_text(encoding="utf-8")
    primary, twin = _text_pair(english, english, ("schedules/a.md", "schedules/a.en.md"))
    assert ([s.id for s in primary.schedules], [s.id for s in twin.schedules]) == (["a"], ["a-en"])
    assert [d.message for d in twin.diagnostics][-1] == (
        "schedules/a.en.md and schedules/a.md are both in en: not a translation; kept as an "
        "agenda of its own"
    )


def test_a_twin_that_failed_to_read_leaves_the_primary_as_it_is() -> None:
    primary, twin = merge_translations(
        [
            _read(SEED),
            read_bytes(b"\x00\x01", "schedules/istio-meetup-china-2021.zh.md", ReadOptions()),
        ]
    )
    assert primary.schedules == _read(SEED).schedules
    assert (twin.schedules, twin.translation_of, twin.ok) == ([], None, False)


# ---- which files are twins ---------------------------------------------------------------------

_NATIVE = """\
title: {title}
language: {language}
timezone: Asia/Shanghai
date: 2024-05-01
sessions:
  - title: {doors}
    start: "18:30"
    end: "19:00"
  - title: {call}
    start: "2024-05-02 20:00"
    duration: 45
    repeat: FREQ=WEEKLY;BYDAY=TH
"""


def test_yaml_twins_merge_their_series_by_rule_and_start(tmp_path: Path) -> None:
    (tmp_path / "gophers.yaml").write_text(
        _NATIVE.format(title="Gophers Night", language="en", doors="Doors open", call="Weekly call")
    )
    (tmp_path / "gophers.zh.yaml").write_text(
        _NATIVE.format(title="地鼠之夜", language="zh", doors="入场", call="每周例会")
    )
    primary, twin = merge_translations(read_paths([tmp_path], ReadOptions()))
    [schedule] = primary.schedules
    assert (schedule.id, schedule.titles, twin.translation_of) == (
        "gophers",
        (("zh", "地鼠之夜"),),
        str(tmp_path / "gophers.yaml"),
    )
    assert [(s.id, s.title_in("zh")) for s in schedule.sessions] == [("doors-open", "入场")]
    assert [(s.id, s.title_in("zh"), s.repeat) for s in schedule.series] == [
        ("weekly-call", "每周例会", Recurrence("FREQ=WEEKLY;BYDAY=TH"))
    ]
    assert not [d for d in primary.diagnostics + twin.diagnostics if d.severity is Severity.ERROR]


def test_a_native_agenda_may_carry_its_titles_in_other_languages_itself() -> None:
    text = (
        "title: Gophers Night\nlanguage: en\ntitles: {zh: 地鼠之夜, xx: nope}\n"
        "timezone: Asia/Shanghai\ndate: 2024-05-01\nsessions:\n"
        "  - title: Doors open\n    titles: {zh: 入场, en: Doors}\n    start: '18:30'\n"
    )
    result = read_bytes(text.encode(), "night.yaml", ReadOptions())
    [schedule] = result.schedules
    assert (schedule.language, schedule.titles) == ("en", (("zh", "地鼠之夜"),))
    assert schedule.sessions[0].titles == (("zh", "入场"),)
    assert [f"{d.line}: {d.message}" for d in result.diagnostics] == [
        "8: titles: 'en' is the agenda's own language; `title` is used",
        "3: titles: 'xx' is not a language this bot knows; ignored",
    ]


def test_a_native_language_that_fails_the_schema_is_reported_and_the_agenda_read() -> None:
    text = "title: T\nlanguage: '12'\ntimezone: UTC\ndate: 2024-05-01\nsessions:\n  - {title: A, start: '18:30'}\n"
    result = read_bytes(text.encode(), "t.yaml", ReadOptions())
    assert [s.language for s in result.schedules] == ["en"]  # from the script, as a page's
    assert [(d.line, d.severity) for d in result.diagnostics] == [(2, Severity.ERROR)]


def _edition(file: str, language: str, *, key: str | None = None, group: object = None) -> Edition:
    start = datetime(2024, 5, 1, 10, tzinfo=UTC)
    session = Session("talk", f"Talk {language}", start, start + timedelta(hours=1))
    schedule = Schedule(
        file, f"Meetup {language}", UTC, (session,), SourceRef(file, 1), language=language
    )
    return Edition(file, file, (schedule,), key, group)


def test_twins_by_name_by_folder_index_and_by_translation_key() -> None:
    editions = [
        _edition("a/index.md", "en"),
        _edition("a/index.zh.md", "zh"),
        _edition("b/index.zh.md", "zh"),  # another folder: another agenda
        _edition("content/zh/post.md", "zh", key="post-1"),
        _edition("content/en/post.md", "en", key="post-1"),
        _edition("c.md", "en", group="guild 1"),
        _edition("c.ja.md", "ja", group="guild 2"),  # seen by other people: not twins
        _edition("d.ics", "en"),
        _edition("d.zh.md", "zh"),
        _edition("e.en.md", "en"),
        _edition("e.ja.md", "ja"),
    ]
    groups = [[e.file for e in group] for group in twin_groups(editions)]
    assert sorted(groups) == [
        ["a/index.md", "a/index.zh.md"],
        ["content/en/post.md", "content/zh/post.md"],  # the English one is the primary
        ["e.en.md", "e.ja.md"],
    ]
    merged = merge_editions(editions)
    assert merged.translation_of == {
        "a/index.zh.md": "a/index.md",
        "content/zh/post.md": "content/en/post.md",
        "e.ja.md": "e.en.md",
    }
    assert [s.titles for s in merged.schedules["content/en/post.md"]] == [(("zh", "Meetup zh"),)]
    assert merged.merged_from["a/index.md"] == ["a/index.zh.md"]


def test_recurring_overrides_of_the_translation_follow_the_merged_series() -> None:
    start = datetime(2024, 5, 2, 12, tzinfo=UTC)
    moved = start + timedelta(days=7)

    def agenda(file: str, language: str, series_id: str, title: str) -> Schedule:
        series = Session(series_id, title, start, start + timedelta(hours=1), line=3)
        series = replace(series, repeat=Recurrence("FREQ=WEEKLY;BYDAY=TH"))
        override = Session(
            f"{series_id}@x",
            f"{title} (moved)",
            moved + timedelta(hours=2),
            series_id=series_id,
            recurrence_id=moved,
        )
        return Schedule(
            file,
            title,
            UTC,
            (),
            SourceRef(file, 1),
            series=(series,),
            overrides=(override,) if language == "zh" else (),
            language=language,
        )

    merged, problems = merge_translation(
        agenda("c.md", "en", "weekly-call", "Weekly call"), agenda("c.zh.md", "zh", "s-1", "例会")
    )
    assert [(s.id, s.titles) for s in merged.series] == [("weekly-call", (("zh", "例会"),))]
    assert [(o.series_id, o.title) for o in merged.overrides] == [("weekly-call", "例会 (moved)")]
    assert problems == []
    with pytest.raises(NotTwins):
        merge_translation(agenda("c.md", "en", "a", "A"), agenda("c.de.md", "en-GB", "b", "B"))
