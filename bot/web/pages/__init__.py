"""The web agenda: server-rendered pages (English or Chinese) that list the public agendas,
their sessions and speakers, with every time in the organizers' zone and in UTC, and a small
script of ours that shows them in the viewer's own zone."""

from bot.web.pages.routes import Pages

__all__ = ["Pages"]
