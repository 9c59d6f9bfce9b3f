// Shows every session time in the viewer's zone (or one they pick), marks what is on now and
// next, and sessions that fall on another date than the organizers'. The page reads fine
// without it: every time is also written in the organizers' zone and in UTC.
(function () {
  "use strict";

  var STORE = "agenda-bot.zone";
  var ORGANIZERS = "@organizers";
  var lang = document.documentElement.lang || "en";
  var words = document.body.dataset;
  var formats = {};
  // Current zone names for older ones a browser may report, and each zone's city in the
  // page's language: from zones-<lang>.js, made by the server from the zone data it has.
  var zoneData = window.agendaBotZones || {};
  var aliases = zoneData.aliases || {};
  var cities = zoneData.cities || {};

  function currentName(zone) {
    return Object.prototype.hasOwnProperty.call(aliases, zone) ? aliases[zone] : zone;
  }

  function format(zone, kind) {
    var key = zone + "|" + kind;
    if (!formats[key]) {
      var options = { timeZone: zone };
      if (kind === "time") {
        options.hour = "2-digit";
        options.minute = "2-digit";
        options.hourCycle = "h23";
      } else if (kind === "day" || kind === "date") {
        options.weekday = "short";
        options.month = "short";
        options.day = "numeric";
        if (kind === "date") {
          options.year = "numeric";
        }
      } else if (kind === "iso") {
        options.year = "numeric";
        options.month = "2-digit";
        options.day = "2-digit";
      } else {
        options.timeZoneName = "longOffset";
      }
      formats[key] = new Intl.DateTimeFormat(kind === "iso" ? "en-US" : lang, options);
    }
    return formats[key];
  }

  function validZone(zone) {
    try {
      format(zone, "time");
      return true;
    } catch (error) {
      return false;
    }
  }

  function browserZone() {
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return zone && validZone(zone) ? currentName(zone) : "UTC";
    } catch (error) {
      return "UTC";
    }
  }

  function storedChoice() {
    try {
      return window.localStorage.getItem(STORE) || "";
    } catch (error) {
      return "";
    }
  }

  function storeChoice(value) {
    try {
      if (value) {
        window.localStorage.setItem(STORE, value);
      } else {
        window.localStorage.removeItem(STORE);
      }
    } catch (error) {
      // Storage may be off (private windows): the choice then lasts for this page only.
    }
  }

  function isoDate(moment, zone) {
    var parts = {};
    format(zone, "iso").formatToParts(moment).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function offsetLabel(moment, zone) {
    var name = "";
    format(zone, "offset").formatToParts(moment).forEach(function (part) {
      if (part.type === "timeZoneName") {
        name = part.value;
      }
    });
    name = name.replace(/^GMT/, "UTC");
    return !name || /^UTC[+-]00:?00$/.test(name) ? "UTC" : name;
  }

  function zoneLabel(zone, moment) {
    var offset = offsetLabel(moment, zone);
    // A zone without a place (UTC, Etc/GMT+5, an offset) is its offset.
    if (zone.indexOf("/") < 0 || zone.indexOf("Etc/") === 0) {
      return offset;
    }
    var city = Object.prototype.hasOwnProperty.call(cities, zone)
      ? cities[zone]
      : zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
    return words.tZoneLabel.replace("{city}", city).replace("{offset}", offset);
  }

  function timeElement(moment, text) {
    var element = document.createElement("time");
    element.setAttribute("datetime", moment.toISOString().replace(/\.000Z$/, "Z"));
    element.textContent = text;
    return element;
  }

  function show(block, choice) {
    var line = block.querySelector(".when-viewer");
    if (!line || !block.dataset.start) {
      return;
    }
    var zone = currentName(choice === ORGANIZERS ? block.dataset.orgZone : choice);
    if (!validZone(zone)) {
      zone = "UTC";
    }
    var start = new Date(block.dataset.start);
    var end = block.dataset.end ? new Date(block.dataset.end) : null;
    var day = isoDate(start, zone);
    var otherDay = day !== block.dataset.orgDate;
    // A session's or a speaker's page has no day headings: every time there carries its full
    // date. On an agenda, a time in another zone than the organizers' carries its date: a time
    // just after midnight is otherwise read against the day heading, which is the organizers'.
    var dated = block.hasAttribute("data-dated");
    var dayKind = dated ? "date" : "day";
    var withDay = dated || otherDay || zone !== block.dataset.orgZone;
    var time = line.querySelector(".viewer-time");
    time.textContent = "";
    time.appendChild(
      timeElement(
        start,
        (withDay ? format(zone, dayKind).format(start) + " " : "") +
          format(zone, "time").format(start)
      )
    );
    if (end) {
      var endDay = isoDate(end, zone) !== day ? format(zone, dayKind).format(end) + " " : "";
      time.appendChild(document.createTextNode("–"));
      time.appendChild(timeElement(end, endDay + format(zone, "time").format(end)));
    }
    line.querySelector(".viewer-zone").textContent = zoneLabel(zone, start);
    // The same time twice says nothing: the organizers' line and the UTC line step aside when
    // the viewer's zone is theirs.
    block.querySelectorAll(".when-org").forEach(function (other) {
      other.hidden = zone === block.dataset.orgZone;
    });
    block.querySelectorAll(".when-utc").forEach(function (other) {
      other.hidden = zone === "UTC";
    });
    var mark = line.querySelector(".other-day");
    mark.hidden = !otherDay;
    mark.textContent = otherDay
      ? words.tOtherDay
          .replace("{date}", block.dataset.orgDay)
          .replace("{city}", block.dataset.orgCity)
      : "";
    line.hidden = false;
  }

  function markNowAndNext() {
    var now = Date.now();
    document.querySelectorAll("[data-marks]").forEach(function (list) {
      var wanted = list.dataset.marks.split(" ");
      var blocks = Array.prototype.slice.call(list.querySelectorAll(".when[data-start]"));
      var next = Infinity;
      blocks.forEach(function (block) {
        var start = Date.parse(block.dataset.start);
        if (start > now && start < next) {
          next = start;
        }
      });
      blocks.forEach(function (block) {
        var start = Date.parse(block.dataset.start);
        var end = block.dataset.end ? Date.parse(block.dataset.end) : NaN;
        var state = "";
        if (wanted.indexOf("now") >= 0 && start <= now && now < end) {
          state = "now";
        } else if (wanted.indexOf("next") >= 0 && start === next) {
          state = "next";
        }
        var status = block.querySelector(".status");
        if (status) {
          status.hidden = !state;
          status.textContent = state === "now" ? words.tNow : state === "next" ? words.tNext : "";
          status.className = "status" + (state ? " status-" + state : "");
        }
        var item = block.closest(".session");
        if (item) {
          item.classList.toggle("is-now", state === "now");
          item.classList.toggle("is-next", state === "next");
        }
      });
    });
  }

  function render(choice) {
    document.querySelectorAll(".when").forEach(function (block) {
      show(block, choice || browserZone());
    });
    markNowAndNext();
  }

  function setUpPicker(choice) {
    var picker = document.getElementById("zone-picker");
    var select = document.getElementById("zone-choice");
    if (!picker || !select) {
      return choice;
    }
    var mine = browserZone();
    select.options[0].textContent = words.tZoneBrowser.replace("{zone}", mine.replace(/_/g, " "));
    var zones = [];
    try {
      zones = Intl.supportedValuesOf("timeZone");
    } catch (error) {
      zones = [];
    }
    // The browser lists some zones by older names (Asia/Calcutta): each by its current one.
    var seen = { UTC: true };
    zones = zones.concat([mine]).map(currentName).filter(function (zone) {
      var fresh = !seen[zone];
      seen[zone] = true;
      return fresh;
    });
    zones.sort();
    var group = document.createElement("optgroup");
    group.label = words.tZoneAll;
    zones.forEach(function (zone) {
      var option = document.createElement("option");
      option.value = zone;
      option.textContent = zone.replace(/_/g, " ");
      group.appendChild(option);
    });
    select.appendChild(group);
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === choice;
    });
    if (!known && choice && validZone(choice)) {
      var extra = document.createElement("option");
      extra.value = choice;
      extra.textContent = choice.replace(/_/g, " ");
      group.insertBefore(extra, group.firstChild);
      known = true;
    }
    select.value = known ? choice : "";
    select.addEventListener("change", function () {
      storeChoice(select.value);
      render(select.value);
    });
    picker.hidden = false;
    return select.value;
  }

  function start() {
    document.documentElement.classList.add("js");
    var converted = document.getElementById("converted");
    if (converted) {
      converted.hidden = false;
    }
    var choice = storedChoice();
    if (choice && choice !== ORGANIZERS) {
      choice = validZone(choice) ? currentName(choice) : "";
    }
    render(setUpPicker(choice));
    window.setInterval(markNowAndNext, 30000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
