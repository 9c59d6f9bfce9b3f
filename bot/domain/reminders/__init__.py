"""Reminders in the domain: who is reminded of which session and when (`plan.py`), what a
reminder or a change notice says (`message.py`, in no channel's markup), and what changed
between two versions of the agendas (`changes.py`).

Pure: the runtime (bot/dispatch) feeds it the agendas and the audience read from the database
and a clock, and delivers what it plans through the senders (bot/delivery), which write the
messages out.
"""
