"""Readers turn agenda files (Markdown pages, native YAML, .ics) into schedules."""
