// Runs the browser's calendar builder (content/assets/calendar.js) on the inputs given on stdin:
// {stamp, name, fixed: [event], fromStart: [{template, day}]} -> {fixed: ics, fromStart: ics, made: [event]}.
"use strict";
const path = require("path");
const calendar = require(path.join(__dirname, "..", "..", "content", "assets", "calendar.js"));

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const made = job.fromStart.map((item) => calendar.fromStart(item.template, item.day));
  process.stdout.write(JSON.stringify({
    fixed: calendar.build(job.fixed, {stamp: job.stamp, name: job.name}),
    fromStart: calendar.build(made.filter((e) => e !== null), {stamp: job.stamp, name: job.name}),
    made: made,
  }));
});
