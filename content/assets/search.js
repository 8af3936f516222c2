/* Site search on the /search/ page, with lunr.js (assets/lunr.min.js, loaded before this file).

   Reads ?q= from the address, so a search can be linked and bookmarked; the header search box
   and the form on the page are plain GET forms that work without JavaScript. Nothing is fetched
   until there is a query to run. The index was analysed at build time (generator/search.py):
   this file rebuilds the lunr index from its compact form, with lunr's own scoring formula, and
   fetches what a result shows (title, type, agency, summary) only for the results it shows. */
(function (root) {
  "use strict";

  var PAGE_SIZE = 10;
  var FORMAT = 1;

  // -- The index: the compact file back into a lunr.Index (the same one lunr.Builder makes).

  function buildIndex(lunr, data) {
    if (data.format !== FORMAT) { throw new Error("search index format " + data.format); }
    var fields = data.fields, F = fields.length, N = data.count, k1 = data.k1, b = data.b;
    var docBoost = new Array(N), f, d, i;
    for (d = 0; d < N; d++) { docBoost[d] = 1; }
    data.docBoosts.forEach(function (pair) { docBoost[pair[0]] = pair[1]; });

    // lunr.Builder#calculateAverageFieldLengths: every document has every field.
    var average = data.lengths.map(function (lengths) {
      var sum = 0;
      for (var j = 0; j < lengths.length; j++) { sum += lengths[j]; }
      return sum / lengths.length;
    });

    var frequency = Object.create(null), fr = data.frequencies;
    for (i = 0; i < fr.length; i += 4) { frequency[(fr[i + 2] * F + fr[i + 1]) * N + fr[i]] = fr[i + 3]; }

    // lunr keeps per-posting metadata (none here) and copies it when it reports a match, so
    // every posting can share one empty object.
    var none = Object.freeze(Object.create(null));
    var elements = [];
    for (f = 0; f < F; f++) { elements.push(new Array(N)); }
    var invertedIndex = Object.create(null);
    for (var t = 0; t < data.terms.length; t++) {
      var posting = Object.create(null), entries = data.postings[t], documentsWithTerm = 0;
      posting._index = t;
      for (f = 0; f < F; f++) { posting[fields[f]] = Object.create(null); }
      for (i = 0; i < entries.length; i++) { documentsWithTerm += entries[i].length - 1; }
      // lunr.idf
      var idf = Math.log(1 + Math.abs((N - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)));
      for (i = 0; i < entries.length; i++) {
        var entry = entries[i], field = entry[0], refs = posting[fields[field]], boost = data.boosts[field];
        d = 0;
        for (var j = 1; j < entry.length; j++) {
          d += entry[j];
          refs[d] = none;
          var tf = frequency[(t * F + field) * N + d] || 1;
          // lunr.Builder#createFieldVectors, operation for operation.
          var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (data.lengths[field][d] / average[field])) + tf);
          score *= boost;
          score *= docBoost[d];
          (elements[field][d] || (elements[field][d] = [])).push(t, Math.round(score * 1000) / 1000);
        }
      }
      invertedIndex[data.terms[t]] = posting;
    }
    var fieldVectors = Object.create(null);
    for (f = 0; f < F; f++) {
      for (d = 0; d < N; d++) {
        if (elements[f][d]) { fieldVectors[fields[f] + "/" + d] = new lunr.Vector(elements[f][d]); }
      }
    }
    var pipeline = new lunr.Pipeline();
    pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    return new lunr.Index({
      invertedIndex: invertedIndex, fieldVectors: fieldVectors, tokenSet: lunr.TokenSet.fromArray(data.terms),
      fields: fields, pipeline: pipeline
    });
  }

  // -- Queries: every word must match (whole or as the start of a word); exact words count most.
  // A word that matches nothing is corrected to the closest word on the site (lunr's edit-distance
  // automaton); failing that, pages that match some of the words are shown.

  function Searcher(lunr, data) {
    this.lunr = lunr;
    this.data = data;
    this.index = buildIndex(lunr, data);
    this.vocabulary = null;
  }

  Searcher.prototype.analyse = function (text) {
    var pipeline = this.index.pipeline;
    return this.lunr.tokenizer(text).map(function (token) {
      var word = token.toString().replace(/^\W+/, "").replace(/\W+$/, "");
      var terms = pipeline.run([token]).map(String);
      return { word: word, term: terms.length && terms[0] ? terms[0] : null };
    }).filter(function (part) { return part.term; });
  };

  Searcher.prototype.run = function (terms, required) {
    var Query = this.lunr.Query;
    return this.index.query(function (q) {
      terms.forEach(function (term) {
        q.term(term, { usePipeline: false, wildcard: Query.wildcard.TRAILING, boost: 1,
                       presence: required ? Query.presence.REQUIRED : Query.presence.OPTIONAL });
        q.term(term, { usePipeline: false, boost: 10 });
      });
    });
  };

  Searcher.prototype.known = function (term) {
    return this.index.tokenSet.intersect(this.lunr.TokenSet.fromString(term + "*")).toArray().length > 0;
  };

  Searcher.prototype.correct = function (word) {
    if (word.length < 4 || !/^[a-z]+$/.test(word)) { return null; }
    if (!this.vocabulary) {
      var terms = this.data.terms, byWord = Object.create(null), display = [], k;
      for (k = 0; k < terms.length; k++) { byWord[terms[k]] = k; }
      this.data.words.forEach(function (pair) {
        byWord[pair[0]] = pair[1];
        if (display[pair[1]] === undefined) { display[pair[1]] = pair[0]; }
      });
      var sorted = Object.keys(byWord).sort();
      this.vocabulary = { set: this.lunr.TokenSet.fromArray(sorted), byWord: byWord, display: display };
    }
    var v = this.vocabulary, postings = this.data.postings;
    var maxEdits = word.length < 8 ? 1 : 2;
    for (var edits = 1; edits <= maxEdits; edits++) {
      var found = v.set.intersect(this.lunr.TokenSet.fromFuzzyString(word, edits)).toArray();
      if (found.length) {
        var best = null, bestCount = -1;
        found.forEach(function (candidate) {
          var t = v.byWord[candidate], count = 0;
          postings[t].forEach(function (entry) { count += entry.length - 1; });
          if (count > bestCount) { best = t; bestCount = count; }
        });
        return { term: this.data.terms[best], word: v.display[best] || this.data.terms[best] };
      }
    }
    return null;
  };

  /* Returns {results, corrected (words, or null), partial (some words only)}. */
  Searcher.prototype.search = function (text) {
    var self = this, parts = this.analyse(text);
    var terms = parts.map(function (p) { return p.term; });
    if (!terms.length) { return { results: [], corrected: null, partial: false }; }
    var results = this.run(terms, true);
    if (results.length) { return { results: results, corrected: null, partial: false }; }
    var changed = false;
    var fixed = parts.map(function (p) {
      if (self.known(p.term)) { return p; }
      var c = self.correct(p.word);
      if (c) { changed = true; return c; }
      return p;
    });
    var fixedTerms = fixed.map(function (p) { return p.term; });
    var corrected = changed ? fixed.map(function (p) { return p.word; }).join(" ") : null;
    if (changed) {
      results = this.run(fixedTerms, true);
      if (results.length) { return { results: results, corrected: corrected, partial: false }; }
    }
    results = this.run(fixedTerms, false);
    return { results: results, corrected: results.length ? corrected : null, partial: results.length > 0 };
  };

  // -- Engines: the index in a Web Worker (assets/search-worker.js), so that rebuilding it never
  // holds up typing on a slow phone; or, where workers are missing, on the page itself. Both
  // answer search(text) with a promise of {refs, corrected, partial}.

  function outcomeOf(outcome) {
    return { refs: outcome.results.map(function (r) { return r.ref; }), corrected: outcome.corrected,
             partial: outcome.partial };
  }

  function meta(data) { return { version: data.version, chunk: data.chunk, kinds: data.kinds }; }

  function fetchIndex(url) {
    return root.fetch(url, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status + " " + url); }
      return response.json();
    });
  }

  function pageEngine(url) {
    return fetchIndex(url).then(function (data) {
      var searcher = new Searcher(root.lunr, data);
      return { meta: meta(data), search: function (text) { return Promise.resolve(outcomeOf(searcher.search(text))); } };
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

  // -- The page.

  function start(page) {
    var form = page.querySelector("form"), input = form.querySelector("input[name=q]");
    var status = page.querySelector(".os-search-status"), list = page.querySelector(".os-results");
    var more = page.querySelector(".os-search-more"), none = page.querySelector(".os-search-none");
    var siteRoot = page.getAttribute("data-root");
    var indexUrl = new URL(page.getAttribute("data-index"), root.location.href).href;
    var workerUrl = page.getAttribute("data-worker");
    var loading = null, chunks = {}, current = null, shown = 0, title = document.title, latest = 0;

    function load() {
      if (!loading) {
        loading = (root.Worker && workerUrl ? workerEngine(workerUrl, indexUrl) : Promise.reject(null))
          .catch(function () { return pageEngine(indexUrl); });
      }
      return loading;
    }

    function chunk(engine, n) {
      if (!chunks[n]) {
        var url = indexUrl.replace(/index\.json$/, "docs/" + n + ".json") + "?v=" + engine.meta.version;
        chunks[n] = root.fetch(url).then(function (response) {
          if (!response.ok) { throw new Error(response.status + " " + url); }
          return response.json();
        });
      }
      return chunks[n];
    }

    // The records of some results, fetched at once, handed to `each` in order as they arrive:
    // the first result is on screen as soon as its own chunk is.
    function records(engine, refs, each) {
      var size = engine.meta.chunk;
      return refs.map(function (r) {
        var ref = parseInt(r, 10);
        return chunk(engine, Math.floor(ref / size)).then(function (rows) { return rows[ref % size]; });
      }).reduce(function (done, record) {
        return done.then(function () { return record; }).then(each);
      }, Promise.resolve());
    }

    function item(engine, row) {
      var li = document.createElement("li");
      li.className = "os-result os-result--" + row[0];
      var link = document.createElement("a");
      link.className = "os-result__title";
      link.href = siteRoot + row[4];
      link.textContent = row[1];
      var meta = document.createElement("span");
      meta.className = "os-result__meta";
      var kind = document.createElement("span");
      kind.className = "os-result__kind";
      kind.textContent = engine.meta.kinds[row[0]];
      meta.appendChild(kind);
      if (row[3]) {
        var agency = document.createElement("span");
        agency.className = "os-result__agency";
        agency.textContent = row[3];
        meta.appendChild(agency);
      }
      var summary = document.createElement("span");
      summary.className = "os-result__summary";
      summary.textContent = row[2];
      li.appendChild(link);
      li.appendChild(meta);
      li.appendChild(summary);
      return li;
    }

    function showMore(engine, focusFirst) {
      var next = current.refs.slice(shown, shown + PAGE_SIZE), query = current, first = true;
      return records(engine, next, function (row) {
        if (query !== current) { return; }
        var li = item(engine, row);
        list.appendChild(li);
        shown += 1;
        if (first) {
          first = false;
          if (focusFirst) { li.querySelector("a").focus(); }
          if (root.performance && performance.mark) { performance.mark("os-search-first-result"); }
        }
      }).then(function () {
        if (query === current) { more.hidden = shown >= current.refs.length; }
      });
    }

    function say(text) { status.textContent = text; }

    function run(text) {
      text = text.trim();
      input.value = text;
      document.title = (text ? "\u201c" + text + "\u201d: " : "") + title;
      list.innerHTML = "";
      more.hidden = true;
      none.hidden = true;
      current = null;
      if (!text) { latest += 1; say(""); return Promise.resolve(); }
      if (root.performance && performance.mark) { performance.mark("os-search-start"); }
      var ticket = ++latest;  // a search started later wins, whatever finishes first
      var engine;
      return load().then(function (loaded) {
        engine = loaded;
        if (root.performance && performance.mark) { performance.mark("os-search-index-ready"); }
        return engine.search(text);
      }).then(function (outcome) {
        if (ticket !== latest) { return; }
        current = outcome;
        shown = 0;
        var count = outcome.refs.length;
        if (!count) {
          none.hidden = false;
          say("No results for \u201c" + text + "\u201d.");
          return;
        }
        return showMore(engine, false).then(function () {
          if (outcome !== current) { return; }
          var message = count + (count === 1 ? " result" : " results") + " for \u201c" +
            (outcome.corrected || text) + "\u201d";
          if (outcome.corrected) { message += " (no page matched \u201c" + text + "\u201d)"; }
          if (outcome.partial) { message += ". No page matched every word: these match some of them"; }
          say(message + ".");
        });
      }).catch(function () {
        if (ticket !== latest) { return; }
        none.hidden = false;
        say("Search could not load. Try again, or browse the lists below.");
      });
    }

    function fromAddress() {
      var params = new URLSearchParams(root.location.search);
      return run(params.get("q") || "");
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      var address = root.location.pathname + (text ? "?q=" + encodeURIComponent(text) : "");
      root.history.pushState(null, "", address);
      run(text);
    });
    input.addEventListener("focus", function () { load(); }, { once: true });  // about to search
    more.addEventListener("click", function () {
      load().then(function (engine) { if (current) { return showMore(engine, true); } });
    });
    root.addEventListener("popstate", fromAddress);
    page.classList.add("os-search--ready");
    fromAddress();
  }

  // -- In a worker (assets/search-worker.js loads lunr.min.js and this file).

  function serve(scope) {
    var searcher = null;
    scope.onmessage = function (event) {
      var m = event.data;
      if (m.type === "load") {
        fetchIndex(m.url).then(function (data) {
          searcher = new Searcher(scope.lunr, data);
          scope.postMessage({ type: "ready", meta: meta(data) });
        }).catch(function (error) { scope.postMessage({ type: "error", message: String(error) }); });
      } else if (m.type === "search") {
        scope.postMessage({ type: "results", id: m.id, outcome: outcomeOf(searcher.search(m.text)) });
      }
    };
  }

  if (root.document) {
    var page = root.document.querySelector("[data-os-search]");
    if (page && root.lunr && root.fetch && root.Promise && root.URLSearchParams && root.URL) { start(page); }
  } else if (typeof root.importScripts === "function" && root.lunr) {
    serve(root);
  }
  if (typeof module !== "undefined" && module.exports) {
    module.exports = { buildIndex: buildIndex, Searcher: Searcher };
  }
})(typeof window !== "undefined" ? window : globalThis);
