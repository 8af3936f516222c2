/* The site search's index, rebuilt and queried off the page's main thread (see search.js). */
importScripts("lunr.min.js", "search.js");
