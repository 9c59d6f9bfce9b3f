"""The agendas the bot serves: read from the schedules folder and from the agendas Discord
servers imported (kept in the database), kept current, watched for edits and new imports.

An adapter around the domain readers: it touches the filesystem, the clock, the revision store
and the imports store. Everything else (feeds, reminders, the Discord bot) asks it for the
current snapshot.
"""
