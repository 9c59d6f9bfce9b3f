"""`agenda-bot check URL` and `agenda-bot show URL`: fetched once, under the same rules as the
followed sources (http and https only, public addresses unless allowed, capped), and read as
a file is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.domain.patterns import compiled

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.domain.readers.context import ReadOptions
    from bot.domain.readers.source import ReadResult


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


# A scheme before "://" (a drive letter is not one), or one of the schemes written without it.
_OTHER_SCHEME = compiled(
    r"^(?:[a-z][a-z0-9+.-]+://|(?:file|data|mailto|javascript|about|blob|jar):)", re.IGNORECASE
)


def has_other_scheme(text: str) -> bool:
    """Whether `text` is a URL of a scheme other than http and https (file://, ftp://...)."""
    return not is_url(text) and _OTHER_SCHEME.match(text.strip()) is not None


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
        if has_other_scheme(text):
            from bot.config import redacted_url  # noqa: PLC0415

            self.fail(
                f"only http and https URLs can be read, not {redacted_url(text)!r}", param, ctx
            )
        return text if is_url(text) else Path(text)


PATH_OR_URL = PathOrUrl()


def read_arguments(
    settings: Settings, items: Sequence[Path | str], options: ReadOptions
) -> list[ReadResult]:
    """Read files, folders and URLs in the order given. Without any: the schedules folder and
    the operator's `[[sources]]`."""
    from bot.domain.readers.source import read_paths  # noqa: PLC0415
    from bot.domain.readers.translations import merge_translations  # noqa: PLC0415

    chosen: list[Path | str] = list(items) or [
        Path("schedules"),
        *(s.url for s in settings.sources),
    ]
    # The operator's sources are read under the stems the bot gives them (basic, basic-2).
    stems: dict[str, str] = {}
    if not items and settings.sources:
        from bot.sources.registry import operator_stems  # noqa: PLC0415 - the database's too

        stems = operator_stems([s.url for s in settings.sources])
    urls = [i for i in chosen if isinstance(i, str)]
    # Files only: no fetching machinery to import (show and check of a page stay light).
    fetched: dict[str, ReadResult] = {}
    if urls:
        import asyncio  # noqa: PLC0415 - only to fetch URLs

        fetched = dict(
            zip(urls, asyncio.run(_read_urls(settings, urls, options, stems)), strict=True)
        )
    results: list[ReadResult] = []
    for item in chosen:
        if isinstance(item, str):
            results.append(fetched[item])
        else:
            results.extend(read_paths([item], options))
    # A page and its translation (meetup.md, meetup.zh.md) are one agenda, as the bot shows it.
    results = merge_translations(results)
    ordered = results  # files and folders as given: the order the bot would serve them in
    if not items:
        # As the bot places them: the followed URLs by stem, then the folder's files.
        by_stem = sorted(urls, key=lambda u: stems[u])
        ordered = [*(fetched[u] for u in by_stem), *results[: len(results) - len(urls)]]
    _report_shared_ids(ordered)
    return results


def _report_shared_ids(results: list[ReadResult]) -> None:
    """Two of the operator's agendas asking for one id: the bot shows only the first (in the
    order given); the others get an error on the schedule's line."""
    from bot.domain.diagnostics import Diagnostic, Severity  # noqa: PLC0415

    first: dict[str, str] = {}
    for result in results:
        for schedule in result.schedules:
            holder = first.setdefault(schedule.id, result.file)
            if holder != result.file:
                result.diagnostics.append(
                    Diagnostic(
                        result.file,
                        schedule.source.line,
                        f"schedule id {schedule.id!r} is already used by {holder}; "
                        "this one is not shown",
                        Severity.ERROR,
                    )
                )


async def _read_urls(
    settings: Settings, urls: list[str], options: ReadOptions, stems: dict[str, str]
) -> list[ReadResult]:
    import asyncio  # noqa: PLC0415

    return list(await asyncio.gather(*(read_url(settings, u, options, stems.get(u)) for u in urls)))


async def read_url(
    settings: Settings, url: str, options: ReadOptions, stem: str | None = None
) -> ReadResult:
    """One URL fetched and read (under `stem` when given); a fetch that fails is an error on
    line 0 of the URL. A URL is never shown with a user name or password."""
    import asyncio  # noqa: PLC0415

    from bot.config import redacted_url  # noqa: PLC0415
    from bot.domain.diagnostics import Diagnostic, Severity  # noqa: PLC0415
    from bot.domain.readers.source import ReadResult, read_bytes  # noqa: PLC0415
    from bot.sources.fetch import FetchError, fetch, file_name_for  # noqa: PLC0415
    from bot.sources.safety import private_allowed_by_environment  # noqa: PLC0415

    shown = redacted_url(url)
    allow = settings.allow_private_sources or private_allowed_by_environment()
    try:
        got = await fetch(url, allow_private=allow)
    except FetchError as exc:
        problem = Diagnostic(shown, 0, f"cannot fetch: {exc}", Severity.ERROR)
        return ReadResult(shown, [], [problem])
    assert got.data is not None
    name = file_name_for(url, got.content_type, got.data)
    if stem is not None:
        name = stem + Path(name).suffix
    return await asyncio.to_thread(read_bytes, got.data, shown, options, file_name=name)
