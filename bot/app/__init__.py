"""Use cases: what the adapters (Discord, the web server, the command line, the reminder
runtime) ask of agenda-bot, in one place each. Imports the domain and small storage Protocols;
never Discord, HTTP, the scheduler or the database."""
