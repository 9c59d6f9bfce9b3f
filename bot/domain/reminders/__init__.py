"""Reminder planning and wording: who is reminded of which session, when, and in what words.

Pure: the runtime (bot/reminders) feeds it the agendas and the audience read from the database
and a clock, and delivers what it plans.
"""
