/* The site search's index and queries, shared by the search page (search-page.js), its worker
   (search-worker.js) and node (tests/search/parity.js); with lunr.js (lunr.min.js, loaded first).

   The index was analysed at build time (generator/search/): this file rebuilds the lunr index from
   its compact form, with lunr's own scoring formula, in one pass, and answers queries: every word
   must match (whole or as the start of a word), a word that matches nothing is corrected to the
   closest word on the site. It touches no page: the page code is in search-page.js.

   An index in another language than English names it (`language`), and is analysed and queried
   with that language's pipeline, search-<language>.js, which the page (or worker) loads first:
   English pages never load one. */
(function (root) {
  "use strict";

  var FORMAT = 1;

  // -- Text pipelines: lunr.js's own for English (an index with no `language`); another language's
  // from its file (search-es.js), as lunr pipeline functions, made once (lunr registers them by name).

  var pipelines = Object.create(null);

  function languageOf(language) {
    var text = (root.onestopSearchLanguages || {})[language];
    if (!text) { throw new Error("search language " + language + " is not loaded (assets/search-" + language + ".js)"); }
    return text;
  }

  function pipelineFunctions(lunr, language) {
    if (!language) { return [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer]; }
    if (!pipelines[language]) {
      var text = languageOf(language);
      // Folding first: lunr's trimmer (ASCII \W) then keeps a folded Spanish word whole.
      var functions = {
        fold: function (token) { return token.update(text.fold); },
        stopWordFilter: function (token) { return text.isStopWord(token.toString()) ? undefined : token; },
        stemmer: function (token) { return token.update(text.stem); }
      };
      Object.keys(functions).forEach(function (name) {
        var label = name + "-" + language;
        if (!(label in lunr.Pipeline.registeredFunctions)) { lunr.Pipeline.registerFunction(functions[name], label); }
        functions[name] = lunr.Pipeline.registeredFunctions[label];
      });
      pipelines[language] = [functions.fold, lunr.trimmer, functions.stopWordFilter, functions.stemmer];
    }
    return pipelines[language];
  }

  /* A token as the word a citizen wrote, trimmed (and folded, in a language that folds). */
  function writtenOf(language) {
    if (!language) { return function (word) { return word.replace(/^\W+/, "").replace(/\W+$/, ""); }; }
    return languageOf(language).written;
  }

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
    pipeline.add.apply(pipeline, pipelineFunctions(lunr, data.language));
    return new lunr.Index({
      invertedIndex: invertedIndex, fieldVectors: fieldVectors, tokenSet: lunr.TokenSet.fromArray(data.terms),
      fields: fields, pipeline: pipeline
    });
  }

  // -- Queries: every word must match (whole or as the start of a word); exact words count most.
  // Words that make up a synonym's phrase ("unemployment insurance", "permit") are looked up as its
  // group's term, which every page with any phrase of the group has (generator/search/synonyms.py).
  // A word that matches nothing is corrected to the closest word on the site (lunr's edit-distance
  // automaton); failing that, pages that match some of the words are shown.

  function Searcher(lunr, data) {
    this.lunr = lunr;
    this.data = data;
    this.index = buildIndex(lunr, data);
    this.written = writtenOf(data.language);
    this.vocabulary = null;
    this.phrases = Object.create(null);  // a phrase's terms, joined by spaces -> its group's term
    this.longest = 0;
    for (var i = 0; i < (data.synonyms || []).length; i++) {
      var terms = data.synonyms[i][0];
      this.phrases[terms.join(" ")] = data.synonyms[i][1];
      this.longest = Math.max(this.longest, terms.length);
    }
  }

  Searcher.prototype.analyse = function (text) {
    var pipeline = this.index.pipeline, written = this.written;
    return this.lunr.tokenizer(text).map(function (token) {
      var word = written(token.toString());
      var terms = pipeline.run([token]).map(String);
      return { word: word, term: terms.length && terms[0] ? terms[0] : null };
    }).filter(function (part) { return part.term; });
  };

  /* The analysed words with each synonym's phrase, the longest first from the left, as one part
     whose term is its group's: {word, term, group: true, terms}. synonyms.py's query_parts does the same. */
  Searcher.prototype.parts = function (parts) {
    var out = [], i = 0;
    while (i < parts.length) {
      var found = null;
      for (var length = Math.min(this.longest, parts.length - i); length > 0 && !found; length--) {
        var run = parts.slice(i, i + length), key = run.map(function (p) { return p.term; }).join(" ");
        if (Object.prototype.hasOwnProperty.call(this.phrases, key)) {
          found = { word: run.map(function (p) { return p.word; }).join(" "), term: this.phrases[key], group: true,
                    terms: run.map(function (p) { return p.term; }) };
        }
      }
      out.push(found || parts[i]);
      i += found ? found.terms.length : 1;
    }
    return out;
  };

  /* A group's term matches only itself (no trailing wildcard); its words as written count a little more. */
  Searcher.prototype.run = function (parts, required) {
    var Query = this.lunr.Query;
    return this.index.query(function (q) {
      parts.forEach(function (part) {
        var presence = required ? Query.presence.REQUIRED : Query.presence.OPTIONAL;
        if (part.group) {
          q.term(part.term, { usePipeline: false, boost: 10, presence: presence });
          part.terms.forEach(function (term) { q.term(term, { usePipeline: false, boost: 1 }); });
          return;
        }
        q.term(part.term, { usePipeline: false, wildcard: Query.wildcard.TRAILING, boost: 1, presence: presence });
        q.term(part.term, { usePipeline: false, boost: 10 });
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
        if (display[pair[1]] === undefined) { display[pair[1]] = pair[2] || pair[0]; }  // [2]: "camión" for "camion"
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
    var self = this, parts = this.parts(this.analyse(text));
    if (!parts.length) { return { results: [], corrected: null, partial: false }; }
    var results = this.run(parts, true);
    if (results.length) { return { results: results, corrected: null, partial: false }; }
    var changed = false;
    var fixed = parts.map(function (p) {
      if (p.group || self.known(p.term)) { return p; }
      var c = self.correct(p.word);
      if (c) { changed = true; return c; }
      return p;
    });
    var corrected = changed ? fixed.map(function (p) { return p.word; }).join(" ") : null;
    if (changed) {
      fixed = this.parts(fixed);  // a corrected word may complete a phrase
      results = this.run(fixed, true);
      if (results.length) { return { results: results, corrected: corrected, partial: false }; }
    }
    results = this.run(fixed, false);
    return { results: results, corrected: results.length ? corrected : null, partial: results.length > 0 };
  };

  // -- What the page and the worker share: the index file, what a page needs to know of it, and
  // an answer it can be sent (refs rather than lunr's result objects).

  function fetchIndex(url) {
    return root.fetch(url, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status + " " + url); }
      return response.json();
    });
  }

  function meta(data) { return { version: data.version, chunk: data.chunk, kinds: data.kinds }; }

  /* The pipeline file an index needs beside this one ("search-es.js"), or null (English). */
  function languageScript(data) {
    if (!data.language) { return null; }
    if (!/^[a-z]{2,3}$/.test(data.language)) { throw new Error("search language " + data.language); }
    return "search-" + data.language + ".js";
  }

  function outcomeOf(outcome) {
    return { refs: outcome.results.map(function (r) { return r.ref; }), corrected: outcome.corrected,
             partial: outcome.partial };
  }

  var search = { buildIndex: buildIndex, Searcher: Searcher, fetchIndex: fetchIndex, meta: meta, outcomeOf: outcomeOf,
                 languageScript: languageScript, pipelineFunctions: pipelineFunctions };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = search;
  } else {
    root.onestopSearch = search;
  }
})(typeof window !== "undefined" ? window : globalThis);
