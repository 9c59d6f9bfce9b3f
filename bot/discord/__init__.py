"""The Discord bot: slash commands (one cog per feature) that answer in each member's own time
zone and language. Thin: parse input, call the domain and storage, format the reply."""
