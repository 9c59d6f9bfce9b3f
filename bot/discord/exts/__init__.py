"""One package per feature: `__init__.py` says what it holds and adds it to the bot (`setup`),
the commands are in `_cog.py`. Features never import each other; what they share is in
`bot.discord` (transformers, buttons, errors, formatting) or in the use cases (`bot.app`).
Every package here is loaded at start."""
