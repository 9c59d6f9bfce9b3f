"""Agendas followed from their URLs: fetching under safety rules (`safety`, `fetch`), polling
with conditional requests and backoff, and the registry of followed URLs (`registry`)."""
