"""Replies in the member's language (the words are in `bot.texts`), and command names and
descriptions localised through discord.py's Translator."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.texts import text_for


def reply(interaction: discord.Interaction[Any], key: str, **values: object) -> str:
    """The reply `key` in the language of the member's Discord client."""
    return text_for(str(interaction.locale), key, **values)


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
