"""Run by the system python3 (libical's GObject bindings live there): read an .ics from stdin
with libical and print, for each VEVENT, its UID, its RECURRENCE-ID and DTSTART as UTC instants,
and for each recurring one the starts libical's own expansion (RRULE, RDATE, EXDATE) gives from
argv[1] to argv[2] (UTC, seconds since 1970), as JSON."""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402 - after require_version

calendar = ICalGLib.Component.new_from_string(sys.stdin.read())
first, last = int(sys.argv[1]), int(sys.argv[2])
utc = ICalGLib.Timezone.get_utc_timezone()


def instant(moment, prop=None):
    """UTC seconds (a DATE as written); a TZID the time did not take from its property is
    looked up among the calendar's VTIMEZONEs."""
    if moment is None or moment.is_null_time():
        return None
    if moment.is_date():
        return moment.as_ical_string()
    zone = moment.get_timezone()
    tzid = prop.get_parameter_as_string("TZID") if prop is not None else None
    if zone is None and tzid:
        zone = calendar.get_timezone(tzid)
    return moment.as_timet_with_zone(zone or utc)


events = []
event = calendar.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
while event is not None:
    starts = []
    if event.get_first_property(ICalGLib.PropertyKind.RRULE_PROPERTY) is not None:

        def found(component, span, _data, starts=starts):
            starts.append(span.get_start())

        event.foreach_recurrence(
            ICalGLib.Time.new_from_timet_with_zone(first, 0, utc),
            ICalGLib.Time.new_from_timet_with_zone(last, 0, utc),
            found,
            None,
        )
    recurrence = event.get_first_property(ICalGLib.PropertyKind.RECURRENCEID_PROPERTY)
    events.append(
        {
            "uid": event.get_uid(),
            "start": instant(event.get_dtstart()),
            "recurrence_id": instant(event.get_recurrenceid(), recurrence) if recurrence else None,
            "occurrences": starts,
        }
    )
    event = calendar.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
print(json.dumps(events))
