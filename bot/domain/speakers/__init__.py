"""Speakers as people: profiles read from speaker pages, and sessions linked to them."""
