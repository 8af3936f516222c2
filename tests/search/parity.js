// Runs the search through lunr.js 2.3.9 (npm) for tests/search/test_parity.py.
// stdin: {texts, documents: [{ref, boost, <field>: text}], fields: [[name, boost]], compact, queries}
// stdout: {analysed, lunrjs: {inverted, vectors, results}, rebuilt: {inverted, vectors, results}, searcher, parts}
// An index in another language (compact.language: "es") is built and read with that language's
// pipeline (content/assets/search-es.js) on both sides; with {stems: [word]}, stdout also has
// {stems, stopWords, lunrLanguages} (the language's stemmer alone, its stop words, and
// lunr-languages' stemmer for the same words).
// (parts: each text as the searcher reads a query, [term, [the terms it stands for]] per part; with
// {searches: [text]} and no documents, only the searcher runs, on those: stdout {searched}.)
"use strict";
const path = require("path");
const lunr = require("lunr");
const assets = path.join(__dirname, "../../content/assets");
const { buildIndex, Searcher, pipelineFunctions } = require(path.join(assets, "search.js"));
const languages = { es: require(path.join(assets, "search-es.js")) };

const input = JSON.parse(require("fs").readFileSync(0, "utf8"));

function outcome(searcher, text) {
  const found = searcher.search(text);
  return { refs: found.results.map((r) => r.ref), scores: found.results.map((r) => r.score),
           corrected: found.corrected, partial: found.partial };
}

if (input.searches) {
  const searcher = new Searcher(lunr, input.compact);
  process.stdout.write(JSON.stringify({ searched: input.searches.map((text) => outcome(searcher, text)) }));
  process.exit(0);
}

const language = input.compact.language;
const functions = pipelineFunctions(lunr, language);

function pipeline() {
  const p = new lunr.Pipeline();
  p.add(...functions);
  return p;
}

// The index exactly as lunr.js builds it from the documents.
const builder = new lunr.Builder();
builder.pipeline.add(...functions);
builder.searchPipeline.add(...functions);
builder.ref("ref");
input.fields.forEach(([name, boost]) => builder.field(name, { boost }));
input.documents.forEach((doc) => builder.add(doc, doc.boost === 1 ? undefined : { boost: doc.boost }));
const lunrjs = builder.build();
const rebuilt = buildIndex(lunr, input.compact);

// Index contents keyed by term (term numbers differ: lunr.js numbers terms as it meets them).
function describe(index) {
  const inverted = {};
  for (const term of Object.keys(index.invertedIndex).sort()) {
    const posting = index.invertedIndex[term];
    inverted[term] = {};
    for (const field of index.fields) { inverted[term][field] = Object.keys(posting[field]).sort(); }
  }
  const names = {};
  for (const term in index.invertedIndex) { names[index.invertedIndex[term]._index] = term; }
  const vectors = {};
  for (const ref of Object.keys(index.fieldVectors).sort()) {
    const elements = index.fieldVectors[ref].elements, weights = {};
    for (let i = 0; i < elements.length; i += 2) { weights[names[elements[i]]] = elements[i + 1]; }
    if (elements.length) { vectors[ref] = weights; }
  }
  return { inverted, vectors, tokens: index.tokenSet.toArray().sort(),
           results: input.queries.map((q) => index.search(q).map((r) => [r.ref, r.score])) };
}

function stems(words) {
  require("lunr-languages/lunr.stemmer.support")(lunr);
  require(`lunr-languages/lunr.${language}`)(lunr);
  return { stems: words.map(languages[language].stem), stopWords: languages[language].stopWords(),
           lunrLanguages: words.map((w) => lunr[language].stemmer(new lunr.Token(w)).toString()) };
}

const searcher = new Searcher(lunr, input.compact);
const p = pipeline();
process.stdout.write(JSON.stringify({
  ...(input.stems ? stems(input.stems) : {}),
  analysed: input.texts.map((text) => p.run(lunr.tokenizer(text)).map(String)),
  lunrjs: describe(lunrjs),
  rebuilt: describe(rebuilt),
  searcher: input.queries.map((q) => outcome(searcher, q)),
  parts: input.texts.map((text) => searcher.parts(searcher.analyse(text)).map((p) => [p.term, p.terms || [p.term]])),
}));
