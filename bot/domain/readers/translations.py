"""An agenda published in several languages, one file each, merged into one schedule.

Which files are one agenda in several languages ("twins"): `name.md` and `name.zh.md` (any
ISO 639-1 suffix, with a region or script: `.en`, `.zh-cn`, `.ja`; Hugo's naming, so `index.md`
and `index.zh.md` in one folder too), `name.yaml` and `name.zh.yaml`, and pages whose front
matter gives the same `translationKey`. Calendars (.ics) never are.

The primary edition is the file without a language suffix, else the English one, else the
first by name: its schedules keep their ids, zone, venue and sessions. A twin's sessions are
paired with the primary's by their start and end instants (by order among sessions that share
both), recurring series by their rule and first start; each pair, and the schedule, gets the
twin's title among its `titles`. A session found in one edition only is kept, with a warning on
its line. A twin schedule none of whose sessions meets one of the primary's (another date) is
not merged: it stays an agenda of its own, with a warning. Speakers are the primary's, or the
twin's where the primary names none. The merge reads nothing and keeps every input as it was.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import PurePath

from bot.domain.agenda import Schedule, Session, Speaker, primary_language
from bot.domain.diagnostics import Diagnostic, Severity
from bot.domain.readers.languages import split_language_suffix, with_language
from bot.domain.readers.source import ReadResult, format_of

# The formats whose files may be twins: a page with a page, a native agenda with a native one.
_FAMILIES = {"markdown": "page", "html": "page", "yaml": "yaml"}


@dataclass(frozen=True, slots=True)
class Edition:
    """One file's agendas as read. `key` tells it from every other file (two may be shown by
    the same name), `file` is its name as messages show it (its folder and name make twins),
    and files pair only within one `group` (the agendas one Discord server imported, say)."""

    key: str
    file: str
    schedules: tuple[Schedule, ...]
    translation_key: str | None = None
    group: Hashable = None


@dataclass(frozen=True, slots=True)
class Merged:
    """What the files hold once twins are merged: each file's schedules by its key (a primary's
    merged, a twin's left with those that could not be), the twins merged whole into their
    primary (twin key → primary key), the twins each primary took something from, and the
    warnings, each on its file and line."""

    schedules: dict[str, tuple[Schedule, ...]]
    translation_of: dict[str, str] = field(default_factory=dict)
    merged_from: dict[str, list[str]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def merge_editions(editions: Sequence[Edition]) -> Merged:
    """Every group of twins among `editions` merged into its primary (see the module's notes)."""
    merged = Merged({e.key: e.schedules for e in editions})
    for group in twin_groups(editions):
        primary, *twins = group
        schedules = list(merged.schedules[primary.key])
        for twin in twins:
            left: list[Schedule] = []
            taken: set[int] = set()
            for translation in twin.schedules:
                index, made, problems = _merge_into(schedules, taken, translation)
                merged.diagnostics.extend(problems)
                if index is None or made is None:
                    left.append(translation)
                else:
                    schedules[index] = made
                    taken.add(index)
                    if twin.key not in merged.merged_from.setdefault(primary.key, []):
                        merged.merged_from[primary.key].append(twin.key)
            merged.schedules[twin.key] = tuple(left)
            if not left:
                merged.translation_of[twin.key] = primary.key
        merged.schedules[primary.key] = tuple(schedules)
    return merged


def merge_translations(results: Sequence[ReadResult]) -> list[ReadResult]:
    """The files as read, with twins merged: the primary's result holds the merged schedules,
    a twin merged whole holds none and names its primary in `translation_of`; each warning of
    the merge joins the result of the file it is on. Same order, same files."""
    editions = [
        Edition(str(i), r.file, tuple(r.schedules), r.translation_key)
        for i, r in enumerate(results)
    ]
    merged = merge_editions(editions)
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in merged.diagnostics:
        by_file.setdefault(diagnostic.file, []).append(diagnostic)
    made = []
    for i, result in enumerate(results):
        primary = merged.translation_of.get(str(i))
        made.append(
            replace(
                result,
                schedules=list(merged.schedules[str(i)]),
                diagnostics=[*result.diagnostics, *by_file.pop(result.file, [])],
                translation_of=results[int(primary)].file if primary is not None else None,
            )
        )
    return made


def merge_translation(page: Schedule, translation: Schedule) -> tuple[Schedule, list[Diagnostic]]:
    """`page` with the titles of `translation`, its translation into another language, and the
    sessions found in one of them only; the warnings on their lines. Raises `NotTwins` when the
    two are in one language, or when no session of one is at the time of one of the other."""
    page = with_language(page, page.source.file)
    translation = with_language(translation, translation.source.file)
    ours, theirs = page.language, translation.language
    if theirs is None or primary_language(ours) == primary_language(theirs):
        raise NotTwins(
            Diagnostic(
                translation.source.file,
                translation.source.line,
                f"{translation.source.file} and {page.source.file} are both in "
                f"{theirs or 'no language that can be told'}: not a translation; kept as an "
                "agenda of its own",
            )
        )
    problems: list[Diagnostic] = []
    both = _Pair(page, translation, theirs, problems)
    series, series_ids, series_pairs = _merge_sessions(
        page.series, translation.series, _series_key, both
    )
    sessions, _, session_pairs = _merge_sessions(
        tuple(s for s in page.sessions if s.series_id is None),
        tuple(s for s in translation.sessions if s.series_id is None),
        _instants,
        both,
        taken=frozenset(s.id for s in series),
    )
    if not series_pairs and not session_pairs:
        raise NotTwins(
            Diagnostic(
                translation.source.file,
                translation.source.line,
                f"no session is at the time of one of {page.source.file} "
                f"({_dates(translation)} here, {_dates(page)} there): not merged; kept as an "
                "agenda of its own",
            )
        )
    occurrences = tuple(s for s in page.sessions if s.series_id is not None)
    overrides = _merged_overrides(page, translation, series_ids, theirs)
    return (
        replace(
            page,
            sessions=tuple(sorted([*sessions, *occurrences], key=_start)),
            series=tuple(sorted(series, key=_start)),
            overrides=overrides,
            titles=_with_titles(page.titles, ours, [(theirs, translation.title)], translation),
            description=page.description or translation.description,
            url=page.url or translation.url,
            venue=page.venue or translation.venue,
            capacity=page.capacity if page.capacity is not None else translation.capacity,
        ),
        problems,
    )


class NotTwins(ValueError):
    """A schedule and its supposed translation that cannot be merged; `diagnostic` says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def shown_in(schedule: Schedule, language: str | None) -> Schedule:
    """`schedule` as a reader of `language` sees it: each title that has a version in that
    language swapped in (the one it replaces kept among `titles`, under the agenda's language),
    and `language` saying so. As it is when the agenda is not published in that language."""
    wanted = primary_language(language)
    own = schedule.language
    if wanted is None or own is None or primary_language(own) == wanted:
        return schedule
    found = next((lang for lang, _ in schedule.titles if primary_language(lang) == wanted), None)
    if found is None:
        return schedule

    def swap(item: Session) -> Session:
        title, titles = _swapped(item.title, item.titles, own, wanted)
        # The speakers this reader sees, now named in the agenda's (swapped) language.
        speakers = tuple(replace(s, language=None) for s in item.speakers_in(wanted))
        if title is None:
            return replace(item, speakers=speakers)
        return replace(item, title=title, titles=titles, speakers=speakers)

    title, titles = _swapped(schedule.title, schedule.titles, own, wanted)
    return replace(
        schedule,
        title=title or schedule.title,
        titles=titles,
        language=found,
        sessions=tuple(swap(s) for s in schedule.sessions),
        series=tuple(swap(s) for s in schedule.series),
        overrides=tuple(swap(s) for s in schedule.overrides),
    )


def twin_groups(editions: Sequence[Edition]) -> list[list[Edition]]:
    """The editions that are one agenda in several languages, each group primary first, then
    its twins by file name; files with no schedule are in none."""
    readable = [e for e in editions if e.schedules]
    parent = {e.key: e.key for e in readable}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        parent[root(b)] = root(a)

    by_name: dict[tuple[Hashable, str, str, str], list[Edition]] = {}
    by_key: dict[tuple[Hashable, str], Edition] = {}
    for edition in sorted(readable, key=lambda e: (e.file, e.key)):
        family = _FAMILIES.get(format_of(edition.file) or "")
        if family is not None:
            path = PurePath(edition.file)
            base, _ = split_language_suffix(path.name)
            by_name.setdefault((edition.group, str(path.parent), base, family), []).append(edition)
        if edition.translation_key is not None:
            holder = by_key.setdefault((edition.group, edition.translation_key), edition)
            join(holder.key, edition.key)
    for named in by_name.values():
        suffixed = [e for e in named if _suffix(e) is not None]
        plain = [e for e in named if _suffix(e) is None]
        if not suffixed:
            continue
        # `a.md` and `a.markdown` are two agendas that happen to share a name: one of them
        # (the first) is the page the suffixed files translate.
        for twin in suffixed[1:] + plain[:1]:
            join(suffixed[0].key, twin.key)
    groups: dict[str, list[Edition]] = {}
    for edition in readable:
        groups.setdefault(root(edition.key), []).append(edition)
    return [_primary_first(g) for g in groups.values() if len(g) > 1]


# ---- the merge, step by step ------------------------------------------------------------------


def _merge_into(
    schedules: list[Schedule], taken: set[int], translation: Schedule
) -> tuple[int | None, Schedule | None, list[Diagnostic]]:
    """`translation` merged into the one of `schedules` (not `taken` by another schedule of
    its file) that it shares the most sessions with: (its index, the merged schedule, the
    warnings); no index when none lines up (the warning says why)."""
    best: tuple[int, int] | None = None  # (shared sessions, index)
    for index, schedule in enumerate(schedules):
        if index in taken:
            continue
        shared = _shared(schedule, translation)
        if shared and (best is None or shared > best[0]):
            best = (shared, index)
    if best is not None:
        index = best[1]
    else:  # none lines up: the merge with the first free one says why
        index = next((i for i in range(len(schedules)) if i not in taken), -1)
    if index < 0:
        problem = Diagnostic(
            translation.source.file,
            translation.source.line,
            f"{translation.title!r} is one agenda more than its translation has; kept as an "
            "agenda of its own",
        )
        return None, None, [problem]
    try:
        made, problems = merge_translation(schedules[index], translation)
    except NotTwins as refused:
        return None, None, [refused.diagnostic]
    return index, made, problems


def _shared(page: Schedule, translation: Schedule) -> int:
    """How many sessions (and series) of `translation` are at the time of one of `page`'s."""
    ours = {_instants(s) for s in page.sessions} | {_series_key(s) for s in page.series}
    return sum(
        1
        for s in (*translation.sessions, *translation.series)
        if (_series_key(s) if s.repeat is not None else _instants(s)) in ours
    )


_Key = tuple[object, ...]


def _instants(session: Session) -> _Key:
    end = None if session.end is None else session.end.astimezone(UTC)
    return (session.start.astimezone(UTC), end, session.all_day)


def _series_key(session: Session) -> _Key:
    rule = "".join(session.repeat.rule.upper().split()) if session.repeat is not None else ""
    return (rule, session.start.astimezone(UTC))


@dataclass(frozen=True, slots=True)
class _Pair:
    """A page and its translation being merged, the translation's language, and the warnings."""

    page: Schedule
    translation: Schedule
    language: str
    problems: list[Diagnostic]


def _merge_sessions(
    ours: Sequence[Session],
    theirs: Sequence[Session],
    key: Callable[[Session], _Key],
    pair: _Pair,
    taken: frozenset[str] = frozenset(),
) -> tuple[list[Session], dict[str, str], int]:
    """`ours` with the titles (and, where ours name none, the speakers) of `theirs` paired
    by `key`, then the sessions of `theirs` that pair with none (under an id of their own):
    the sessions, the ids the sessions of `theirs` have now (theirs → ours), and how many paired."""
    page, translation, language, problems = (
        pair.page,
        pair.translation,
        pair.language,
        pair.problems,
    )
    waiting: dict[_Key, deque[Session]] = {}
    for session in theirs:
        waiting.setdefault(key(session), deque()).append(session)
    made: list[Session] = []
    ids: dict[str, str] = {}
    paired = 0
    for session in ours:
        queue = waiting.get(key(session))
        if not queue:
            problems.append(
                _warning(
                    page,
                    session,
                    f"{session.title!r} has no session at the same time in "
                    f"{translation.source.file}: shown without a title in {language}",
                )
            )
            made.append(session)
            continue
        other = queue.popleft()
        ids[other.id] = session.id
        paired += 1
        made.append(
            replace(
                session,
                titles=_with_titles(
                    session.titles, page.language, [(language, other.title)], other
                ),
                speakers=session.speakers + _named_in(other.speakers, language),
            )
        )
    used = {s.id for s in ours} | taken
    for queue in waiting.values():
        for other in queue:
            new_id = _free_id(other.id, language, used)
            used.add(new_id)
            ids[other.id] = new_id
            problems.append(
                _warning(
                    translation,
                    other,
                    f"{other.title!r} has no session at the same time in {page.source.file}: "
                    f"added to the agenda with its {language} title only",
                )
            )
            made.append(replace(other, id=new_id))
    return made, ids, paired


def _named_in(speakers: tuple[Speaker, ...], language: str) -> tuple[Speaker, ...]:
    """Speakers taken from a translation, marked with its language (`Session.speakers_in`)."""
    return tuple(replace(speaker, language=language) for speaker in speakers)


def _merged_overrides(
    page: Schedule, translation: Schedule, series_ids: dict[str, str], language: str
) -> tuple[Session, ...]:
    """The primary's overrides with the titles of the twin's for the same occurrence, and the
    twin's that the primary lacks (pointing at the series as merged)."""
    theirs: dict[tuple[str | None, datetime | None], Session] = {}
    for override in translation.overrides:
        series = series_ids.get(override.series_id or "", override.series_id)
        moment = override.recurrence_id.astimezone(UTC) if override.recurrence_id else None
        theirs[(series, moment)] = replace(override, series_id=series)
    made: list[Session] = []
    for override in page.overrides:
        moment = override.recurrence_id.astimezone(UTC) if override.recurrence_id else None
        other = theirs.pop((override.series_id, moment), None)
        if other is None:
            made.append(override)
            continue
        titles = _with_titles(override.titles, page.language, [(language, other.title)], other)
        made.append(
            replace(
                override,
                titles=titles,
                speakers=override.speakers + _named_in(other.speakers, language),
            )
        )
    made.extend(theirs.values())
    return tuple(made)


def _with_titles(
    titles: tuple[tuple[str, str], ...],
    own: str | None,
    added: Iterable[tuple[str, str]],
    other: Schedule | Session,
) -> tuple[tuple[str, str], ...]:
    """`titles` with each title of `added` and of `other.titles` in a language they lack
    (never in `own`, the language `title` is in): what is there already is kept."""
    result = list(titles)
    have = {primary_language(lang) for lang, _ in titles} | {primary_language(own)}
    for lang, text in [*added, *other.titles]:
        if primary_language(lang) not in have and text.strip():
            result.append((lang, text))
            have.add(primary_language(lang))
    return tuple(result)


def _swapped(
    title: str, titles: tuple[tuple[str, str], ...], own: str, wanted: str
) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """The title in `wanted` and the titles left with `title` (in `own`) among them; None and
    `titles` as they are when there is none in `wanted`."""
    at = next((i for i, (lang, _) in enumerate(titles) if primary_language(lang) == wanted), None)
    if at is None:
        return None, titles
    return titles[at][1], ((own, title), *titles[:at], *titles[at + 1 :])


def _free_id(wanted: str, language: str, used: set[str]) -> str:
    """`wanted`, or with the language after it when the primary has a session by that id."""
    if wanted not in used:
        return wanted
    found, n = f"{wanted}-{primary_language(language)}", 1
    while found in used:
        n += 1
        found = f"{wanted}-{primary_language(language)}-{n}"
    return found


def _warning(schedule: Schedule, session: Session, message: str) -> Diagnostic:
    return Diagnostic(
        schedule.source.file, session.line or schedule.source.line, message, Severity.WARNING
    )


def _start(session: Session) -> datetime:
    return session.start.astimezone(UTC)


def _dates(schedule: Schedule) -> str:
    """The days a schedule's sessions fall on, in its zone: "2021-07-10", "2021-07-10 to 07-11"."""
    days = sorted(
        s.start.astimezone(schedule.timezone).date() for s in (*schedule.sessions, *schedule.series)
    )
    if not days:
        return "no date"
    first, last = days[0], days[-1]
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _suffix(edition: Edition) -> str | None:
    return split_language_suffix(PurePath(edition.file).name)[1]


def _primary_first(group: list[Edition]) -> list[Edition]:
    """The primary (no language suffix, else English, else the first by name), then the twins
    by name."""

    def english(edition: Edition) -> bool:
        first = with_language(edition.schedules[0], edition.file)
        return primary_language(first.language) == "en"

    ordered = sorted(group, key=lambda e: (_suffix(e) is not None, not english(e), e.file, e.key))
    return [ordered[0], *sorted(ordered[1:], key=lambda e: (e.file, e.key))]
