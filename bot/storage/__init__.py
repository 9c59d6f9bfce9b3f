"""The database: members, follows, stars, feed tokens and the delivery ledger.

SQLAlchemy 2 on SQLite by default, PostgreSQL through DATABASE_URL. The database is the source
of truth for people and deliveries; schema changes go through numbered Alembic migrations
(`agenda-bot db upgrade`, and on start).
"""
