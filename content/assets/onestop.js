/* Step-by-step enhancements. Without JavaScript every step is open and readable; with it,
   steps can be shown and hidden, and marked as done. "Done" marks are kept only in this
   browser (localStorage) and are never sent anywhere. Every word the script shows comes from
   the page: main.html renders them from the message catalogue into the #os-words data block. */
(function () {
  "use strict";

  var WORDS = ["hideAllSteps", "showAllSteps", "hideStep", "showStep", "stepDone"];

  /* The page's words, or null when the block is missing, unreadable or lacks one: then the steps
     stay as they are without JavaScript (all open), rather than showing buttons without names. */
  function pageWords() {
    var block = document.getElementById("os-words");
    var words;
    try { words = JSON.parse(block ? block.textContent : "null"); }
    catch (e) { return null; }
    if (!words || typeof words !== "object") { return null; }
    for (var i = 0; i < WORDS.length; i++) {
      if (typeof words[WORDS[i]] !== "string") { return null; }
    }
    return words;
  }

  /* A message with its "%(name)s" placeholders filled in, as the catalogue writes them. */
  function fill(message, values) {
    return message.replace(/%\((\w+)\)s/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function storageKey(journey) { return "onestop:done:" + journey; }

  function readDone(journey) {
    try { return JSON.parse(window.localStorage.getItem(storageKey(journey)) || "[]"); }
    catch (e) { return []; }
  }

  function writeDone(journey, numbers) {
    try { window.localStorage.setItem(storageKey(journey), JSON.stringify(numbers)); }
    catch (e) { /* storage full or blocked: the tick still shows for this visit */ }
  }

  function setOpen(step, open, words) {
    var button = step.querySelector(".os-step__toggle");
    var panel = step.querySelector(".os-step__panel");
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.querySelector(".os-step__toggle-state").textContent = open ? words.hideStep : words.showStep;
    panel.hidden = !open;
  }

  function enhance(container, words) {
    var journey = container.getAttribute("data-os-steps");
    var steps = Array.prototype.slice.call(container.querySelectorAll(".os-step"));
    var done = readDone(journey);

    var controls = document.createElement("div");
    controls.className = "os-steps__controls";
    var all = document.createElement("button");
    all.type = "button";
    all.className = "os-steps__all";
    all.setAttribute("aria-expanded", "true");
    all.textContent = words.hideAllSteps;
    controls.appendChild(all);
    container.insertBefore(controls, container.firstChild);

    steps.forEach(function (step) {
      var title = step.querySelector(".os-step__title");
      var text = title.querySelector(".os-step__text");
      var panel = step.querySelector(".os-step__panel");
      var number = parseInt(step.id.replace("step-", ""), 10);

      var button = document.createElement("button");
      button.type = "button";
      button.className = "os-step__toggle";
      button.setAttribute("aria-controls", panel.id);
      button.appendChild(text.cloneNode(true));
      button.appendChild(document.createTextNode(" "));  // the name reads "Title Show", not "TitleShow"
      var state = document.createElement("span");
      state.className = "os-step__toggle-state";
      button.appendChild(state);
      title.replaceChild(button, text);
      button.addEventListener("click", function () {
        setOpen(step, button.getAttribute("aria-expanded") !== "true", words);
      });
      setOpen(step, true, words);

      var box = document.createElement("p");
      box.className = "os-step__done";
      var input = document.createElement("input");
      input.type = "checkbox";
      input.id = step.id + "-done";
      var label = document.createElement("label");
      label.htmlFor = input.id;
      // The number the step shows: on a guide, guide.js numbers the steps of a plan again.
      var shown = step.querySelector(".os-step__n");
      label.textContent = fill(words.stepDone, {num: shown ? shown.textContent : number});
      box.appendChild(input);
      box.appendChild(label);
      panel.appendChild(box);
      input.checked = done.indexOf(number) !== -1;
      step.classList.toggle("os-step--done", input.checked);
      input.addEventListener("change", function () {
        var current = readDone(journey).filter(function (n) { return n !== number; });
        if (input.checked) { current.push(number); }
        writeDone(journey, current.sort(function (a, b) { return a - b; }));
        step.classList.toggle("os-step--done", input.checked);
      });
    });

    all.addEventListener("click", function () {
      var open = all.getAttribute("aria-expanded") !== "true";
      steps.forEach(function (step) { setOpen(step, open, words); });
      all.setAttribute("aria-expanded", open ? "true" : "false");
      all.textContent = open ? words.hideAllSteps : words.showAllSteps;
    });

    // A link to #step-N opens that step.
    function openTarget() {
      var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
      if (target && target.classList.contains("os-step")) { setOpen(target, true, words); }
    }
    window.addEventListener("hashchange", openTarget);
    openTarget();
  }

  function init() {
    var words = pageWords();
    if (!words) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-os-steps]"), function (container) {
      enhance(container, words);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();

/* Header search: the search button opens the first result, as Enter does; with no result it goes on
   to the form's own address (the A to Z of services). */
(function () {
  "use strict";
  var form = document.querySelector(".md-search__form");
  if (!form) { return; }
  form.addEventListener("submit", function (event) {
    var first = document.querySelector(".md-search-result__link");
    if (first && first.href) {
      event.preventDefault();
      window.location.href = first.href;
    }
  });
})();

/* Print: links to other pages of this site print their full address (see the print styles). */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset a[href]:not([href^='http']):not([href^='#'])" +
      ":not([href^='mailto:']):not([href^='tel:'])"), function (link) {
    link.setAttribute("data-os-href", link.href);
  });
})();

/* The menu on narrow screens (issue 15). Material opens its drawer with a <label>, which a keyboard
   cannot reach: it becomes a real button that says whether the menu is open (aria-expanded). While
   the drawer is closed it is inert, out of the Tab order, so Tab never walks through links no one
   can see; opening it moves focus into it, and Escape, or Tab leaving it, closes it again. Without
   JavaScript the label stays, and the drawer slides in while a link in it has focus (the styles). */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector("label.md-header__button[for='__drawer']");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var MENU_WORDS = ["menu"];
  var block = document.getElementById("os-words");
  var name;
  try { name = JSON.parse(block ? block.textContent : "null")[MENU_WORDS[0]]; } catch (e) { name = null; }
  if (!drawer || !label || !sidebar || typeof name !== "string" || !window.matchMedia) { return; }
  var narrow = window.matchMedia("(max-width: 76.234375em)");

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " os-menu-button";
  button.setAttribute("aria-label", name);
  sidebar.id = sidebar.id || "os-menu";
  button.setAttribute("aria-controls", sidebar.id);
  while (label.firstChild) { button.appendChild(label.firstChild); }
  label.parentNode.replaceChild(button, label);

  function sync() {
    var open = drawer.checked && narrow.matches;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (narrow.matches && !drawer.checked) { sidebar.setAttribute("inert", ""); } else { sidebar.removeAttribute("inert"); }
  }

  function set(open, moveFocus) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync();
    if (moveFocus && open) {
      var first = sidebar.querySelector("a[href], button, input:not([type=hidden])");
      if (first) { first.focus(); }
    } else if (moveFocus) {
      button.focus();
    }
  }

  button.addEventListener("click", function () { set(!drawer.checked, true); });
  drawer.addEventListener("change", sync);
  // The overlay and the drawer's own title close it too, and the theme may close it in code.
  document.addEventListener("click", function () { window.setTimeout(sync, 0); }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked && narrow.matches) { set(false, true); }
  });
  sidebar.addEventListener("focusout", function (event) {
    if (drawer.checked && narrow.matches && event.relatedTarget && !sidebar.contains(event.relatedTarget)) {
      set(false, false);
    }
  });
  if (narrow.addEventListener) { narrow.addEventListener("change", sync); } else if (narrow.addListener) { narrow.addListener(sync); }
  sync();
})();

/* Print: the day the page is printed, in the page's language, at the top of the printout. */
(function () {
  "use strict";
  var place = document.querySelector("[data-os-print-date]");
  if (!place || !window.Intl) { return; }
  function today() {
    var day;
    try { day = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" }).format(new Date()); }
    catch (e) { day = new Date().toDateString(); }
    place.textContent = place.getAttribute("data-os-print-date").replace("%(date)s", day);
  }
  today();
  window.addEventListener("beforeprint", today);
})();

/* The language switch keeps the address's fragment: a guide's answers (#location=allegheny&...) or
   the step a link points at are the same ids in every language, so the other language's page opens
   with the same plan. Nothing is sent anywhere: the fragment stays in the browser. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[data-os-keep-answers]") : null;
    if (link && window.location.hash.length > 1) { link.hash = window.location.hash; }
  });
})();
