"""YAML (`---`) and TOML (`+++`) front matter at the top of a page."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from bot.domain.readers.safe_yaml import YamlError, load_yaml

_FENCES = {"---": "yaml", "+++": "toml"}


@dataclass(slots=True)
class FrontMatter:
    """The parsed fields, where they sit, and where the body starts (1-based line)."""

    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def body_after_broken_front_matter(text: str) -> FrontMatter:
    """What to read of a page whose front matter is broken (FrontMatterError): the body after
    the closing fence, or everything after the opening one when the block never closes."""
    lines = text.split("\n")
    fence = lines[0].strip()
    for index in range(1, len(lines)):
        if lines[index].strip() == fence:
            return FrontMatter(body="\n".join(lines[index + 1 :]), body_line=index + 2)
    return FrontMatter(body="\n".join(lines[1:]), body_line=2)


def split_front_matter(text: str) -> FrontMatter:
    """Front matter and body. A page without front matter is all body.

    Raises FrontMatterError (with the file line) when the front matter is there but broken;
    callers keep reading the body.
    """
    first, _, rest = text.partition("\n")
    fence = first.strip()
    if fence not in _FENCES:
        return FrontMatter(body=text, body_line=1)
    closing = re.search(rf"^{re.escape(fence)}[ \t]*$", rest, re.MULTILINE)
    if closing is None:
        raise FrontMatterError(1, f"front matter opened with {fence!r} is never closed")
    raw = rest[: closing.start()]
    body = rest[closing.end() :].removeprefix("\n")
    body_line = raw.count("\n") + 3
    fields: dict[str, Any]
    if _FENCES[fence] == "yaml":
        try:
            loaded = load_yaml(raw)
        except YamlError as exc:
            # +1 for 1-based lines, +1 for the opening fence.
            raise FrontMatterError(exc.line + 2, f"front matter: {exc}") from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise FrontMatterError(2, "front matter must be a mapping of fields")
        fields = dict(loaded)
    else:
        try:
            fields = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"line (\d+)", str(exc))
            at = int(line.group(1)) + 1 if line else 1
            raise FrontMatterError(at, f"front matter: {exc}") from None
    lines = _field_lines(raw)
    return FrontMatter({str(k).lower(): v for k, v in fields.items()}, lines, body, body_line)


def _field_lines(raw: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), start=2):
        match = re.match(r"([A-Za-z_][\w-]*)\s*[:=]", line)
        if match:
            found.setdefault(match.group(1).lower(), number)
    return found


__all__ = ["FrontMatter", "FrontMatterError", "split_front_matter"]
