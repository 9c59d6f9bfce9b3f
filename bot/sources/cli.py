"""`agenda-bot check URL` and `agenda-bot show URL`: fetched once, under the same rules as the
followed sources (http and https only, public addresses unless allowed, capped), and read as
a file is."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import ReadResult


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


if TYPE_CHECKING:
    _ParamType = click.ParamType[Path | str, Any]
else:  # generic only in the click versions that type their parameters
    _ParamType = click.ParamType


class PathOrUrl(_ParamType):
    """A file or folder (a Path), or an http(s) URL (kept as typed, a str)."""

    name = "path_or_url"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Path | str:
        if isinstance(value, Path):
            return value
        text = str(value)
        return text if is_url(text) else Path(text)


PATH_OR_URL = PathOrUrl()


def read_arguments(
    settings: Settings, items: Sequence[Path | str], options: ReadOptions
) -> list[ReadResult]:
    """Read files, folders and URLs in the order given. Without any: the schedules folder and
    the operator's `[[sources]]`."""
    from bot.domain.readers.source import read_paths  # noqa: PLC0415

    chosen: list[Path | str] = list(items) or [
        Path("schedules"),
        *(s.url for s in settings.sources),
    ]
    urls = [i for i in chosen if isinstance(i, str)]
    fetched = dict(zip(urls, asyncio.run(_read_urls(settings, urls, options)), strict=True))
    results: list[ReadResult] = []
    for item in chosen:
        if isinstance(item, str):
            results.append(fetched[item])
        else:
            results.extend(read_paths([item], options))
    return results


async def _read_urls(settings: Settings, urls: list[str], options: ReadOptions) -> list[ReadResult]:
    return list(await asyncio.gather(*(read_url(settings, u, options) for u in urls)))


async def read_url(settings: Settings, url: str, options: ReadOptions) -> ReadResult:
    """One URL fetched and read; a fetch that fails is an error on line 0 of the URL."""
    from bot.domain.diagnostics import Diagnostic, Severity  # noqa: PLC0415
    from bot.domain.readers.source import ReadResult, read_bytes  # noqa: PLC0415
    from bot.sources.fetch import FetchError, fetch, file_name_for  # noqa: PLC0415
    from bot.sources.safety import private_allowed_by_environment  # noqa: PLC0415

    allow = settings.allow_private_sources or private_allowed_by_environment()
    try:
        got = await fetch(url, allow_private=allow)
    except FetchError as exc:
        problem = Diagnostic(url, 0, f"cannot fetch: {exc}", Severity.ERROR)
        return ReadResult(url, [], [problem])
    assert got.data is not None
    name = file_name_for(url, got.content_type)
    return await asyncio.to_thread(read_bytes, got.data, url, options, file_name=name)
