"""The reminder runtime: APScheduler jobs derived from agendas and people, delivered exactly once
through the ledger."""
