"""The agendas the bot serves: read from the schedules folder, kept current, watched for edits.

An adapter around the domain readers: it touches the filesystem, the clock and the revision
store. Everything else (feeds, reminders, the Discord bot) asks it for the current snapshot.
"""
