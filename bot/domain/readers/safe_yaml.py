"""YAML for agendas: safe, line-aware, and without YAML 1.1's surprises.

- `start: 13:30` stays the string "13:30" (YAML 1.1 would read sexagesimal 810), and dates stay
  strings, so the readers parse every time and date themselves with one set of messages.
- Mappings remember the line of each key, so errors can point at it.
- Aliases are capped: a "billion laughs" document is refused instead of expanded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node

from bot.domain.patterns import compiled

_MAX_ALIASES = 100


class YamlError(ValueError):
    """A YAML problem at a 0-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and each key's line (1-based, within the document)."""

    line: int = 0
    key_lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    aliases_seen = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > _MAX_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise YamlError(mark.line, f"more than {_MAX_ALIASES} aliases; refusing to expand")
        return Composer.compose_node(self, parent, index)


# Resolvers: drop timestamps and the sexagesimal forms of int and float.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_INT = compiled(
    r"""^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$""", re.X
)
_FLOAT = compiled(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""",
    re.X,
)
for _first, _resolvers in _Loader.yaml_implicit_resolvers.items():
    _Loader.yaml_implicit_resolvers[_first] = [
        (tag, _INT if tag == "tag:yaml.org,2002:int" else _FLOAT if tag.endswith(":float") else rx)
        for tag, rx in _resolvers
    ]


def _construct_mapping(loader: _Loader, node: MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool):
            raise YamlError(key_node.start_mark.line, "mapping keys must be plain values")
        name = str(key)
        result[name] = loader.construct_object(value_node, deep=True)
        result.key_lines[name] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


_FastLoader: type[Any] | None = None
if hasattr(yaml, "CSafeLoader"):
    # libyaml's parser, ten times faster, with the same resolvers and constructors. It cannot
    # count aliases while composing, so it only reads documents without anchors (see _loader).
    class _CLoader(yaml.CSafeLoader):
        pass

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _CLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _FastLoader = _CLoader


def _loader(text: str) -> type[Any]:
    """The libyaml loader when the text has no anchor (so no alias to count), else ours."""
    if _FastLoader is not None and "&" not in text:
        return _FastLoader
    return _Loader


def load_yaml(text: str) -> Any:
    """One document. Raises YamlError with a 0-based line."""
    return _parsed(lambda: yaml.load(text, Loader=_loader(text)))


def load_yaml_documents(text: str) -> list[Any]:
    """Every document of a `---`-separated stream."""
    return list(_parsed(lambda: list(yaml.load_all(text, Loader=_loader(text)))))


def _parsed(parse: Callable[[], Any]) -> Any:
    """Run a PyYAML parse, turning its errors into YamlError with a line."""
    try:
        return parse()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlError(mark.line if mark else 0, _describe(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlError(0, str(exc)) from None


def _describe(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "; ".join(parts) or "invalid YAML"
