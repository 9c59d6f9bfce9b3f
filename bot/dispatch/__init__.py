"""The reminder runtime: APScheduler jobs derived from agendas and people, delivered exactly once
through the ledger.

`service.py` plans, keeps the job list and delivers; `messages.py` writes what each reminder
says; `outcomes.py` records each sender's answer; `notices.py` turns agenda edits into change
notices; `ports.py` names what the runtime reads about people.
"""
