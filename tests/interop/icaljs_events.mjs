// Prints every VEVENT of an .ics file as ical.js (Thunderbird's parser) understands it.
// With an end (argv[3], an ISO instant) and a limit (argv[4]), each recurring event also lists
// its occurrences before that end, as ical.js's own iterator expands them (RRULE, RDATE,
// EXDATE) with the RECURRENCE-ID events of its UID applied, at most `limit` of them.
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const until = process.argv[3] ? ICAL.Time.fromJSDate(new Date(process.argv[3]), true) : null;
const limit = Number(process.argv[4] || 1000);

const instant = (time) => (time.isDate ? time.toString() : time.toJSDate().toISOString());

const components = calendar.getAllSubcomponents("vevent");
const exceptions = components.filter((c) => c.hasProperty("recurrence-id"));

const events = components.map((component) => {
  const event = new ICAL.Event(component);
  const found = {
    uid: event.uid,
    summary: event.summary,
    tzid: event.startDate.zone.tzid,
    isDate: event.startDate.isDate,
    start: instant(event.startDate),
    end: event.endDate ? instant(event.endDate) : null,
    status: component.getFirstPropertyValue("status"),
    url: component.getFirstPropertyValue("url"),
    description: component.getFirstPropertyValue("description"),
    sequence: event.sequence,
    recurrenceId: event.recurrenceId ? instant(event.recurrenceId) : null,
    // RFC 9073 PARTICIPANT components, which ical.js keeps as components it does not model.
    participants: component.getAllSubcomponents("participant").map((p) => ({
      type: p.getFirstPropertyValue("participant-type"),
      uid: p.getFirstPropertyValue("uid"),
      summary: p.getFirstPropertyValue("summary"),
      url: p.getFirstPropertyValue("url"),
    })),
  };
  if (until !== null && event.isRecurring() && !event.isRecurrenceException()) {
    for (const other of exceptions) {
      if (other.getFirstPropertyValue("uid") === event.uid) {
        event.relateException(other);
      }
    }
    const occurrences = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && occurrences.length < limit; next = iterator.next()) {
      if (next.compare(until) >= 0) {
        break;
      }
      const details = event.getOccurrenceDetails(next);
      occurrences.push({
        recurrenceId: instant(details.recurrenceId),
        start: instant(details.startDate),
        end: instant(details.endDate),
      });
    }
    found.occurrences = occurrences;
  }
  return found;
});
process.stdout.write(JSON.stringify(events));
