// The plan in the browser's evaluator (content/assets/guide-plan.js), for tests/guide/test_parity.py.
// stdin: {cases: [{data, answers: [{question: answer}, ...]}], fragments: [{hash, data}], answers: [{...}]}
// stdout: {plans: [[{states, options, totals}, ...]], fragments: [answers or null], written: [fragment]}
"use strict";
const path = require("path");
const guide = require(path.join(__dirname, "../../content/assets/guide-plan.js"));

const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const plans = input.cases.map(({ data, answers }) => answers.map((given) => {
  const planned = guide.plan(data, given);
  return { states: planned.map((p) => p.state), options: planned.map((p) => p.options),
           totals: guide.totals(data, planned) };
}));
const fragments = input.fragments.map(({ hash, data }) => guide.answersFrom(hash, data));
const written = input.answers.map((answers) => guide.fragmentOf(answers));
const money = input.money.map((amount) => guide.money(amount, "USD"));
process.stdout.write(JSON.stringify({ plans, fragments, written, money }));
