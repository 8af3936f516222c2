/* Calendar files made in the browser, for deadlines counted from the day the citizen got a service
   ("When did you get it?"), and for any page script that has a list of events (a guided plan's
   calendar holds only the deadlines of the services that apply).

   Nothing is sent anywhere: the file is made here and saved as a download (a Blob). The events come
   from the page (#os-calendar-events, written by the site build: generator/deadlines/events.py), the
   words too (#os-calendar-words). The dates are counted as the build counts them
   (generator/deadlines/dates.py); tests/deadlines/test_parity.py holds the two equal.

   window.onestopCalendar:
     build(events, options)    -> the text of an RFC 5545 calendar. Each event is
                                  {uid, summary, description, url, start: "YYYY-MM-DD", freq: "YEARLY"|"MONTHLY",
                                   interval, remindDays}; options: {name, stamp: "YYYYMMDDTHHMMSSZ" (default: now)}.
     fromStart(template, day)  -> the event of a from-start template ({uid, summary, description, url, months,
                                  remindDays}) for a citizen who got the service on day ("YYYY-MM-DD").
     download(text, fileName)  -> saves the text as a file.
     events()                  -> the page's events: {fixed: [...], fromStart: [...]}.
     loadEvents(url)           -> a Promise of the events at url: a journey's, at its deadlines section's
                                  data-os-events (generator/deadlines/feeds.py). Fetched from this site only
                                  (the Content-Security-Policy's connect-src), and nothing is sent with it. */
(function () {
  "use strict";

  var PRODID = "-//onestop//Deadlines//EN";
  var EPOCH_YEAR = 2000;

  function pad(n, width) { var s = String(n); while (s.length < width) { s = "0" + s; } return s; }

  /* "YYYY-MM-DD" -> {y, m, d}, or null unless it is a real date. */
  function parseDay(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    if (!match) { return null; }
    var y = +match[1], m = +match[2], d = +match[3];
    var check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) { return null; }
    return {y: y, m: m, d: d};
  }

  function dayText(day) { return pad(day.y, 4) + "-" + pad(day.m, 2) + "-" + pad(day.d, 2); }
  function compact(day) { return pad(day.y, 4) + pad(day.m, 2) + pad(day.d, 2); }

  function nextDay(day) {
    var t = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
    return {y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate()};
  }

  /* One cycle after the start; a start day some months lack counts from the 28th (dates.py). */
  function firstFromStart(months, start) {
    var day = start.d;
    if (months % 12 === 0) { if (start.m === 2 && start.d === 29) { day = 28; } }
    else if (day > 28) { day = 28; }
    var index = (start.y - EPOCH_YEAR) * 12 + start.m - 1 + months;
    var years = Math.floor(index / 12);
    return {y: EPOCH_YEAR + years, m: index - years * 12 + 1, d: day};
  }

  function rule(months) {
    if (months % 12 === 0) { return {freq: "YEARLY", interval: months / 12}; }
    return {freq: "MONTHLY", interval: months};
  }

  function fromStart(template, dayText_) {
    var start = parseDay(dayText_);
    if (!start) { return null; }
    var r = rule(template.months);
    return {
      uid: template.uid.replace("@", "." + compact(start) + "@"),
      summary: template.summary, description: template.description, url: template.url,
      start: dayText(firstFromStart(template.months, start)), freq: r.freq, interval: r.interval,
      remindDays: template.remindDays, service: template.service
    };
  }

  /* TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped. */
  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  var encoder = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
  function octets(text) { return encoder ? encoder.encode(text).length : unescape(encodeURIComponent(text)).length; }

  /* Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a character. */
  function fold(line) {
    if (octets(line) <= 75) { return line + "\r\n"; }
    var out = "", current = "", limit = 75;
    Array.from(line).forEach(function (ch) {
      if (octets(current + ch) > limit) {
        out += current + "\r\n ";
        current = "";
        limit = 74;
      }
      current += ch;
    });
    return out + current + "\r\n";
  }

  function stampNow() {
    var t = new Date();
    return pad(t.getUTCFullYear(), 4) + pad(t.getUTCMonth() + 1, 2) + pad(t.getUTCDate(), 2) + "T" +
      pad(t.getUTCHours(), 2) + pad(t.getUTCMinutes(), 2) + pad(t.getUTCSeconds(), 2) + "Z";
  }

  function eventLines(event, stamp) {
    var start = parseDay(event.start);
    var rrule = "FREQ=" + event.freq + (event.interval > 1 ? ";INTERVAL=" + event.interval : "");
    var lines = [
      "BEGIN:VEVENT",
      "SUMMARY:" + escapeText(event.summary),
      "DTSTART;VALUE=DATE:" + compact(start),
      "DTEND;VALUE=DATE:" + compact(nextDay(start)),
      "DTSTAMP:" + stamp,
      "UID:" + event.uid,
      "RRULE:" + rrule,
      "DESCRIPTION:" + escapeText(event.description)
    ];
    if (event.url) { lines.push("URL:" + event.url); }
    lines.push("TRANSP:TRANSPARENT");
    if (event.remindDays !== null && event.remindDays !== undefined) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escapeText(event.summary),
                 "TRIGGER:" + (event.remindDays > 0 ? "-P" + event.remindDays + "D" : "P0D"), "END:VALARM");
    }
    lines.push("END:VEVENT");
    return lines;
  }

  function build(events, options) {
    options = options || {};
    var stamp = options.stamp || stampNow();
    var name = escapeText(options.name || "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    if (name) { lines.push("NAME:" + name, "X-WR-CALNAME:" + name); }
    events.forEach(function (event) { lines = lines.concat(eventLines(event, stamp)); });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("");
  }

  function download(text, fileName) {
    var blob = new Blob([text], {type: "text/calendar;charset=utf-8"});
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function readJson(id) {
    var block = typeof document !== "undefined" && document.getElementById(id);
    try { return block ? JSON.parse(block.textContent) : null; }
    catch (e) { return null; }
  }

  function pageEvents() {
    var events = readJson("os-calendar-events");
    if (!events || !Array.isArray(events.fixed) || !Array.isArray(events.fromStart)) { return {fixed: [], fromStart: []}; }
    return events;
  }

  function fill(message, values) {
    return message.replace(/%\((\w+)\)s/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* The form "When did you get it?": shown only when this script runs and the page has its words. */
  function enhance(form, words, templates) {
    var input = form.querySelector("input[type=date]");
    var status = form.querySelector(".os-from-start__status");
    var fileName = form.getAttribute("data-os-file") || "deadlines.ics";
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var made = templates.map(function (t) { return fromStart(t, input.value); });
      if (!input.value || made.indexOf(null) !== -1) {
        input.setAttribute("aria-invalid", "true");
        status.textContent = words.needDate;
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      download(build(made, {name: document.title}), fileName);
      status.textContent = fill(words.ready, {file: fileName});
    });
  }

  function init() {
    var words = readJson("os-calendar-words");
    if (!words || typeof words.needDate !== "string" || typeof words.ready !== "string") { return; }
    var templates = pageEvents().fromStart;
    if (!templates.length) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-os-from-start]"), function (form) {
      enhance(form, words, templates);
    });
  }

  function loadEvents(url) {
    return fetch(url, {credentials: "omit"}).then(function (response) {
      if (!response.ok) { throw new Error("calendar events: " + response.status); }
      return response.json();
    });
  }

  var api = {build: build, fromStart: fromStart, download: download, events: pageEvents, loadEvents: loadEvents};
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  if (typeof window !== "undefined") {
    window.onestopCalendar = api;
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
    else { init(); }
  }
})();
