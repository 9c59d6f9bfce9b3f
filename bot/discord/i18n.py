"""Replies in the member's language (English, Simplified Chinese), and command names and
descriptions localised through discord.py's Translator."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import discord
from discord import app_commands

from bot.domain.diagnostics import Diagnostic
from bot.domain.reminders.render import language

REPLIES: dict[str, dict[str, str]] = {
    "en": {
        "zone_set": "Your time zone is now **{zone}** (it is {now} there).",
        "zone_show": "Your time zone is **{zone}** (it is {now} there).",
        "zone_none": "You have not set a time zone. Times are shown with Discord timestamps, which your app shows in its own zone. Set yours with `/timezone set`.",
        "zone_cleared": "Your time zone is cleared.",
        "unknown_zone": "I don't know the time zone {zone!r}. Pick one from the list, or type an IANA name such as Europe/Berlin.",
        "unknown_schedule": "There is no agenda {schedule!r} here. `/schedules list` shows the agendas.",
        "unknown_session": "Agenda {schedule!r} has no session {session!r}.",
        "no_schedules": "No agendas yet. Organizers can add one with `/schedules import`.",
        "which_schedule": "Several agendas are available; choose one with the `schedule` option.",
        "no_permission": "You need the Manage Events permission for this command.",
        "dms_closed": "I cannot send you direct messages: please allow DMs from server members, then try again.",
        "apology": "Sorry, something went wrong on my side. It has been logged.",
        "agenda_title": "{title}",
        "agenda_footer": "Times in {zone}. ▶ on now · ⏭ next · ↪ another date for the organizers",
        "agenda_footer_nozone": "Times use Discord timestamps. Set your zone with /timezone set to see them written out.",
        "no_day": "{schedule!r} has nothing on {day}.",
        "next_none": "Nothing more is coming up in {title}.",
        "next_line": "**{title}** {relative} — {when}",
        "now_line": "On now: **{title}** (until {until})",
        "speakers": "Speakers",
        "where": "Where",
        "links": "Links",
        "when": "When",
        "remind_me": "Remind me",
        "add_calendar": "Add to calendar",
        "starred": "⭐ Added **{title}** to your agenda; I will remind you {lead} before it.",
        "already_starred": "**{title}** is already in your agenda.",
        "unstarred": "Removed **{title}** from your agenda.",
        "not_starred": "**{title}** was not in your agenda.",
        "mine_empty": "Your agenda is empty. Star sessions with `/star` or the Remind me button.",
        "mine_title": "My agenda",
        "convert_none": "I found no time in that. Try “14:00 CST” or “9am PT”.",
        "convert_assumed": "(no zone given: read as {zone})",
        "remind_on": "DM reminders are on: you will get one {lead} before sessions you starred or agendas you follow.",
        "remind_off": "DM reminders are off. Starred sessions still appear in your personal feed.",
        "remind_lead": "Your reminders now come {lead} before each session.",
        "bad_lead": "A lead time is between 0 and 10080 minutes (one week).",
        "ics_file": "Here is {what} as a calendar file.",
        "subscribe": "Your personal calendar feed (keep it private; `/subscribe reset:True` replaces it):\n{https}\n{webcal}",
        "subscribe_reset": "Your old feed link no longer works. The new one:\n{https}\n{webcal}",
        "followed": "{channel} now gets reminders for **{title}**{role}.",
        "unfollowed": "{channel} no longer gets reminders for **{title}**.",
        "not_following": "{channel} was not following **{title}**.",
        "schedules_list": "Agendas:\n{lines}",
        "imported": "Imported **{title}** ({sessions} sessions) as `{schedule}`.",
        "import_failed": "I could not read {name}:\n{problems}",
        "import_warnings": "Warnings:\n{problems}",
        "import_format": "Attach a Markdown (.md), YAML (.yaml) or iCalendar (.ics) agenda.",
        "import_too_big": "the file is {size} KB; agendas are limited to {limit} KB",
        "problem_line": "line {line}: {message}",
        "zone_set_offset": "Your time zone is now **{zone}**, which keeps {offset} all year (it is {now} there).",
        "offset_no_zone": "No time zone keeps {offset} all year. Pick your city or an IANA name instead.",
        "offset_no_zone_examples": "No time zone keeps {offset} all year. Pick your city or an IANA name instead (at that offset today: {zones}).",
        "starred_late": "⭐ Added **{title}** to your agenda. {late}",
        "already_starred_late": "**{title}** is already in your agenda. {late}",
        "too_late_soon": "It starts in {until}, sooner than your reminder {lead} before, so no reminder will come.",
        "too_late_started": "It has already started, so no reminder will come.",
        "session_gone": "That session is no longer on the agenda: it was removed, or its agenda was.",
        "lead_not_number": "{lead!r} is not a number. Write lead times in minutes, or like 1d, 2h, 15m (several: 1d,15m).",
        "day_heading": "{weekday} {date}",
        "weekdays": "Mon Tue Wed Thu Fri Sat Sun",
    },
    "zh": {
        "zone_set": "你的时区已设为 **{zone}**（当地时间 {now}）。",
        "zone_show": "你的时区是 **{zone}**（当地时间 {now}）。",
        "zone_none": "你还没有设置时区。时间以 Discord 时间戳显示，会按你的设备时区呈现。使用 `/timezone set` 设置时区。",
        "zone_cleared": "已清除你的时区。",
        "unknown_zone": "无法识别时区 {zone!r}。请从列表中选择，或输入 IANA 名称，例如 Asia/Shanghai。",
        "unknown_schedule": "这里没有日程 {schedule!r}。使用 `/schedules list` 查看所有日程。",
        "unknown_session": "日程 {schedule!r} 中没有议程 {session!r}。",
        "no_schedules": "还没有日程。组织者可以用 `/schedules import` 添加。",
        "which_schedule": "有多个日程，请用 `schedule` 选项选择一个。",
        "no_permission": "此命令需要“管理活动”权限。",
        "dms_closed": "无法给你发送私信：请允许来自服务器成员的私信后再试。",
        "apology": "抱歉，我这边出了问题，已记录下来。",
        "agenda_title": "{title}",
        "agenda_footer": "时间为 {zone}。▶ 进行中 · ⏭ 下一场 · ↪ 与组织者日期不同",
        "agenda_footer_nozone": "时间以 Discord 时间戳显示。使用 /timezone set 设置时区即可看到写出的时间。",
        "no_day": "{schedule!r} 在 {day} 没有安排。",
        "next_none": "{title} 没有后续议程了。",
        "next_line": "**{title}** {relative} — {when}",
        "now_line": "进行中：**{title}**（至 {until}）",
        "speakers": "讲师",
        "where": "地点",
        "links": "链接",
        "when": "时间",
        "remind_me": "提醒我",
        "add_calendar": "加入日历",
        "starred": "⭐ 已将 **{title}** 加入你的日程，将在开始前 {lead} 提醒你。",
        "already_starred": "**{title}** 已在你的日程中。",
        "unstarred": "已将 **{title}** 移出你的日程。",
        "not_starred": "**{title}** 不在你的日程中。",
        "mine_empty": "你的日程是空的。使用 `/star` 或“提醒我”按钮收藏议程。",
        "mine_title": "我的日程",
        "convert_none": "没有找到时间。试试“14:00 CST”或“9am PT”。",
        "convert_assumed": "（未给出时区：按 {zone} 理解）",
        "remind_on": "私信提醒已开启：收藏的议程和关注的日程会在开始前 {lead} 提醒你。",
        "remind_off": "私信提醒已关闭。收藏的议程仍会出现在你的个人日历订阅中。",
        "remind_lead": "今后将在每场议程开始前 {lead} 提醒你。",
        "bad_lead": "提前时间须在 0 到 10080 分钟（一周）之间。",
        "ics_file": "这是 {what} 的日历文件。",
        "subscribe": "你的个人日历订阅（请勿外传；`/subscribe reset:True` 可更换）：\n{https}\n{webcal}",
        "subscribe_reset": "旧的订阅链接已失效。新的链接：\n{https}\n{webcal}",
        "followed": "{channel} 将收到 **{title}** 的提醒{role}。",
        "unfollowed": "{channel} 不再收到 **{title}** 的提醒。",
        "not_following": "{channel} 之前没有关注 **{title}**。",
        "schedules_list": "日程：\n{lines}",
        "imported": "已导入 **{title}**（{sessions} 场），编号 `{schedule}`。",
        "import_failed": "无法读取 {name}：\n{problems}",
        "import_warnings": "警告：\n{problems}",
        "import_format": "请附上 Markdown (.md)、YAML (.yaml) 或 iCalendar (.ics) 格式的日程。",
        "import_too_big": "文件大小为 {size} KB；日程文件不能超过 {limit} KB",
        "problem_line": "第 {line} 行：{message}",
        "zone_set_offset": "你的时区已设为 **{zone}**，全年保持 {offset}（当地时间 {now}）。",
        "offset_no_zone": "没有全年保持 {offset} 的时区。请改为输入你所在的城市或 IANA 名称。",
        "offset_no_zone_examples": "没有全年保持 {offset} 的时区。请改为输入你所在的城市或 IANA 名称（今天处于该偏移的有：{zones}）。",
        "starred_late": "⭐ 已将 **{title}** 加入你的日程。{late}",
        "already_starred_late": "**{title}** 已在你的日程中。{late}",
        "too_late_soon": "它将在 {until}后开始，早于你设定的提前 {lead} 提醒，因此不会再发送提醒。",
        "too_late_started": "它已经开始，因此不会再发送提醒。",
        "session_gone": "该议程已不在日程中：它或它所在的日程已被移除。",
        "lead_not_number": "{lead!r} 不是数字。提前时间请写分钟数，或写成 1d、2h、15m（多个：1d,15m）。",
        "day_heading": "{date} {weekday}",
        "weekdays": "周一 周二 周三 周四 周五 周六 周日",
    },
}


def reply(interaction: discord.Interaction[Any], key: str, **values: object) -> str:
    """The reply `key` in the language of the member's Discord client."""
    return text_for(str(interaction.locale), key, **values)


def text_for(locale: str | None, key: str, **values: object) -> str:
    return REPLIES[language(locale)][key].format(**values)


def lead_text(minutes: int, locale: str | None) -> str:
    zh = language(locale) == "zh"
    if minutes % 1440 == 0 and minutes:
        days = minutes // 1440
        return f"{days} 天" if zh else f"{days} day{'s' if days > 1 else ''}"
    if minutes % 60 == 0 and minutes:
        hours = minutes // 60
        return f"{hours} 小时" if zh else f"{hours} hour{'s' if hours > 1 else ''}"
    return f"{minutes} 分钟" if zh else f"{minutes} minute{'s' if minutes != 1 else ''}"


def day_heading(day: date, locale: str | None) -> str:
    """ "Tue 2025-09-09", "2025-09-09 周二": from the catalogue, never from the process locale."""
    weekday = text_for(locale, "weekdays").split()[day.weekday()]
    return text_for(locale, "day_heading", weekday=weekday, date=day.isoformat())


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


# Command names and descriptions in Simplified Chinese; English is the source text.
COMMANDS_ZH: dict[str, str] = {
    "timezone": "时区",
    "Set, show or clear your time zone": "设置、查看或清除你的时区",
    "set": "设置",
    "Set your time zone": "设置你的时区",
    "show": "查看",
    "Show your time zone": "查看你的时区",
    "clear": "清除",
    "Forget your time zone": "清除你的时区",
    "zone": "时区",
    "A city, country, IANA name or abbreviation": "城市、国家、IANA 名称或缩写",
    "agenda": "日程",
    "The agenda in your time zone": "按你的时区显示日程",
    "schedule": "日程",
    "Which agenda (default: the only one)": "哪个日程（默认：唯一的那个）",
    "day": "日期",
    "Only this day (YYYY-MM-DD, in your time zone)": "只看这一天（YYYY-MM-DD，按你的时区）",
    "next": "下一场",
    "The next sessions, with a countdown": "即将开始的议程及倒计时",
    "session": "议程",
    "A session's details, speakers and links": "议程详情、讲师和链接",
    "Which session": "哪一场议程",
    "convert": "换算",
    "Convert a time into your time zone": "把时间换算到你的时区",
    "time": "时间",
    "A time such as 14:00 CST or 9am PT": "时间，例如 14:00 CST 或 9am PT",
    "from_zone": "原时区",
    "The zone the time is in, if it does not say": "时间所在的时区（如未写明）",
    "to_zone": "目标时区",
    "The zone to convert into (default: yours)": "换算到的时区（默认：你的时区）",
    "Convert times": "换算时间",
    "ics": "日历文件",
    "An agenda or a session as a calendar file": "把日程或议程导出为日历文件",
    "Only this session": "只导出这一场",
    "subscribe": "订阅",
    "Your personal calendar feed link": "你的个人日历订阅链接",
    "Also add this whole agenda to your feed": "把整个日程加入你的订阅",
    "reset": "重置",
    "Revoke your link and issue a new one": "作废旧链接并生成新链接",
    "remind": "提醒",
    "Direct-message reminders": "私信提醒",
    "on": "开启",
    "Get DM reminders for sessions you starred and agendas you follow": "为收藏的议程和关注的日程接收私信提醒",
    "off": "关闭",
    "Stop DM reminders": "停止私信提醒",
    "lead": "提前",
    "How long before a session you are reminded": "提前多久提醒你",
    "minutes": "分钟",
    "Minutes before the session (0 to 10080)": "议程开始前的分钟数（0 到 10080）",
    "star": "收藏",
    "Add a session to your agenda and get reminded": "把议程加入你的日程并接收提醒",
    "unstar": "取消收藏",
    "Remove a session from your agenda": "把议程移出你的日程",
    "mine": "我的日程",
    "Your personal agenda": "你的个人日程",
    "follow": "关注",
    "Post reminders for an agenda in a channel": "在频道中发布某个日程的提醒",
    "channel": "频道",
    "Where reminders go": "提醒发往的频道",
    "role": "身份组",
    "A role to mention in reminders": "提醒中提及的身份组",
    "Lead times, e.g. 1d,15m (default: the bot's)": "提前时间，例如 1d,15m（默认：机器人的设置）",
    "unfollow": "取消关注",
    "Stop reminders for an agenda in a channel": "停止频道中某个日程的提醒",
    "schedules": "日程管理",
    "Agendas available here": "这里可用的日程",
    "list": "列表",
    "List the agendas": "列出日程",
    "import": "导入",
    "Import an attached agenda for this server": "为本服务器导入附件中的日程",
    "file": "文件",
    "A Markdown, YAML or .ics agenda": "Markdown、YAML 或 .ics 格式的日程",
}


class AgendaTranslator(app_commands.Translator):
    """Localises command names, descriptions and options for zh-CN; others stay English."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale is not discord.Locale.chinese:
            return None
        return COMMANDS_ZH.get(string.message)
