"""A bilingual meetup agenda (English and Chinese pages) and its speakers' pages, as organizers
write them, installed in a harness's agenda folder: what members in both languages ask about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.discord.conftest import Harness

AGENDA = """\
---
title: "Cloud Native Chicago: Winter Meetup"
timezone: America/Chicago
venue: "Tech Hub, 222 W Merchandise Mart Plaza, Chicago"
---

Our winter meetup. Pizza provided.

**Date:** Tuesday, December 8, 2026, 18:00-21:00

## Agenda

| Time | Session | Speaker |
| --- | --- | --- |
| 18:00 - 18:30 | Doors and pizza | |
| 18:30 - 19:00 | Gateway API in Practice | Ana Souza |
| 19:00 - 19:30 | Sidecarless Mesh at Scale | Li Wei |
| 19:30 - 20:00 | Rust for Kubernetes Operators | Carlos García |
| 20:00 - 20:30 | Lightning: Kubernetes Cost Tricks | Pat Nobody |
| 20:30 - 21:00 | Panel: Meshes in 2027 | Ana Souza, Li Wei |
"""

AGENDA_ZH = """\
---
title: "芝加哥云原生冬季聚会"
timezone: America/Chicago
venue: "芝加哥 Tech Hub"
---

冬季聚会，提供披萨。

**活动时间：** 2026年12月8日 18:00-21:00（芝加哥时间）

## 议程

| 时间 | 议题 | 讲师 |
| --- | --- | --- |
| 18:00 - 18:30 | 签到与披萨 | |
| 18:30 - 19:00 | Gateway API 实战 | Ana Souza |
| 19:00 - 19:30 | 大规模无边车服务网格 | 李伟 |
| 19:30 - 20:00 | 用 Rust 编写 Kubernetes Operator | Carlos García |
| 20:00 - 20:30 | 闪电演讲：Kubernetes 降本技巧 | Pat Nobody |
| 20:30 - 21:00 | 圆桌：2027 年的服务网格 | Ana Souza、李伟 |
"""

SPEAKERS = {
    "ana-souza.yaml": """\
name: Ana Souza
names: {zh: 安娜·苏扎}
affiliation: Red Hat
language: en
bio:
  en: Ana works on Kubernetes networking at Red Hat and maintains Gateway API conformance tests.
  zh: 安娜在红帽从事 Kubernetes 网络工作，维护 Gateway API 一致性测试。
links:
  - https://github.com/anasouza-example
  - {label: Email, url: ana@souza.example.org}
  - https://ana.example.org
""",
    "carlos-garcia.md": """\
---
title: "About Carlos García"
company: Ferrous Systems
website: https://carlos.example.org
---

Hi, I'm Carlos García. I write Kubernetes operators in Rust and teach workshops about it.
""",
    "li-wei.md": """\
---
title: "About Li Wei"
github: liwei-example
---

# Li Wei (李伟)

## About Me

I'm Li Wei, a staff engineer at Ant Group working on sidecarless service mesh and eBPF.

* GitHub: [liwei-example](https://github.com/liwei-example)
* Blog https://liwei.example.org

## Talks

| Year | Conference | City | Title | Slides | Video |
| --- | --- | --- | --- | --- | --- |
| 2025 | KubeCon China | Hong Kong | Ambient Mesh in Production | [Slides](https://liwei.example.org/ambient.pdf) | [Video](https://www.bilibili.com/video/BV1xx) |
| 2023 | IstioCon | Virtual | eBPF for Mesh Dataplanes | [Slides](https://liwei.example.org/ebpf.pdf) | |
""",
    "li-wei.zh.md": """\
---
title: "关于我"
github: liwei-example
---

## 关于我

大家好，我是李伟（Li Wei），蚂蚁集团资深工程师，专注于无边车服务网格和 eBPF。

* GitHub: [liwei-example](https://github.com/liwei-example)
* 博客 https://liwei.example.org

## 演讲

| 年份 | 会议 | 城市 | 题目 | 讲稿 | 视频 |
| --- | --- | --- | --- | --- | --- |
| 2025 | KubeCon 中国 | 香港 | 生产环境中的 Ambient Mesh | [讲稿](https://liwei.example.org/ambient.pdf) | [视频](https://www.bilibili.com/video/BV1xx) |
""",
    "huabing-zhao.md": """\
---
layout: page
multilingual: true
---

## About Me
Hello! I'm Huabing Zhao, an engineer at [Tetrate](https://tetrate.io). My current expertise centers around Envoy, Envoy Gateway, and Istio.

Feel free to connect with me via:

* Email zhaohuabing@gmail.com
* WeChat zhao_huabing
* LinkedIn https://www.linkedin.com/in/zhaohuabing

## Presentations (Selected)
|Year|City|Conference|Title|Slides|Video|
|---|---|---|---|---|---|
|2024|Hong Kong|[KubeCon China](https://kccncossaidevchn2024.sched.com/event/1eYcX)|[Gateway API and Beyond](https://www.zhaohuabing.com/post/2024-08-31/)|[Slides](https://zhaohuabing.com/slides/gw.pdf)|[Video](https://www.youtube.com/watch?v=qH2byF7SDO8)|
""",
    "huabing-zhao.zh.md": """\
---
layout: page
title: "关于我"
multilingual: true
---

## 关于我
大家好！我是赵化冰，[Tetrate](https://tetrate.io) 工程师。我目前专注于 Envoy、Envoy Gateway 和 Istio。

欢迎通过以下方式联系我：

* 邮箱 zhaohuabing@gmail.com
* 微信 zhao_huabing
* LinkedIn https://www.linkedin.com/in/zhaohuabing

## 演讲（部分）
|年份|城市|会议|题目|讲稿|视频|
|---|---|---|---|---|---|
|2024|香港|[KubeCon 中国](https://kccncossaidevchn2024.sched.com/event/1eYcX)|[Gateway API 及其扩展](https://www.zhaohuabing.com/post/2024-08-31/)|[讲稿](https://zhaohuabing.com/slides/gw.pdf)|[视频](https://www.youtube.com/watch?v=qH2byF7SDO8)|
""",
}


def write_chicago(folder: Path) -> None:
    """The meetup in both languages and its speakers' pages, written into an agenda folder."""
    (folder / "cloud-native-chicago.md").write_text(AGENDA, encoding="utf-8")
    (folder / "cloud-native-chicago.zh.md").write_text(AGENDA_ZH, encoding="utf-8")
    speakers = folder / "speakers"
    speakers.mkdir(exist_ok=True)
    for name, text in SPEAKERS.items():
        (speakers / name).write_text(text, encoding="utf-8")


async def install_chicago(harness: Harness) -> None:
    """The meetup and its speakers in a harness's agenda folder, read as the library reads them."""
    write_chicago(harness.folder)
    await harness.library.reload()
    snapshot = harness.library.snapshot
    assert "cloud-native-chicago" in snapshot.schedules, snapshot.diagnostics
