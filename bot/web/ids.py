"""What an id in a URL may look like, checked before anything is looked up by it."""

from __future__ import annotations

from bot.domain.patterns import compiled

# A schedule's or a speaker's id.
ID = compiled(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
# A session's id, or one occurrence of a repeating session's (`weekly-call@20261203`, with the
# time when it meets more than once a day: `@20261203T1700`).
SESSION_ID = compiled(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}(@[0-9]{8}(T[0-9]{4})?)?$")
