"""Time zones: naming, resolving what organizers write, and turning wall times into instants."""
