// Prints every VEVENT of an .ics file as ical.js (Thunderbird's parser) understands it.
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    tzid: event.startDate.zone.tzid,
    isDate: event.startDate.isDate,
    start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
    end: event.endDate
      ? (event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString())
      : null,
    status: component.getFirstPropertyValue("status"),
    sequence: event.sequence,
  };
});
process.stdout.write(JSON.stringify(events));
