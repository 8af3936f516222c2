/* Guided plans: a guide's questions tailor its page to the citizen's answers, in the browser only.

   The first half is the plan: which steps and options apply to some answers (the same three-valued
   evaluator as generator/conditions.py) and what they add up to (the same sums as generator/fees.py
   and graph.journey_totals, said as views/builder.totals_view says them). node runs it in
   tests/guide/plan.js, and tests/guide/ holds it equal to Python over every combination of answers.

   The second half is the page. The answers live in the page's address, in the fragment
   (#location=allegheny&structure=llc: sorted, unknown keys and answers ignored), which browsers
   never send to a server; nothing is stored unless the citizen ticks "Remember my answers on this
   device" (then localStorage, shared by every guide that asks the same question), and "Forget my
   answers" removes it. No cookie, no request. Every word comes from the page's data block
   (#os-guide-data, from the message catalogue). Without this script, or when its data is missing or
   broken, the page stays as it is: every step shown, with when it applies. */
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

  var guide = { holds: holds, stepState: stepState, plan: plan, totals: totals, money: money,
                answersFrom: answersFrom, fragmentOf: fragmentOf };
  if (typeof module !== "undefined" && module.exports) { module.exports = guide; }
  if (typeof document === "undefined") { return; }
  root.onestopGuide = guide;

  // -- The page

  var ANSWERS_KEY = "onestop:answers", REMEMBER_KEY = "onestop:remember-answers";

  function storage() {
    try { return root.localStorage || null; } catch (e) { return null; }
  }

  function remembering() {
    try { return storage().getItem(REMEMBER_KEY) === "yes"; } catch (e) { return false; }
  }

  function rememberedAnswers(data) {
    var kept;
    try { kept = JSON.parse(storage().getItem(ANSWERS_KEY) || "{}"); } catch (e) { return {}; }
    var answers = {};
    data.questions.forEach(function (q) {
      if (kept && typeof kept === "object" && has.call(kept, q.id) && q.options.indexOf(kept[q.id]) !== -1) {
        answers[q.id] = kept[q.id];
      }
    });
    return answers;
  }

  /* Keep this guide's answers with those other guides left (their questions stay as they were). */
  function remember(data, answers) {
    try {
      var kept = JSON.parse(storage().getItem(ANSWERS_KEY) || "{}");
      if (!kept || typeof kept !== "object" || Array.isArray(kept)) { kept = {}; }
      data.questions.forEach(function (q) {
        if (has.call(answers, q.id)) { kept[q.id] = answers[q.id]; } else { delete kept[q.id]; }
      });
      storage().setItem(REMEMBER_KEY, "yes");
      storage().setItem(ANSWERS_KEY, JSON.stringify(kept));
    } catch (e) { /* storage full or blocked: the answers stay in the address */ }
  }

  function forget() {
    try { storage().removeItem(ANSWERS_KEY); storage().removeItem(REMEMBER_KEY); } catch (e) { /* nothing kept */ }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function readData() {
    var block = document.getElementById("os-guide-data"), data;
    try { data = JSON.parse(block ? block.textContent : "null"); } catch (e) { return null; }
    var ok = data && Array.isArray(data.questions) && Array.isArray(data.steps) && data.services && data.words;
    return ok ? data : null;
  }

  function pageWords() {
    var block = document.getElementById("os-words");
    try { return JSON.parse(block ? block.textContent : "null") || {}; } catch (e) { return {}; }
  }

  function Page(section, data) {
    this.section = section;
    this.data = data;
    this.words = data.words;
    this.stepDone = pageWords().stepDone;
    this.form = section.querySelector(".os-guide__form");
    this.summary = section.querySelector(".os-guide__summary");
    this.given = section.querySelector(".os-guide__given");
    this.keep = section.querySelector(".os-guide__keep");
    this.rememberBox = section.querySelector("#os-guide-remember");
    this.forgetButton = section.querySelector(".os-guide__forget");
    this.status = section.querySelector(".os-guide__status");
    this.answers = {};
  }

  Page.prototype.start = function () {
    var self = this, fromAddress = answersFrom(root.location.hash, this.data);
    this.answers = fromAddress || {};
    if (!fromAddress && remembering()) {
      this.answers = rememberedAnswers(this.data);
      this.saveAddress();
    }
    var note = this.section.querySelector(".os-guide__nojs");
    if (note) { note.hidden = true; }
    this.keep.hidden = false;
    this.rememberBox.checked = remembering();
    this.forgetButton.hidden = !remembering();
    this.form.addEventListener("change", function (event) {
      var input = event.target;
      if (input.type !== "radio") { return; }
      self.answers[input.name] = input.value;
      self.changed();
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.show("summary");
      self.summary.focus();
    });
    Array.prototype.forEach.call(this.section.querySelectorAll(".os-guide__restart"), function (button) {
      button.addEventListener("click", function () { self.restart(); });
    });
    this.given.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[data-os-question]") : null;
      if (button) { self.change(button.getAttribute("data-os-question")); }
    });
    this.rememberBox.addEventListener("change", function () { self.setRemember(self.rememberBox.checked); });
    this.forgetButton.addEventListener("click", function () {
      self.setRemember(false);
      self.rememberBox.focus();
    });
    root.addEventListener("hashchange", function () {
      var answers = answersFrom(root.location.hash, self.data);
      if (answers) { self.answers = answers; self.render(); }
    });
    this.show(Object.keys(this.answers).length ? "summary" : "form");
    this.render();
  };

  Page.prototype.answered = function () { return Object.keys(this.answers).length > 0; };

  Page.prototype.saveAddress = function () {
    var fragment = fragmentOf(this.answers), location = root.location;
    try { root.history.replaceState(null, "", location.pathname + location.search + (fragment ? "#" + fragment : "")); }
    catch (e) { location.hash = fragment; }
  };

  Page.prototype.changed = function () {
    this.saveAddress();
    if (remembering()) { remember(this.data, this.answers); }
    this.render(true);
  };

  Page.prototype.show = function (mode) {
    this.form.hidden = mode !== "form";
    this.summary.hidden = mode !== "summary";
  };

  Page.prototype.change = function (question) {
    this.show("form");
    var inputs = this.form.querySelectorAll("input[name='" + question + "']");
    var checked = Array.prototype.filter.call(inputs, function (input) { return input.checked; })[0];
    (checked || inputs[0]).focus();
  };

  Page.prototype.restart = function () {
    this.answers = {};
    this.changed();
    this.show("form");
    var first = this.form.querySelector("input");
    if (first) { first.focus(); }
  };

  Page.prototype.setRemember = function (on) {
    if (on) { remember(this.data, this.answers); } else { forget(); }
    this.rememberBox.checked = remembering();
    this.forgetButton.hidden = !remembering();
    this.status.textContent = on && remembering() ? this.words.remembered : this.words.forgotten;
  };

  Page.prototype.render = function (announce) {
    var planned = plan(this.data, this.answers), self = this;
    this.syncForm();
    this.renderSummary();
    var shown = this.renderSteps(planned);
    this.renderServices(planned);
    this.renderTotals(totals(this.data, planned));
    if (announce) {
      var count = this.data.steps.length, language = this.data.language;
      this.status.textContent = this.answered()
        ? plural(this.words.showing, count, language, { num: count, shown: shown })
        : plural(this.words.showingAll, count, language, { num: count });
    }
    Array.prototype.forEach.call(this.section.querySelectorAll(".os-guide__form .os-guide__restart"), function (button) {
      button.hidden = !self.answered();
    });
  };

  Page.prototype.syncForm = function () {
    var answers = this.answers;
    Array.prototype.forEach.call(this.form.querySelectorAll("input[type=radio]"), function (input) {
      input.checked = answers[input.name] === input.value;
    });
  };

  Page.prototype.renderSummary = function () {
    var self = this;
    this.given.textContent = "";
    this.data.questions.forEach(function (q) {
      var legend = document.querySelector("#os-q-" + q.id + " legend");
      var label = has.call(self.answers, q.id) ? document.querySelector("label[for='os-q-" + q.id + "-" + self.answers[q.id] + "']") : null;
      var row = element("div", "os-guide__given-row");
      row.appendChild(element("dt", "", legend ? legend.textContent : q.id));
      row.appendChild(element("dd", "", label ? label.textContent : self.words.notAnswered));
      var change = element("dd", "os-guide__change");
      var button = element("button", "os-guide__change-button", self.words.change);
      button.type = "button";
      button.setAttribute("data-os-question", q.id);
      button.appendChild(element("span", "os-visually-hidden", " " + (legend ? legend.textContent : q.id)));
      change.appendChild(button);
      row.appendChild(change);
      self.given.appendChild(row);
    });
    this.section.toggleAttribute("data-os-answered", this.answered());
  };

  /* Hide the steps that do not apply, number the others again, list the hidden ones. */
  Page.prototype.renderSteps = function (planned) {
    var self = this, number = 0, skipped = [], last = null;
    planned.forEach(function (p, i) {
      var step = self.data.steps[i], li = document.getElementById("step-" + (i + 1));
      if (!li) { return; }
      li.hidden = p.state === false;
      li.classList.remove("os-step--last");
      if (p.state === false) { skipped.push({ title: li.querySelector(".os-step__text"), why: step.why }); return; }
      number += 1;
      last = li;
      var n = li.querySelector(".os-step__n");
      if (n) { n.textContent = String(number); }
      var done = li.querySelector(".os-step__done label");
      if (done && self.stepDone) { done.textContent = fill(self.stepDone, { num: number }); }
      var when = li.querySelector(".os-step__when");
      if (when) { when.hidden = p.state === true; }
      li.classList.toggle("os-step--optional", p.state !== true);
      self.renderOptions(li, step, p);
    });
    if (last) { last.classList.add("os-step--last"); }
    var list = document.querySelector(".os-steps__list");
    this.skippedList(list, "os-guide__skipped", this.words.skippedSteps, skipped.map(function (s) {
      return { text: s.title ? s.title.textContent : "", why: s.why };
    }));
    return number;
  };

  Page.prototype.renderOptions = function (li, step, p) {
    var visible = 0, skipped = [];
    var cards = li.querySelectorAll(".os-step__services > li[data-os-option]");
    Array.prototype.forEach.call(cards, function (card, j) {
      var state = p.options[j];
      card.hidden = state === false;
      var when = card.querySelector(".os-card__when");
      if (when) { when.hidden = state === true; }
      if (state === false) {
        var link = card.querySelector(".os-card__title");
        skipped.push({ text: link ? link.textContent : "", href: link ? link.getAttribute("href") : null, why: step.whys[j] });
        return;
      }
      var or = card.querySelector(".os-or");
      if (or) { or.hidden = visible === 0; }
      visible += 1;
    });
    var count = li.querySelector(".os-step__count");
    if (count) { count.textContent = String(visible); }
    var several = li.querySelector(".os-step__choose:not(.os-step__choose--one)");
    var one = li.querySelector(".os-step__choose--one");
    if (several && one) {
      several.hidden = visible === 1;
      one.hidden = visible !== 1;
    }
    var services = li.querySelector(".os-step__services");
    if (services) { this.skippedList(services, "os-guide__skipped-options", this.words.skippedOptions, skipped); }
  };

  /* A collapsed list, after `anchor`, of what the plan leaves out, each with why. */
  Page.prototype.skippedList = function (anchor, className, forms, items) {
    if (!anchor) { return; }
    var details = anchor.nextElementSibling;
    var kept = details && details.classList.contains(className);
    if (!items.length) {
      if (kept) { details.parentNode.removeChild(details); }
      return;
    }
    if (!kept) {
      details = element("details", "os-guide__skipped-list " + className);
      anchor.parentNode.insertBefore(details, anchor.nextSibling);
    }
    details.textContent = "";
    details.appendChild(element("summary", "", plural(forms, items.length, this.data.language, { num: items.length })));
    var ul = element("ul");
    items.forEach(function (item) {
      var li = element("li");
      if (item.href) {
        var a = element("a", "os-guide__skipped-title", item.text);
        a.href = item.href;
        li.appendChild(a);
      } else {
        li.appendChild(element("strong", "os-guide__skipped-title", item.text));
      }
      if (item.why) { li.appendChild(element("span", "os-guide__why", item.why)); }
      ul.appendChild(li);
    });
    details.appendChild(ul);
  };

  /* Whatever on the page names a service (data-os-service) shows only while the service may apply. */
  Page.prototype.renderServices = function (planned) {
    var data = this.data, applies = {};
    data.steps.forEach(function (step, i) {
      step.services.forEach(function (ref, j) {
        if (!has.call(applies, ref)) { applies[ref] = false; }
        if (planned[i].state !== false && planned[i].options[j] !== false) { applies[ref] = true; }
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".os-page--journey [data-os-service]"), function (node) {
      var ref = node.getAttribute("data-os-service");
      if (has.call(applies, ref)) { node.hidden = !applies[ref]; }
    });
  };

  function showRefs(block, refs) {
    if (!block) { return; }
    var ul = block.querySelector("ul");
    Array.prototype.forEach.call(ul.querySelectorAll("li[data-os-ref]"), function (li) {
      li.hidden = refs.indexOf(li.getAttribute("data-os-ref")) === -1;
    });
    refs.forEach(function (ref) {
      var li = ul.querySelector("li[data-os-ref='" + ref + "']");
      if (li) { ul.appendChild(li); }
    });
    block.hidden = refs.length === 0;
  }

  /* The totals box says the plan's totals, as totals.html says a journey's. */
  Page.prototype.renderTotals = function (t) {
    var box = document.querySelector(".os-totals"), words = this.words;
    if (!box) { return; }
    var sentence = box.querySelector(".os-totals__fees");
    var key = t.atLeast ? (t.countedAny ? (t.feesVary ? "AtLeastVary" : "AtLeast") : null) : (t.feesVary ? "TotalVary" : "Total");
    var word = key === null ? words.noneCounted
      : this.answered() ? words["plan" + key] : words[key.charAt(0).toLowerCase() + key.slice(1)];
    sentence.textContent = fill(word, { fees: t.fees });
    var dd = sentence.parentNode, after = sentence;
    Array.prototype.forEach.call(dd.querySelectorAll(".os-totals__recurring"), function (p) { dd.removeChild(p); });
    t.recurring.forEach(function (amount) {
      var p = element("p", "os-totals__recurring", fill(words.then, { amount: amount }));
      dd.insertBefore(p, after.nextSibling);
      after = p;
    });
    showRefs(box.querySelector(".os-totals__unknown"), t.unknown);
    showRefs(box.querySelector(".os-totals__uncounted"), t.uncounted);
    var timeText = box.querySelector(".os-totals__time");
    if (!timeText) { return; }
    var shown = Boolean(t.days || t.rightAway || t.untimed.length);
    timeText.parentNode.hidden = !shown;
    timeText.parentNode.previousElementSibling.hidden = !shown;
    timeText.textContent = t.days ? fill(words.timeAbout, { days: t.days }) : t.rightAway ? words.timeRightAway : words.timeUnknown;
    var untimed = box.querySelector(".os-totals__untimed");
    showRefs(untimed, t.untimed);
    if (untimed && !t.days) { untimed.hidden = true; }
  };

  function init() {
    var section = document.getElementById("os-guide"), data = readData();
    if (!section || !data) { return; }
    new Page(section, data).start();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})(typeof window !== "undefined" ? window : globalThis);
