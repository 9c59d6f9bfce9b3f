"""Writing agendas as iCalendar (RFC 5545) that every client shows at the right time.

The checklist these modules follow is docs/calendar-interop.md: IANA TZIDs with narrow VTIMEZONEs,
stable UIDs, SEQUENCE that rises on change, stamps from when the data changed (so unchanged data
gives byte-identical output), cancelled sessions kept for a grace period.
"""
