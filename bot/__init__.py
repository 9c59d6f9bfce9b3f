"""agenda-bot: agendas read from the pages organizers publish, in every member's own time zone."""

__version__ = "0.1.0"
