"""The readers' problems (file:line diagnostics) in the reader's language."""

from __future__ import annotations

import re

from bot.domain.diagnostics import Diagnostic
from bot.domain.patterns import compiled
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
    (compiled(pattern, re.DOTALL), template)
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
        # HTML pages.
        (r"not an HTML document \((.+)\)", "不是 HTML 文档（{0}）"),
        (
            r"the table has more than (\d+) cells \(its spans counted\); the rows from here on "
            r"are not read",
            "表格超过 {0} 个单元格（合并单元格计算在内）；从这里起的行未读取",
        ),
        # Recurring meetings ("every Wednesday at 5pm UTC", `repeat:` in YAML).
        (r"(.+); recurring meeting not imported", "{0}；该周期性会议未导入"),
        (
            r"(.+) does not say which weeks: add the date of one meeting \((.+)\)",
            "{0} 没有说明是哪几周：请写上某一次会议的日期（例如 {1}）",
        ),
        (
            r"(.+) gives no time of day \((.+)\)",
            "{0} 没有写明几点开会（例如 {1}）",
        ),
        (r"(.+) gives no time of day", "{0} 没有写明几点开会"),
        (
            r"(.+) mixes weekdays and weekdays of the month",
            "{0} 混用了每周的星期几和每月第几个星期几",
        ),
        (r"day (\d+) of the month does not exist", "每月不存在第 {0} 天"),
        (r"(.+): say which day of the month \((.+)\)", "{0}：请说明是每月哪一天（例如 {1}）"),
        (
            r"(.+): say which day of the week \((.+)\) or the date of one meeting",
            "{0}：请说明是星期几（例如 {1}）或写上某一次会议的日期",
        ),
        (r"the last date (.+) needs a year", "最后日期 {0} 需要写明年份"),
        (
            r"(.+): times of day with different minutes \((.+)\); write one line each",
            "{0}：几个开会时间的分钟不同（{1}）；请每个时间各写一行",
        ),
        (
            r"(.+) may mean every other week or the second (.+) of each month; write (.+) or (.+)",
            "{0} 既可能是隔周，也可能是每月第二个 {1}；请写成 {2} 或 {3}",
        ),
        (r"(.+) never meets; not imported", "{0} 从不开会；未导入"),
        (
            r"(.+) is not a day the meeting is on; the first meeting is (\S+)",
            "{0} 不是开会的日子；第一次会议是 {1}",
        ),
        (
            r"(.+) \((\S+)\) is not a day the meeting is on; nothing skipped",
            "{0}（{1}）不是开会的日子；没有跳过任何会议",
        ),
        (
            r"(.+) has no year; skipped on (\S+) only \(write the year\)",
            "{0} 没有年份；只跳过 {1} 这一次（请写明年份）",
        ),
        (
            r"end (\S+) is before start (\S+); the meeting is read without an end",
            "结束时间 {0} 早于开始时间 {1}；会议按没有结束时间读取",
        ),
        (r"(.+): not clear what this date is for; ignored", "{0}：不清楚这个日期的用途；已忽略"),
        (
            r"repeat (.+) is neither an RRULE \((.+)\) nor a recurrence in words \((.+)\)",
            "repeat {0} 既不是 RRULE（{1}），也不是文字写的重复规则（{2}）",
        ),
        (
            r"repeat (.+) does not say which weeks: give `start` \(or `date`\) the date of one "
            r"meeting",
            "repeat {0} 没有说明是哪几周：请在 `start`（或 `date`）中写上某一次会议的日期",
        ),
        (r"repeat (.+) never meets", "repeat {0} 从不开会"),
        (
            r"repeat: (\S+) is not a day (.+) meets; the first meeting is (\S+)",
            "repeat：{0} 不是 {1} 开会的日子；第一次会议是 {2}",
        ),
        (
            r"repeat says (\S+) but start is (\S+); give the time in `start` only",
            "repeat 写的是 {0}，而 start 是 {1}；请只在 `start` 中写时间",
        ),
        (
            r"except: (.+) is not a meeting of (.+); nothing skipped",
            "except：{0} 不是 {1} 的一次会议；没有跳过任何会议",
        ),
        (r"repeat (.+) does not read as an RRULE: (.+)", "repeat {0} 不是有效的 RRULE：{1}"),
        (r"repeat: (.+)", "repeat：{0}"),
        (
            r"(.+) is not an RRULE \(NAME=VALUE parts separated by ';'\)",
            "{0} 不是 RRULE（应为用 ';' 分隔的 NAME=VALUE）",
        ),
        (r"(.+) has no FREQ", "{0} 没有 FREQ"),
        (
            r"(.+): FREQ=(\S+) is not for meetings \(DAILY, WEEKLY, MONTHLY or YEARLY\)",
            "{0}：FREQ={1} 不适用于会议（请用 DAILY、WEEKLY、MONTHLY 或 YEARLY）",
        ),
        (r"(.+) does not read as an RRULE: (.+)", "{0} 不是有效的 RRULE：{1}"),
        (
            r"(.+) has both UNTIL and COUNT \(RFC 5545 allows one\)",
            "{0} 同时写了 UNTIL 和 COUNT（RFC 5545 只允许其中之一）",
        ),
        (r"(.+) gives ([A-Z]+) twice", "{0} 写了两次 {1}"),
        (
            r"(.+): BYSECOND is not for meetings \(they start on a minute\)",
            "{0}：BYSECOND 不适用于会议（会议按分钟开始）",
        ),
        (
            r"(.+): (\S+) is not a part of an RRULE this bot reads",
            "{0}：{1} 不是本机器人能读取的 RRULE 部分",
        ),
        (
            r"(.+): ([A-Z]+)=(.*) must be a whole number from (\d+) to (\d+)",
            "{0}：{1}={2} 必须是 {3} 到 {4} 之间的整数",
        ),
        (
            r"(.+): ([A-Z]+)=(.*) must be a whole number of at least (\d+)",
            "{0}：{1}={2} 必须是不小于 {3} 的整数",
        ),
        (r"BYDAY=(.+) is not a list of weekdays", "BYDAY={0} 不是星期几的列表"),
        (r"(.+): WKST=(.+) is not a weekday", "{0}：WKST={1} 不是星期几"),
        (
            r"(.+) meets (\d+) times a day; a meeting series meets at most (\d+) times a day",
            "{0} 每天开会 {1} 次；周期性会议每天最多开 {2} 次",
        ),
        (r"(.+) meets more than (\d+) times a year", "{0} 一年开会超过 {1} 次"),
        (
            r"(.+): BYSETPOS=(\S+) asks for more meetings than one period has \((\d+)\)",
            "{0}：BYSETPOS={1} 超过了一个周期内的会议次数（{2}）",
        ),
        (
            r"(.+): this rule never meets after its first date",
            "{0}：此规则在第一次会议之后不再开会",
        ),
        (
            r"(.+) never meets: no month it names has those days",
            "{0} 从不开会：所列月份没有这些日期",
        ),
        (
            r"(.+) never meets: those weekdays never fall on those days of the month",
            "{0} 从不开会：这些星期几不会落在这些日期上",
        ),
        (
            r"(.+): (BYWEEKNO|BYYEARDAY) is not for meetings; name the months and days instead",
            "{0}：{1} 不适用于会议；请写明月份和日期",
        ),
        (r"(.+) cannot be expanded: (.+)", "{0} 无法展开：{1}"),
        (
            r"(.+): meetings that repeat within a day \(hourly, every few minutes\) are not "
            r"supported; write each meeting's time",
            "{0}：不支持一天内重复的会议（每小时、每隔几分钟）；请写出每次会议的时间",
        ),
        # Recurring events in .ics files (RRULE, EXDATE, RDATE, RECURRENCE-ID).
        (r"RRULE is given (\d+) times; the first is read", "RRULE 写了 {0} 次；只读取第一个"),
        (
            r"RDATE (.+) is a PERIOD; only dates and date-times are read, so it is left out",
            "RDATE {0} 是时间段（PERIOD）；只读取日期和日期时间，已忽略",
        ),
        (
            r"RECURRENCE-ID: no recurring event with UID (.+) in this calendar; "
            r"read as a single event",
            "RECURRENCE-ID：日历中没有 UID 为 {0} 的周期性活动；按单次活动读取",
        ),
        (
            r"RECURRENCE-ID (.+) is not an occurrence of its recurring event; "
            r"this change is left out",
            "RECURRENCE-ID {0} 不是其周期性活动的某一次；这项改动已忽略",
        ),
        (
            r"RECURRENCE-ID (.+) is changed twice; the first is kept",
            "RECURRENCE-ID {0} 被改动了两次；保留第一次",
        ),
        (
            r"RANGE=THISANDFUTURE: only this one occurrence is changed",
            "RANGE=THISANDFUTURE：只改动这一次",
        ),
        (
            r"a second recurring event with UID (.+); read on its own",
            "第二个 UID 为 {0} 的周期性活动；单独读取",
        ),
        (
            r"a recurring event must start between the years (\d+) and (\d+) \(DTSTART (\S+)\)",
            "周期性活动必须在 {0} 年到 {1} 年之间开始（DTSTART {2}）",
        ),
        (r"more than (\d+) occurrences in one window", "一个时间段内超过 {0} 次"),
        (r"RRULE (.*): (.+)", "RRULE {0}：{1}"),
        (r"RRULE ('.+)", "RRULE {0}"),
        (r"not a valid iCalendar file: (.+)", "不是有效的 iCalendar 文件：{0}"),
        (r"no event could be read from this calendar", "无法从该日历中读取任何活动"),
        (r"event skipped: (.+)", "已跳过活动：{0}"),
        (r"cannot read: (.+)", "无法读取：{0}"),
        (r"unknown agenda format; use one of (.+)", "未知的日程格式；请使用以下格式之一：{0}"),
        (
            r"the file is (\d+) KB; agendas are limited to (\d+) KB",
            "文件大小为 {0} KB；日程文件不能超过 {1} KB",
        ),
        (
            r"the file is (\d+) KB; HTML pages are limited to (\d+) KB",
            "文件大小为 {0} KB；HTML 页面不能超过 {1} KB",
        ),
        (
            r"the page is (\d+) KB without its scripts, styles, inline images and comments; "
            r"agendas are limited to (\d+) KB",
            "页面去掉脚本、样式、内嵌图片和注释后仍有 {0} KB；日程不能超过 {1} KB",
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
        # Seats ("限额 100 人", `capacity: 80`).
        (
            r"front matter (\S+) (.+) is not a number of seats; ignored",
            "前置元数据 {0} 的值 {1} 不是座位数；已忽略",
        ),
        (
            r"(\d+) seats here, (\d+) on line (\d+); using (\d+)",
            "此处写的是 {0} 个座位，第 {2} 行写的是 {1} 个；采用 {3}",
        ),
        (
            r"(\d+) seats here, (\d+) in the front matter (\S+); using (\d+)",
            "此处写的是 {0} 个座位，前置元数据 {2} 写的是 {1} 个；采用 {3}",
        ),
        (r"capacity: (.+)", "capacity：{0}"),
        (r"(.+) is less than the minimum of (\d+)", "{0} 小于最小值 {1}"),
        (r"(.+) is greater than the maximum of (\d+)", "{0} 大于最大值 {1}"),
        (r"(.+) is not of type 'integer'", "{0} 不是整数"),
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
