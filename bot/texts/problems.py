"""The readers' problems (file:line diagnostics) in the reader's language."""

from __future__ import annotations

import re

from bot.domain.diagnostics import Diagnostic
from bot.texts import language, text_for


def problem_text(diagnostic: Diagnostic, locale: str | None) -> str:
    """One problem found in an imported agenda, with its line, in the member's language."""
    message = diagnostic.message
    if language(locale) == "zh":
        message = _problem_zh(message)
    if not diagnostic.line:
        return message
    return text_for(locale, "problem_line", line=diagnostic.line, message=message)


# The readers' problems in Simplified Chinese. The readers word their messages in English with
# the offending text quoted; each pattern gives the Chinese wording, and what it captured is
# translated in turn (a reason inside a message). A message no pattern knows stays in English.
PROBLEMS_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), template)
    for pattern, template in (
        (r"(.+) is not a time \((.+)\); line not imported", "{0} 不是有效时间（{1}）；该行未导入"),
        (r"(.+) is not a time \((.+)\); row not imported", "{0} 不是有效时间（{1}）；该行未导入"),
        (r"not a time", "不是时间"),
        (r"hour (\d+) does not exist \(0-24\)", "不存在 {0} 点（0-24）"),
        (
            r"hour (\d+) does not exist on a 12-hour clock \(1-12\)",
            "12 小时制中不存在 {0} 点（1-12）",
        ),
        (r"minute (\d+) does not exist \(0-59\)", "不存在第 {0} 分钟（0-59）"),
        (r"nothing comes after 24:00", "24:00 之后没有时间"),
        (
            r"session (.+) has no date \(no event date or day heading before it\)",
            "议程 {0} 没有日期（前面没有活动日期或日期标题）",
        ),
        (
            r"end (\S+) is before start (\S+); session not imported",
            "结束时间 {0} 早于开始时间 {1}；该议程未导入",
        ),
        (
            r"no agenda found: the page gives no event date and no session times",
            "未找到日程：页面既没有活动日期，也没有议程时间",
        ),
        (r"event (.+) has no session that could be read", "活动 {0} 中没有可读取的议程"),
        (r"not a valid iCalendar file: (.+)", "不是有效的 iCalendar 文件：{0}"),
        (r"no event could be read from this calendar", "无法从该日历中读取任何活动"),
        (r"event skipped: (.+)", "已跳过活动：{0}"),
        (r"cannot read: (.+)", "无法读取：{0}"),
        (r"unknown agenda format; use one of (.+)", "未知的日程格式；请使用以下格式之一：{0}"),
        (
            r"the file is (\d+) KB; agendas are limited to (\d+) KB",
            "文件大小为 {0} KB；日程文件不能超过 {1} KB",
        ),
        (r"the file is empty", "文件是空的"),
        (r"the file is UTF-16 text; save it as UTF-8", "文件是 UTF-16 文本；请另存为 UTF-8"),
        (r"this is a binary file, not an agenda", "这是二进制文件，不是日程"),
        (r"the file is not valid UTF-8 text", "文件不是有效的 UTF-8 文本"),
        (r"invalid YAML: (.+)", "YAML 格式错误：{0}"),
        (
            r"an agenda document must be a mapping with title, timezone and sessions",
            "日程文档必须是包含 title、timezone 和 sessions 的映射",
        ),
        (r"unknown time zone (.+); did you mean (.+)\?", "未知时区 {0}；你是不是指 {1}？"),
        (r"unknown time zone (.+)", "未知时区 {0}"),
        (r"offset (.+) is out of range", "偏移 {0} 超出范围"),
        (r"timezone: (.+)", "时区：{0}"),
        (
            r"sessions\.(\d+): id (.+) is used twice; skipped",
            "sessions.{0}：id {1} 重复使用；已跳过",
        ),
        (r"sessions\.(\d+): (.+)", "sessions.{0}：{1}"),
        (r"no session could be read", "没有可读取的议程"),
        (r"front matter (\S+) (.+) is not a date", "前置元数据 {0} 的值 {1} 不是日期"),
        (r"front matter (\S+): (.+)", "前置元数据 {0}：{1}"),
        (r"(.+) has no year and the page gives none", "{0} 没有年份，页面中也没有"),
        (r"(.+): the range ends before it starts", "{0}：日期范围的结束早于开始"),
        (r"(.+) is not a valid date \((.+)\)", "{0} 不是有效日期（{1}）"),
    )
)


def _problem_zh(message: str) -> str:
    for pattern, template in PROBLEMS_ZH:
        found = pattern.fullmatch(message)
        if found is not None:
            return template.format(*(_problem_zh(part) for part in found.groups()))
    if "; " in message:  # several reasons: "hour 25 does not exist (0-24); minute 99 ..."
        parts = message.split("; ")
        translated = [_problem_zh(part) for part in parts]
        if all(new != old for new, old in zip(translated, parts, strict=True)):
            return "；".join(translated)
    return message
