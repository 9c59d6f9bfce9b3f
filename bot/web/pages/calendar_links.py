"""Links that hand an agenda or a session to a calendar service.

Times go to Google as exact UTC instants (`...Z`), never as wall-clock times that the service
would read in its user's zone; an all-day session as dates with the end day excluded, as
iCalendar counts them.
"""

from __future__ import annotations

from datetime import UTC, timedelta
from urllib.parse import quote, urlencode

from bot.domain.agenda import Session

GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/r"
GOOGLE_EVENT = "https://calendar.google.com/calendar/render"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"
_UTC_STAMP = "%Y%m%dT%H%M%SZ"
_DAY = "%Y%m%d"


def google_subscribe(webcal_url: str) -> str:
    """Google Calendar's "add by URL" for a feed (`cid` takes the webcal:// address)."""
    return f"{GOOGLE_SUBSCRIBE}?cid={quote(webcal_url, safe='')}"


def outlook_subscribe(feed_url: str, name: str) -> str:
    """Outlook on the web's "subscribe from web" for a feed, named `name`."""
    return f"{OUTLOOK_SUBSCRIBE}?{urlencode({'url': feed_url, 'name': name}, quote_via=quote)}"


def google_dates(session: Session) -> str:
    """`dates=` for Google's event template: UTC start/end; a session without an end is an
    instant (start/start); an all-day one its days, the end exclusive."""
    if session.all_day:
        after = session.last_day + timedelta(days=1)
        return f"{session.first_day.strftime(_DAY)}/{after.strftime(_DAY)}"
    start = session.start.astimezone(UTC).strftime(_UTC_STAMP)
    end = session.end.astimezone(UTC).strftime(_UTC_STAMP) if session.end else start
    return f"{start}/{end}"


def google_event(session: Session, title: str, details: str, location: str) -> str:
    """Google Calendar's "add this event" page for one session."""
    query = {"action": "TEMPLATE", "text": title, "dates": google_dates(session)}
    if details:
        query["details"] = details
    if location:
        query["location"] = location
    return f"{GOOGLE_EVENT}?{urlencode(query, quote_via=quote, safe='/')}"
