/* The search page, /search/: the form, what it says, and the results (search.js holds the index and
   the queries; lunr.min.js and search.js are loaded before this file).

   Reads ?q= from the address, so a search can be linked and bookmarked; the header search box
   and the form on the page are plain GET forms that work without JavaScript. Nothing is fetched
   until there is a query to run. The index is rebuilt in a Web Worker (search-worker.js), or on
   the page where workers are missing, and what a result shows is fetched only for the results
   shown. Every word this file shows and every piece of markup it adds come from the page
   (overrides/partials/onestop/search_script.html): the words from a JSON block, a result from a
   <template>, filled with text and attributes only. */
(function (root) {
  "use strict";

  var PAGE_SIZE = 10;
  var WORDS_ID = "os-search-words", RESULT_ID = "os-search-result";

  // -- Words: the messages of the page's catalogue, with %(name)s places filled in.

  function Words(messages, language) {
    this.messages = messages;
    this.plurals = null;
    try { this.plurals = new root.Intl.PluralRules(language || undefined); } catch (e) { /* "other" for every count */ }
  }

  /* A message, or, for a count, the form of the count's plural category in the page's language. */
  Words.prototype.say = function (name, values, count) {
    var message = this.messages[name];
    if (typeof message !== "string") {
      var category = this.plurals ? this.plurals.select(count) : "other";
      message = message[category] || message.other;
    }
    return message.replace(/%\((\w+)\)s/g, function (place, key) { return String(values[key]); });
  };

  // -- Engines: the index in a Web Worker (assets/search-worker.js), so that rebuilding it never
  // holds up typing on a slow phone; or, where workers are missing, on the page itself. Both
  // answer search(text) with a promise of {refs, corrected, partial}.

  function pageEngine(search, url) {
    return search.fetchIndex(url).then(function (data) {
      var searcher = new search.Searcher(root.lunr, data);
      return { meta: search.meta(data), search: function (text) {
        return Promise.resolve(search.outcomeOf(searcher.search(text)));
      } };
    });
  }

  function workerEngine(workerUrl, url) {
    return new Promise(function (resolve, reject) {
      var worker = new root.Worker(workerUrl), asked = 0, waiting = {};
      worker.onerror = function (event) { event.preventDefault(); reject(new Error("search worker failed")); };
      worker.onmessage = function (event) {
        var m = event.data;
        if (m.type === "ready") {
          resolve({ meta: m.meta, search: function (text) {
            return new Promise(function (answer) {
              asked += 1;
              waiting[asked] = answer;
              worker.postMessage({ type: "search", id: asked, text: text });
            });
          } });
        } else if (m.type === "results") {
          waiting[m.id](m.outcome);
          delete waiting[m.id];
        } else if (m.type === "error") {
          reject(new Error(m.message));
        }
      };
      worker.postMessage({ type: "load", url: url });
    });
  }

  // -- Results: the records of the results shown, fetched by chunk, each put into a copy of the
  // page's result template.

  function Results(indexUrl, siteRoot, template) {
    this.indexUrl = indexUrl;
    this.siteRoot = siteRoot;
    this.template = template;
    this.chunks = {};
  }

  Results.prototype.chunk = function (engine, n) {
    if (!this.chunks[n]) {
      var url = this.indexUrl.replace(/index\.json$/, "docs/" + n + ".json") + "?v=" + engine.meta.version;
      this.chunks[n] = root.fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(response.status + " " + url); }
        return response.json();
      });
    }
    return this.chunks[n];
  };

  /* The records of some results, fetched at once, handed to `each` in order as they arrive: the
     first result is on screen as soon as its own chunk is. */
  Results.prototype.records = function (engine, refs, each) {
    var self = this, size = engine.meta.chunk;
    return refs.map(function (r) {
      var ref = parseInt(r, 10);
      return self.chunk(engine, Math.floor(ref / size)).then(function (rows) { return rows[ref % size]; });
    }).reduce(function (done, record) {
      return done.then(function () { return record; }).then(each);
    }, Promise.resolve());
  };

  /* One result, [kind code, title, summary, agency, url], in a copy of the template. */
  Results.prototype.item = function (engine, row) {
    var li = this.template.content.firstElementChild.cloneNode(true);
    li.classList.add("os-result--" + row[0]);
    var link = li.querySelector(".os-result__title");
    link.setAttribute("href", this.siteRoot + row[4]);
    link.textContent = row[1];
    li.querySelector(".os-result__kind").textContent = engine.meta.kinds[row[0]];
    var agency = li.querySelector(".os-result__agency");
    if (row[3]) { agency.textContent = row[3]; } else { agency.remove(); }
    li.querySelector(".os-result__summary").textContent = row[2];
    return li;
  };

  // -- The page.

  function mark(name) {
    if (root.performance && performance.mark) { performance.mark(name); }
  }

  /* What the status line says of an outcome with results. */
  function found(words, outcome, text) {
    var name = outcome.corrected ? (outcome.partial ? "correctedPartial" : "corrected") :
      (outcome.partial ? "partial" : "found");
    return words.say(name, { num: outcome.refs.length, query: outcome.corrected || text, typed: text },
                     outcome.refs.length);
  }

  function SearchPage(search, page, words, results) {
    this.search = search;
    this.words = words;
    this.results = results;
    this.form = page.querySelector("form");
    this.input = this.form.querySelector("input[name=q]");
    this.status = page.querySelector(".os-search-status");
    this.list = page.querySelector(".os-results");
    this.more = page.querySelector(".os-search-more");
    this.none = page.querySelector(".os-search-none");
    this.partial = page.querySelector(".os-search-partial");  // the heading over pages that match some words
    this.workerUrl = page.getAttribute("data-worker");
    this.title = document.title;
    this.loading = null;
    this.current = null;  // the outcome shown
    this.shown = 0;
    this.latest = 0;  // a search started later wins, whatever finishes first
  }

  SearchPage.prototype.load = function () {
    var search = this.search, indexUrl = this.results.indexUrl;
    if (!this.loading) {
      this.loading = (root.Worker && this.workerUrl ? workerEngine(this.workerUrl, indexUrl) : Promise.reject(null))
        .catch(function () { return pageEngine(search, indexUrl); });
    }
    return this.loading;
  };

  SearchPage.prototype.showMore = function (engine, focusFirst) {
    var self = this, query = this.current, first = true;
    var next = query.refs.slice(this.shown, this.shown + PAGE_SIZE);
    return this.results.records(engine, next, function (row) {
      if (query !== self.current) { return; }
      var li = self.results.item(engine, row);
      self.list.appendChild(li);
      self.shown += 1;
      if (first) {
        first = false;
        if (focusFirst) { li.querySelector("a").focus(); }
        mark("os-search-first-result");
      }
    }).then(function () {
      if (query === self.current) { self.more.hidden = self.shown >= query.refs.length; }
    });
  };

  SearchPage.prototype.say = function (text) { this.status.textContent = text; };

  SearchPage.prototype.run = function (text) {
    var self = this, words = this.words;
    text = text.trim();
    this.input.value = text;
    document.title = text ? words.say("title", { query: text, title: this.title }) : this.title;
    this.list.textContent = "";
    this.more.hidden = true;
    this.none.hidden = true;
    if (this.partial) { this.partial.hidden = true; }
    this.current = null;
    if (!text) { this.latest += 1; this.say(""); return Promise.resolve(); }
    mark("os-search-start");
    var ticket = ++this.latest, engine;
    return this.load().then(function (loaded) {
      engine = loaded;
      mark("os-search-index-ready");
      return engine.search(text);
    }).then(function (outcome) {
      if (ticket !== self.latest) { return; }
      self.current = outcome;
      self.shown = 0;
      if (!outcome.refs.length) {
        self.none.hidden = false;
        self.say(words.say("none", { query: text }));
        return;
      }
      // No good match: no page has every word. The ways on first, then the pages that have some.
      self.none.hidden = !outcome.partial;
      if (self.partial) { self.partial.hidden = !outcome.partial; }
      return self.showMore(engine, false).then(function () {
        if (outcome === self.current) { self.say(found(words, outcome, text)); }
      });
    }).catch(function () {
      if (ticket !== self.latest) { return; }
      self.none.hidden = false;
      self.say(words.say("failed", {}));
    });
  };

  SearchPage.prototype.fromAddress = function () {
    return this.run(new URLSearchParams(root.location.search).get("q") || "");
  };

  SearchPage.prototype.start = function (page) {
    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = self.input.value.trim();
      root.history.pushState(null, "", root.location.pathname + (text ? "?q=" + encodeURIComponent(text) : ""));
      self.run(text);
    });
    this.input.addEventListener("focus", function () { self.load(); }, { once: true });  // about to search
    this.more.addEventListener("click", function () {
      self.load().then(function (engine) { if (self.current) { return self.showMore(engine, true); } });
    });
    root.addEventListener("popstate", function () { self.fromAddress(); });
    page.classList.add("os-search--ready");
    this.fromAddress();
  };

  var page = document.querySelector("[data-os-search]");
  var wordsBlock = document.getElementById(WORDS_ID), template = document.getElementById(RESULT_ID);
  if (page && wordsBlock && template && template.content && root.onestopSearch && root.lunr && root.fetch &&
      root.Promise && root.URLSearchParams && root.URL) {
    var words = new Words(JSON.parse(wordsBlock.textContent), document.documentElement.lang);
    var results = new Results(new URL(page.getAttribute("data-index"), root.location.href).href,
                              page.getAttribute("data-root"), template);
    new SearchPage(root.onestopSearch, page, words, results).start(page);
  }
})(window);
