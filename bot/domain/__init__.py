"""The pure domain: agenda model, readers, time zones.

Nothing below this package may import Discord, aiohttp, APScheduler or the database; a test walks
these modules to keep it that way. Adapters call in; the domain never calls out.
"""
