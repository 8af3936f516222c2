/* The site search's index, rebuilt and queried off the page's main thread (search.js), for the
   search page (search-page.js): it sends {type: "load", url}, then {type: "search", id, text} for
   each query; this answers {type: "ready", meta}, {type: "results", id, outcome} or
   {type: "error", message}. An index in another language than English needs that language's
   pipeline (search-es.js beside this file), imported once the index says so: English never loads it. */
importScripts("lunr.min.js", "search.js");

(function (scope) {
  "use strict";

  var search = scope.onestopSearch, searcher = null;
  scope.onmessage = function (event) {
    var m = event.data;
    if (m.type === "load") {
      search.fetchIndex(m.url).then(function (data) {
        var script = search.languageScript(data);
        if (script) { importScripts(script); }
        searcher = new search.Searcher(scope.lunr, data);
        scope.postMessage({ type: "ready", meta: search.meta(data) });
      }).catch(function (error) { scope.postMessage({ type: "error", message: String(error) }); });
    } else if (m.type === "search") {
      scope.postMessage({ type: "results", id: m.id, outcome: search.outcomeOf(searcher.search(m.text)) });
    }
  };
})(self);
