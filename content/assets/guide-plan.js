/* Guided plans, the plan: which steps and options of a guide apply to some answers (the same
   three-valued evaluator as generator/conditions.py) and what they add up to (the same sums as
   generator/fees.py and graph.journey_totals, said as views/builder.totals_view says them), and the
   answers as the page's address holds them. It touches no page: the page is guide.js, which runs
   after it on guides that ask questions; node runs it in tests/guide/plan.js, and tests/guide/
   holds it equal to Python over every combination of answers. */
(function (root) {
  "use strict";

  var has = Object.prototype.hasOwnProperty;

  // -- The plan

  /* Whether a condition ({question: [answers]}) holds: true, false, or null while not known yet. */
  function holds(condition, answers) {
    if (!condition) { return true; }
    var known = true;
    for (var question in condition) {
      if (!has.call(condition, question)) { continue; }
      var answer = has.call(answers, question) ? answers[question] : null;
      if (answer === null) { known = false; }
      else if (condition[question].indexOf(answer) === -1) { return false; }
    }
    return known ? true : null;
  }

  /* A step with only a `when:` in words is never known: the citizen reads it and decides. */
  function stepState(step, answers) {
    if (!step["if"]) { return step.when ? null : true; }
    return holds(step["if"], answers);
  }

  /* Each step's state and each of its services' own conditions. */
  function plan(data, answers) {
    return data.steps.map(function (step) {
      return { state: stepState(step, answers),
               options: step.ifs.map(function (condition) { return holds(condition, answers); }) };
    });
  }

  var PERIODS = ["once", "year", "quarter", "month"];

  // A fee is [amount, currency, per (null, year, quarter, month or item), optional (0 or 1)].
  function addsUp(fee) { return !fee[3] && fee[2] !== "item"; }

  function serviceAmounts(service, currency) {
    var amounts = {};
    (service.fees || []).forEach(function (fee) {
      if (addsUp(fee) && fee[1] === currency) {
        var name = fee[2] || "once";
        amounts[name] = (has.call(amounts, name) ? amounts[name] : 0) + fee[0];
      }
    });
    return amounts;
  }

  function uncounted(service, currency) {
    return (service.fees || []).some(function (fee) { return !addsUp(fee) || fee[1] !== currency; });
  }

  /* The currency most fees are in (USD when there are none, or a tie with it). */
  function mainCurrency(services) {
    var counts = {};
    services.forEach(function (service) {
      (service.fees || []).forEach(function (fee) { counts[fee[1]] = (counts[fee[1]] || 0) + 1; });
    });
    var best = "USD", bestCount = -1, bestUsd = -1;
    Object.keys(counts).sort().forEach(function (currency) {
      var usd = currency === "USD" ? 1 : 0;
      if (counts[currency] > bestCount || (counts[currency] === bestCount && usd > bestUsd)) {
        best = currency; bestCount = counts[currency]; bestUsd = usd;
      }
    });
    return best;
  }

  function addNew(list, item) { if (list.indexOf(item) === -1) { list.push(item); } }

  /* The steps and options that may apply: [{step, state, options: [{ref, service, optional}]}]. */
  function chosen(data, planned) {
    var out = [];
    data.steps.forEach(function (step, i) {
      var p = planned[i];
      if (p.state === false) { return; }
      var options = [];
      step.services.forEach(function (ref, j) {
        if (p.options[j] !== false) { options.push({ ref: ref, service: data.services[ref], optional: p.options[j] === null }); }
      });
      out.push({ step: step, state: p.state, options: options });
    });
    return out;
  }

  function fees(steps) {
    var all = [];
    steps.forEach(function (c) { c.options.forEach(function (o) { all.push(o.service); }); });
    var currency = mainCurrency(all);
    var low = {}, high = {}, unknown = [], notCounted = [];
    steps.forEach(function (c) {
      var known = c.options.filter(function (o) { return o.service.fees !== null; });
      var counted = known.map(function (o) { return serviceAmounts(o.service, currency); });
      c.options.forEach(function (o) { if (o.service.fees === null) { addNew(unknown, o.ref); } });
      c.options.forEach(function (o) { if (uncounted(o.service, currency)) { addNew(notCounted, o.ref); } });
      PERIODS.forEach(function (name) {
        if (!counted.some(function (amounts) { return has.call(amounts, name); })) { return; }
        var values = counted.map(function (amounts) { return has.call(amounts, name) ? amounts[name] : 0; });
        var stepLow = 0, stepHigh = 0;
        if (c.step.one) {
          stepLow = Math.min.apply(null, values);
          stepHigh = Math.max.apply(null, values);
        } else {
          values.forEach(function (value, k) { if (!known[k].optional) { stepLow += value; } stepHigh += value; });
        }
        low[name] = (has.call(low, name) ? low[name] : 0) + (c.state === null ? 0 : stepLow);
        high[name] = (has.call(high, name) ? high[name] : 0) + stepHigh;
      });
    });
    if (!has.call(low, "once")) { low.once = 0; }
    if (!has.call(high, "once")) { high.once = 0; }
    var byPeriod = PERIODS.filter(function (name) { return has.call(high, name); })
      .map(function (name) { return { name: name, low: low[name], high: high[name] }; });
    return { currency: currency, byPeriod: byPeriod, unknown: unknown, uncounted: notCounted };
  }

  function time(steps) {
    var days = 0, timed = 0, withServices = 0, untimed = [];
    steps.forEach(function (c) {
      var known = [];
      c.options.forEach(function (o) {
        if (o.service.days === null) { addNew(untimed, o.ref); } else { known.push(o.service.days); }
      });
      days += known.length ? Math.max.apply(null, known) : 0;
      withServices += c.options.length ? 1 : 0;
      timed += c.options.length && known.length === c.options.length ? 1 : 0;
    });
    return { days: days, untimed: untimed, addsUp: withServices > 0 && 2 * timed > withServices };
  }

  // -- Numbers in words, as generator/formatting.py writes them

  function grouped(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /* x with two decimals, rounded as Python rounds (half to even on the exact value; toFixed
     rounds exact halves up). */
  function twoDecimals(x) {
    var exact = x.toFixed(100), dot = exact.indexOf(".");
    if (/^50*$/.test(exact.slice(dot + 3)) && (exact.charCodeAt(dot + 2) - 48) % 2 === 0) {
      return exact.slice(0, dot + 3);
    }
    return x.toFixed(2);
  }

  function money(amount, currency) {
    var text = Number.isInteger(amount) ? grouped(amount.toFixed(0)) : (function (t) {
      var dot = t.indexOf(".");
      return grouped(t.slice(0, dot)) + t.slice(dot);
    })(twoDecimals(amount));
    return currency === "USD" ? "$" + text : text + " " + currency;
  }

  /* A message with its "%(name)s" placeholders filled in, as the catalogue writes them. */
  function fill(message, values) {
    return message.replace(/%\((\w+)\)s/g, function (whole, name) {
      return has.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* The form of a message for `count`, by the plural category of the page's language. */
  function plural(forms, count, language, values) {
    var category = new Intl.PluralRules(language).select(count);
    return fill(has.call(forms, category) ? forms[category] : forms.other, values);
  }

  function moneyRange(low, high, words, currency) {
    return low === high ? money(low, currency) : fill(words.range, { low: money(low, currency), high: money(high, currency) });
  }

  /* The totals of a plan, in words: what views/builder.totals_view makes of graph.JourneyTotals. */
  function totals(data, planned) {
    var steps = chosen(data, planned), f = fees(steps), t = time(steps), words = data.words;
    var once = f.byPeriod.filter(function (m) { return m.name === "once"; })[0] || { low: 0, high: 0 };
    var timed = t.addsUp && t.days > 0;
    return {
      fees: moneyRange(once.low, once.high, words, f.currency),
      feesVary: f.byPeriod.some(function (m) { return m.low !== m.high; }),
      atLeast: f.unknown.length > 0 || f.uncounted.length > 0,
      countedAny: f.byPeriod.some(function (m) { return m.high > 0; }),
      recurring: f.byPeriod.filter(function (m) { return m.name !== "once"; }).map(function (m) {
        return fill(words[m.name], { amount: moneyRange(m.low, m.high, words, f.currency) });
      }),
      unknown: f.unknown,
      uncounted: f.uncounted,
      days: timed ? plural(words.days, t.days, data.language, { num: grouped(String(t.days)) }) : null,
      rightAway: t.addsUp && t.days === 0 && t.untimed.length === 0,
      untimed: t.untimed
    };
  }

  // -- Answers in the address: sorted, unknown keys and answers left out

  function answersFrom(hash, data) {
    var answers = {}, text = (hash || "").replace(/^#/, "");
    if (text.indexOf("=") === -1) { return null; }  // not answers: a link to a step, the skip link
    text.split("&").forEach(function (pair) {
      var at = pair.indexOf("="), key, value;
      try {
        key = decodeURIComponent(pair.slice(0, at));
        value = decodeURIComponent(pair.slice(at + 1));
      } catch (e) { return; }
      data.questions.forEach(function (q) {
        if (q.id === key && q.options.indexOf(value) !== -1) { answers[key] = value; }
      });
    });
    return answers;
  }

  function fragmentOf(answers) {
    return Object.keys(answers).sort().map(function (key) {
      return encodeURIComponent(key) + "=" + encodeURIComponent(answers[key]);
    }).join("&");
  }

  var guide = { holds: holds, stepState: stepState, plan: plan, totals: totals, money: money, fill: fill,
                plural: plural, answersFrom: answersFrom, fragmentOf: fragmentOf };
  if (typeof module !== "undefined" && module.exports) { module.exports = guide; }
  else { root.onestopGuidePlan = guide; }
})(typeof window !== "undefined" ? window : globalThis);
