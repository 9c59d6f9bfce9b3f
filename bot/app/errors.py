"""A request a use case turns down for a reason the person asking can fix."""

from __future__ import annotations


class Refused(Exception):
    """Why, as a text key of the catalogue (`bot.texts`) and the values it names."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values
