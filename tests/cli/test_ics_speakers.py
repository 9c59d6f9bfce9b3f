"""`agenda-bot ics` links speakers to their profiles as the feeds do."""

from __future__ import annotations

from icalendar import Calendar

from tests.cli.test_agenda_commands import run
from tests.helpers import ROOT


def test_ics_of_the_schedules_folder_names_profiled_speakers_with_their_links() -> None:
    code, out, _ = run("ics", str(ROOT / "schedules"))
    assert code == 0
    events = {str(e["uid"]): e for e in Calendar.from_ical(out.encode()).walk("VEVENT")}
    [aeraki] = [e for uid, e in events.items() if "full-stack-service-grid" in uid]
    description = str(aeraki["description"])
    assert "Huabing Zhao" in description
    assert "https://www.linkedin.com/in/zhaohuabing" in description
    [participant] = aeraki.walk("PARTICIPANT")
    assert str(participant["summary"]) == "Huabing Zhao"
    assert str(participant["url"]) == "https://www.linkedin.com/in/zhaohuabing"
