"""Run by the system python3 (libical's GObject bindings live there): parse an .ics from stdin
with libical, apply its restriction checks, print the X-LIC-ERROR lines it added as JSON."""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402 - after require_version

component = ICalGLib.Component.new_from_string(sys.stdin.read())
if component is None:
    print(json.dumps(["libical could not parse the calendar"]))
    sys.exit(0)
component.check_restrictions()
errors = [
    line for line in component.as_ical_string().splitlines() if line.startswith("X-LIC-ERROR")
]
print(json.dumps(errors))
