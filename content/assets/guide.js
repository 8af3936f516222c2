/* Guided plans, the page: a guide's questions tailor its page to the citizen's answers, in the
   browser only, with the plan of guide-plan.js (loaded first).

   The answers live in the page's address, in the fragment (#location=allegheny&structure=llc:
   sorted, unknown keys and answers ignored), which browsers never send to a server; nothing is
   stored unless the citizen ticks "Remember my answers on this device" (then localStorage, shared
   by every guide that asks the same question), and "Forget my answers" removes it. No cookie, no
   request. Every word comes from the page's data block (#os-guide-data, from the message
   catalogue). Without this script, or when its plan or data is missing or broken, the page stays
   as it is: every step shown, with when it applies. */
(function (root) {
  "use strict";

  var guide = root.onestopGuidePlan;
  if (!guide || typeof document === "undefined") { return; }
  var has = Object.prototype.hasOwnProperty;
  var plan = guide.plan, totals = guide.totals, fill = guide.fill, plural = guide.plural;
  var answersFrom = guide.answersFrom, fragmentOf = guide.fragmentOf;

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
    this.renderCalendar(this.answered() ? applies : null);
  };

  /* The guide's calendar file: with answers, made here from the journey's events (calendar.js and
     the section's data-os-events) with only the services that apply; without, the whole guide's file. */
  Page.prototype.renderCalendar = function (applies) {
    var section = document.querySelector(".os-page--journey [data-os-deadlines]");
    var link = section && section.querySelector(".os-deadlines__file a");
    var self = this;
    if (!link || !section.getAttribute("data-os-events")) { return; }
    if (!this.calendarLink) {
      this.calendarLink = {words: link.textContent, applies: null};
      link.addEventListener("click", function (event) {
        // calendar.js comes later on the page (deferred too): looked up when it is needed.
        var mine = self.calendarLink.applies, calendar = window.onestopCalendar;
        if (!mine || !calendar) { return; }  // the guide's own file, as the link says
        event.preventDefault();
        calendar.loadEvents(section.getAttribute("data-os-events")).then(function (events) {
          var fixed = (events.fixed || []).filter(function (e) { return !has.call(mine, e.service) || mine[e.service]; });
          calendar.download(calendar.build(fixed, {name: document.title}), self.data.journey + "-your-deadlines.ics");
        }, function () { window.location.href = link.href; });  // offline or gone: the whole file instead
      });
    }
    this.calendarLink.applies = applies;
    link.textContent = applies ? this.words.planCalendar : this.calendarLink.words;
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
