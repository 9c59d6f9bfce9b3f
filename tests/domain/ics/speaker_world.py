"""A bilingual agenda whose speakers have profiles, built directly, for the .ics tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.agenda import Link, Schedule, Session, SourceRef, Speaker
from bot.domain.speakers.profile import Profile, Talk

SHANGHAI = ZoneInfo("Asia/Shanghai")
BASE_URL = "https://agenda.example.org"

HUABING = Profile(
    id="huabing-zhao",
    name="Huabing Zhao",
    names=("Huabing Zhao", "赵化冰"),
    source=SourceRef("speakers/huabing-zhao.md", 1),
    language="en",
    affiliation="Tetrate",
    affiliations=(("en", "Tetrate"), ("zh", "Tetrate 公司")),
    bios=(
        ("en", "Huabing Zhao is an engineer at Tetrate and the creator of Aeraki Mesh."),
        ("zh", "赵化冰，Tetrate 工程师，Aeraki Mesh 创始人。"),
    ),
    talks=(
        Talk(
            "Aeraki Mesh: any layer-7 protocol in Istio",
            2023,
            "Shanghai",
            "KubeCon China",
            "https://kubecon.example/china-2023",
            slides="https://slides.example/aeraki.pdf",
            video="https://video.example/aeraki",
        ),
        Talk("Envoy in depth", 2022, "Beijing", "Istio Meetup", video="https://video.example/e"),
        Talk("Service mesh [in practice]", 2021, url="https://blog.example/mesh"),
        Talk("An older talk", 2019),
    ),
    links=(
        Link("mailto:zhaohuabing@example.com", "Email"),
        Link("https://zhaohuabing.com", "Blog"),
        Link("https://github.com/zhaohuabing", "GitHub"),
    ),
    names_by_language=(("en", "Huabing Zhao"), ("zh", "赵化冰")),
)
JIMMY = Profile(
    id="jimmy-song",
    name="Jimmy Song",
    names=("Jimmy Song", "宋净超"),
    source=SourceRef("speakers/jimmy-song.md", 1),
    links=(Link("mailto:jimmy@example.com", "Email"),),  # no web page of his own
)
PROFILES = {p.id: p for p in (HUABING, JIMMY)}


def meetup(*, linked: bool = True) -> Schedule:
    """Two talks on 10 July 2021 in Beijing, titled in English and Chinese; the first by Huabing
    Zhao (whose affiliation only the profile gives) and Jimmy Song, the second by someone
    without a profile."""
    huabing = Speaker("Huabing Zhao", None, "huabing-zhao" if linked else None)
    jimmy = Speaker("Jimmy Song", "Tetrate", "jimmy-song" if linked else None)
    aeraki = Session(
        id="aeraki",
        title="Full-stack service mesh: Aeraki",
        start=datetime(2021, 7, 10, 16, 15, tzinfo=SHANGHAI),
        end=datetime(2021, 7, 10, 16, 45, tzinfo=SHANGHAI),
        speakers=(huabing, jimmy),
        links=(Link("https://example.org/aeraki", "Slides"),),
        titles=(("zh", "全栈服务网格：Aeraki"),),
    )
    cni = Session(
        id="cni",
        title="Securing workload deployment with Istio CNI",
        start=datetime(2021, 7, 10, 16, 45, tzinfo=SHANGHAI),
        end=datetime(2021, 7, 10, 17, 15, tzinfo=SHANGHAI),
        speakers=(Speaker("Zhang Zhihan", "Tetrate"),),
        titles=(("zh", "使用 Istio CNI 保护工作负载部署"),),
    )
    return Schedule(
        id="istio-meetup",
        title="Istio Meetup China",
        timezone=SHANGHAI,
        sessions=(aeraki, cni),
        source=SourceRef("istio-meetup.md"),
        url="https://istio.io/meetup",
        language="en",
        titles=(("zh", "首届 Istio Meetup China"),),
    )
