/* The Spanish search's text pipeline, for search.js (the Spanish search page and its worker load it;
   English pages never do): accents folded, Spanish stop words, and Snowball 3.1.1's Spanish
   stemmer. generator/search/spanish.py is the same pipeline at build time, with PyPI's
   snowballstemmer 3.1.1; tests/search/test_parity.py holds the two equal on every word.

   The stemmer is a port of the Python that Snowball 3.1.1 generates from spanish.sbl (Snowball:
   BSD licence, (c) Dr Martin Porter and Richard Boulton), routine for routine, on the word's code
   points (Python's string indexes) rather than JavaScript's UTF-16 units, so that a word with an
   emoji in it is cut at the same places. lunr-languages' lunr.es.js is the 2010 Snowball, which
   does not know the unaccented "-acion" that folding makes of "-ación". */
(function (root) {
  "use strict";

  // -- Folding: NFD, then the Combining Diacritical Marks dropped ("camión" is "camion", "año" "ano").

  var MARKS = /[\u0300-\u036f]/g;
  function fold(text) { return text.normalize("NFD").replace(MARKS, ""); }

  // Snowball's Spanish stop words as written; the pipeline meets them folded.
  var STOP_WORDS = Object.create(null);
  ("a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el " +
   "ella ellas ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estabais " +
   "estaban estabas estad estada estadas estado estados estamos estando estar estaremos estar\u00e1 estar\u00e1n " +
   "estar\u00e1s estar\u00e9 estar\u00e9is estar\u00eda estar\u00edais estar\u00edamos estar\u00edan estar\u00edas estas este estemos esto estos " +
   "estoy estuve estuviera estuvierais estuvieran estuvieras estuvieron estuviese estuvieseis estuviesen " +
   "estuvieses estuvimos estuviste estuvisteis estuvi\u00e9ramos estuvi\u00e9semos estuvo est\u00e1 est\u00e1bamos est\u00e1is " +
   "est\u00e1n est\u00e1s est\u00e9 est\u00e9is est\u00e9n est\u00e9s fue fuera fuerais fueran fueras fueron fuese fueseis fuesen fueses " +
   "fui fuimos fuiste fuisteis fu\u00e9ramos fu\u00e9semos ha habida habidas habido habidos habiendo habremos habr\u00e1 " +
   "habr\u00e1n habr\u00e1s habr\u00e9 habr\u00e9is habr\u00eda habr\u00edais habr\u00edamos habr\u00edan habr\u00edas hab\u00e9is hab\u00eda hab\u00edais hab\u00edamos " +
   "hab\u00edan hab\u00edas han has hasta hay haya hayamos hayan hayas hay\u00e1is he hemos hube hubiera hubierais " +
   "hubieran hubieras hubieron hubiese hubieseis hubiesen hubieses hubimos hubiste hubisteis hubi\u00e9ramos " +
   "hubi\u00e9semos hubo la las le les lo los me mi mis mucho muchos muy m\u00e1s m\u00ed m\u00eda m\u00edas m\u00edo m\u00edos nada ni no " +
   "nos nosotras nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco por " +
   "porque que quien quienes qu\u00e9 se sea seamos sean seas seremos ser\u00e1 ser\u00e1n ser\u00e1s ser\u00e9 ser\u00e9is ser\u00eda " +
   "ser\u00edais ser\u00edamos ser\u00edan ser\u00edas se\u00e1is sido siendo sin sobre sois somos son soy su sus suya suyas suyo " +
   "suyos s\u00ed tambi\u00e9n tanto te tendremos tendr\u00e1 tendr\u00e1n tendr\u00e1s tendr\u00e9 tendr\u00e9is tendr\u00eda tendr\u00edais " +
   "tendr\u00edamos tendr\u00edan tendr\u00edas tened tenemos tenga tengamos tengan tengas tengo teng\u00e1is tenida tenidas " +
   "tenido tenidos teniendo ten\u00e9is ten\u00eda ten\u00edais ten\u00edamos ten\u00edan ten\u00edas ti tiene tienen tienes todo todos " +
   "tu tus tuve tuviera tuvierais tuvieran tuvieras tuvieron tuviese tuvieseis tuviesen tuvieses tuvimos " +
   "tuviste tuvisteis tuvi\u00e9ramos tuvi\u00e9semos tuvo tuya tuyas tuyo tuyos t\u00fa un una uno unos vosotras " +
   "vosotros vuestra vuestras vuestro vuestros y ya yo \u00e9l \u00e9ramos").split(" ").forEach(function (word) {
    STOP_WORDS[fold(word)] = true;
  });

  // -- Snowball's runtime (its basestemmer.py), on an array of code points.

  function Among(s, substringI, result) { this.s = Array.from(s); this.substringI = substringI; this.result = result; }

  function among(list) { return list.map(function (a) { return new Among(a[0], a[1], a[2]); }); }

  function Program(word) {
    this.current = Array.from(word);
    this.cursor = 0;
    this.limit = this.current.length;
    this.limitBackward = 0;
    this.bra = 0;
    this.ket = this.limit;
  }

  Program.prototype.at = function (i) { return this.current[i].codePointAt(0); };

  Program.prototype.inGrouping = function (s) {
    if (this.cursor >= this.limit || !s[this.current[this.cursor]]) { return false; }
    this.cursor += 1;
    return true;
  };

  Program.prototype.outGrouping = function (s) {
    if (this.cursor >= this.limit || s[this.current[this.cursor]]) { return false; }
    this.cursor += 1;
    return true;
  };

  Program.prototype.goInGrouping = function (s) {  // past the letters in s: true if one not in s follows
    while (this.cursor < this.limit) {
      if (!s[this.current[this.cursor]]) { return true; }
      this.cursor += 1;
    }
    return false;
  };

  Program.prototype.goOutGrouping = function (s) {  // past the letters not in s: true if one in s follows
    while (this.cursor < this.limit) {
      if (s[this.current[this.cursor]]) { return true; }
      this.cursor += 1;
    }
    return false;
  };

  Program.prototype.eqSB = function (s) {
    var n = s.length;
    if (this.cursor - n < this.limitBackward) { return false; }
    for (var i = 0; i < n; i++) { if (this.current[this.cursor - n + i] !== s[i]) { return false; } }
    this.cursor -= n;
    return true;
  };

  Program.prototype.before = function (letter) {  // the letter before the cursor is `letter`: step back over it
    if (this.cursor <= this.limitBackward || this.current[this.cursor - 1] !== letter) { return false; }
    this.cursor -= 1;
    return true;
  };

  /* The longest of `v` (sorted as Snowball sorts them) that starts at the cursor: its result, or 0. */
  Program.prototype.findAmong = function (v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit, commonI = 0, commonJ = 0, firstKeyInspected = false, w;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(commonI, commonJ);
      w = v[k];
      for (var i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.at(c + common) - w.s[i2].codePointAt(0);
        if (diff !== 0) { break; }
        common += 1;
      }
      if (diff < 0) { j = k; commonJ = common; } else { i = k; commonI = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || firstKeyInspected) { break; }
        firstKeyInspected = true;
      }
    }
    for (;;) {
      w = v[i];
      if (commonI >= w.s.length) { this.cursor = c + w.s.length; return w.result; }
      i = w.substringI;
      if (i < 0) { return 0; }
    }
  };

  /* The longest of `v` that ends at the cursor: its result, or 0. */
  Program.prototype.findAmongB = function (v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limitBackward, commonI = 0, commonJ = 0,
        firstKeyInspected = false, w;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(commonI, commonJ);
      w = v[k];
      for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.at(c - 1 - common) - w.s[i2].codePointAt(0);
        if (diff !== 0) { break; }
        common += 1;
      }
      if (diff < 0) { j = k; commonJ = common; } else { i = k; commonI = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || firstKeyInspected) { break; }
        firstKeyInspected = true;
      }
    }
    for (;;) {
      w = v[i];
      if (commonI >= w.s.length) { this.cursor = c - w.s.length; return w.result; }
      i = w.substringI;
      if (i < 0) { return 0; }
    }
  };

  Program.prototype.sliceFrom = function (s) {
    var letters = Array.from(s), adjustment = letters.length - (this.ket - this.bra);
    Array.prototype.splice.apply(this.current, [this.bra, this.ket - this.bra].concat(letters));
    this.limit += adjustment;
    if (this.cursor >= this.ket) { this.cursor += adjustment; } else if (this.cursor > this.bra) { this.cursor = this.bra; }
    this.ket = this.bra + letters.length;
  };

  Program.prototype.sliceDel = function () { this.sliceFrom(""); };

  // -- Snowball 3.1.1's Spanish stemmer (spanish_stemmer.py), its tables and routines in order.

  var V = Object.create(null);
  "aeiou\u00e1\u00e9\u00ed\u00f3\u00fa\u00fc".split("").forEach(function (letter) { V[letter] = true; });

  var A0 = among([["", -1, 6], ["\u00e1", 0, 1], ["\u00e9", 0, 2], ["\u00ed", 0, 3], ["\u00f3", 0, 4], ["\u00fa", 0, 5]]);
  var A1 = among([["la", -1, -1], ["sela", 0, -1], ["le", -1, -1], ["me", -1, -1], ["se", -1, -1], ["lo", -1, -1],
    ["selo", 5, -1], ["las", -1, -1], ["selas", 7, -1], ["les", -1, -1], ["los", -1, -1], ["selos", 10, -1],
    ["nos", -1, -1]]);
  var A2 = among([["ando", -1, 6], ["iendo", -1, 6], ["yendo", -1, 7], ["\u00e1ndo", -1, 2], ["i\u00e9ndo", -1, 1],
    ["ar", -1, 6], ["er", -1, 6], ["ir", -1, 6], ["\u00e1r", -1, 3], ["\u00e9r", -1, 4], ["\u00edr", -1, 5]]);
  var A3 = among([["ic", -1, -1], ["ad", -1, -1], ["os", -1, -1], ["iv", -1, 1]]);
  var A4 = among([["able", -1, 1], ["ible", -1, 1], ["ante", -1, 1]]);
  var A5 = among([["ic", -1, 1], ["abil", -1, 1], ["iv", -1, 1]]);
  var A6 = among([["ica", -1, 1], ["ancia", -1, 2], ["encia", -1, 5], ["adora", -1, 2], ["osa", -1, 1],
    ["ista", -1, 1], ["iva", -1, 9], ["anza", -1, 1], ["log\u00eda", -1, 3], ["idad", -1, 8], ["able", -1, 1],
    ["ible", -1, 1], ["ante", -1, 2], ["mente", -1, 7], ["amente", 13, 6], ["acion", -1, 2], ["ucion", -1, 4],
    ["aci\u00f3n", -1, 2], ["uci\u00f3n", -1, 4], ["ico", -1, 1], ["ismo", -1, 1], ["oso", -1, 1], ["amiento", -1, 1],
    ["imiento", -1, 1], ["ivo", -1, 9], ["ador", -1, 2], ["icas", -1, 1], ["ancias", -1, 2], ["encias", -1, 5],
    ["adoras", -1, 2], ["osas", -1, 1], ["istas", -1, 1], ["ivas", -1, 9], ["anzas", -1, 1], ["log\u00edas", -1, 3],
    ["idades", -1, 8], ["ables", -1, 1], ["ibles", -1, 1], ["aciones", -1, 2], ["uciones", -1, 4],
    ["adores", -1, 2], ["antes", -1, 2], ["icos", -1, 1], ["ismos", -1, 1], ["osos", -1, 1], ["amientos", -1, 1],
    ["imientos", -1, 1], ["ivos", -1, 9]]);
  var A7 = among([["ya", -1, 1], ["ye", -1, 1], ["yan", -1, 1], ["yen", -1, 1], ["yeron", -1, 1], ["yendo", -1, 1],
    ["yo", -1, 1], ["yas", -1, 1], ["yes", -1, 1], ["yais", -1, 1], ["yamos", -1, 1], ["y\u00f3", -1, 1]]);
  var A8 = among([["aba", -1, 2], ["ada", -1, 2], ["ida", -1, 2], ["ara", -1, 2], ["iera", -1, 2], ["\u00eda", -1, 2],
    ["ar\u00eda", 5, 2], ["er\u00eda", 5, 2], ["ir\u00eda", 5, 2], ["ad", -1, 2], ["ed", -1, 2], ["id", -1, 2],
    ["ase", -1, 2], ["iese", -1, 2], ["aste", -1, 2], ["iste", -1, 2], ["an", -1, 2], ["aban", 16, 2],
    ["aran", 16, 2], ["ieran", 16, 2], ["\u00edan", 16, 2], ["ar\u00edan", 20, 2], ["er\u00edan", 20, 2],
    ["ir\u00edan", 20, 2], ["en", -1, 1], ["asen", 24, 2], ["iesen", 24, 2], ["aron", -1, 2], ["ieron", -1, 2],
    ["ar\u00e1n", -1, 2], ["er\u00e1n", -1, 2], ["ir\u00e1n", -1, 2], ["ado", -1, 2], ["ido", -1, 2], ["ando", -1, 2],
    ["iendo", -1, 2], ["ar", -1, 2], ["er", -1, 2], ["ir", -1, 2], ["as", -1, 2], ["abas", 39, 2],
    ["adas", 39, 2], ["idas", 39, 2], ["aras", 39, 2], ["ieras", 39, 2], ["\u00edas", 39, 2], ["ar\u00edas", 45, 2],
    ["er\u00edas", 45, 2], ["ir\u00edas", 45, 2], ["es", -1, 1], ["ases", 49, 2], ["ieses", 49, 2], ["abais", -1, 2],
    ["arais", -1, 2], ["ierais", -1, 2], ["\u00edais", -1, 2], ["ar\u00edais", 55, 2], ["er\u00edais", 55, 2],
    ["ir\u00edais", 55, 2], ["aseis", -1, 2], ["ieseis", -1, 2], ["asteis", -1, 2], ["isteis", -1, 2],
    ["\u00e1is", -1, 2], ["\u00e9is", -1, 1], ["ar\u00e9is", 64, 2], ["er\u00e9is", 64, 2], ["ir\u00e9is", 64, 2],
    ["ados", -1, 2], ["idos", -1, 2], ["amos", -1, 2], ["\u00e1bamos", 70, 2], ["\u00e1ramos", 70, 2],
    ["i\u00e9ramos", 70, 2], ["\u00edamos", 70, 2], ["ar\u00edamos", 74, 2], ["er\u00edamos", 74, 2],
    ["ir\u00edamos", 74, 2], ["emos", -1, 1], ["aremos", 78, 2], ["eremos", 78, 2], ["iremos", 78, 2],
    ["\u00e1semos", 78, 2], ["i\u00e9semos", 78, 2], ["imos", -1, 2], ["ar\u00e1s", -1, 2], ["er\u00e1s", -1, 2],
    ["ir\u00e1s", -1, 2], ["\u00eds", -1, 2], ["ar\u00e1", -1, 2], ["er\u00e1", -1, 2], ["ir\u00e1", -1, 2],
    ["ar\u00e9", -1, 2], ["er\u00e9", -1, 2], ["ir\u00e9", -1, 2], ["i\u00f3", -1, 2]]);
  var A9 = among([["a", -1, 1], ["e", -1, 2], ["o", -1, 1], ["os", -1, 1], ["\u00e1", -1, 1], ["\u00e9", -1, 2],
    ["\u00ed", -1, 1], ["\u00f3", -1, 1]]);

  /* RV, R1 and R2 (pV, p1, p2): where the suffixes of each step may start. */
  function markRegions(z) {
    z.pV = z.limit; z.p1 = z.limit; z.p2 = z.limit;
    var start = z.cursor;
    if (rvStart(z)) { z.pV = z.cursor; }
    z.cursor = start;
    if (z.goOutGrouping(V)) {
      z.cursor += 1;
      if (z.goInGrouping(V)) {
        z.cursor += 1;
        z.p1 = z.cursor;
        if (z.goOutGrouping(V)) {
          z.cursor += 1;
          if (z.goInGrouping(V)) { z.cursor += 1; z.p2 = z.cursor; }
        }
      }
    }
    z.cursor = start;
  }

  /* Moves the cursor to the start of RV; false when the word has none. */
  function rvStart(z) {
    var start = z.cursor;
    if (z.inGrouping(V)) {  // a vowel first
      var second = z.cursor;
      if (z.outGrouping(V) && z.goOutGrouping(V)) { z.cursor += 1; return true; }  // then a consonant: after the next vowel
      z.cursor = second;
      if (z.inGrouping(V) && z.goInGrouping(V)) { z.cursor += 1; return true; }  // two vowels: after the next consonant
    }
    z.cursor = start;
    if (!z.outGrouping(V)) { return false; }  // a consonant first
    var afterFirst = z.cursor;
    if (z.outGrouping(V) && z.goOutGrouping(V)) { z.cursor += 1; return true; }  // then a consonant: after the next vowel
    z.cursor = afterFirst;
    if (!z.inGrouping(V) || z.cursor >= z.limit) { return false; }  // consonant, vowel: after the third letter
    z.cursor += 1;
    return true;
  }

  function postlude(z) {
    var replacement = [null, "a", "e", "i", "o", "u"];
    for (;;) {
      var start = z.cursor;
      z.bra = z.cursor;
      var found = z.findAmong(A0);
      z.ket = z.cursor;
      if (found >= 1 && found <= 5) {
        z.sliceFrom(replacement[found]);
      } else {
        if (z.cursor >= z.limit) { z.cursor = start; return; }
        z.cursor += 1;
      }
    }
  }

  function RV(z) { return z.pV <= z.cursor; }
  function R2(z) { return z.p2 <= z.cursor; }

  function attachedPronoun(z) {
    z.ket = z.cursor;
    if (!z.findAmongB(A1)) { return; }
    z.bra = z.cursor;
    var found = z.findAmongB(A2);
    if (!found || !RV(z)) { return; }
    var replacement = [null, "iendo", "ando", "ar", "er", "ir"];
    if (found <= 5) {
      z.bra = z.cursor;
      z.sliceFrom(replacement[found]);
    } else if (found === 6) {
      z.sliceDel();
    } else if (z.before("u")) {
      z.sliceDel();
    }
  }

  /* Deletes `suffix` before the cursor when it is in R2; puts the cursor back where it was otherwise. */
  function deleteInR2(z, suffix) {
    var back = z.limit - z.cursor;
    z.ket = z.cursor;
    if (z.eqSB(suffix)) {
      z.bra = z.cursor;
      if (R2(z)) { z.sliceDel(); return true; }
    }
    z.cursor = z.limit - back;
    return false;
  }

  /* Deletes the longest of `v` before the cursor when it is in R2: its result, or 0. */
  function deleteAmongInR2(z, v) {
    var back = z.limit - z.cursor;
    z.ket = z.cursor;
    var found = z.findAmongB(v);
    if (found) {
      z.bra = z.cursor;
      if (R2(z)) { z.sliceDel(); return found; }
    }
    z.cursor = z.limit - back;
    return 0;
  }

  var IC = Array.from("ic"), AT = Array.from("at");

  function standardSuffix(z) {
    z.ket = z.cursor;
    var found = z.findAmongB(A6);
    if (!found) { return false; }
    z.bra = z.cursor;
    if (found === 6) {  // -amente: in R1
      if (z.p1 > z.cursor) { return false; }
      z.sliceDel();
      if (deleteAmongInR2(z, A3) === 1) { deleteInR2(z, AT); }
      return true;
    }
    if (!R2(z)) { return false; }
    if (found === 3) { z.sliceFrom("log"); } else if (found === 4) { z.sliceFrom("u"); } else if (found === 5) {
      z.sliceFrom("ente");
    } else {
      z.sliceDel();
      if (found === 2) { deleteInR2(z, IC); } else if (found === 7) { deleteAmongInR2(z, A4); } else if (found === 8) {
        deleteAmongInR2(z, A5);
      } else if (found === 9) { deleteInR2(z, AT); }
    }
    return true;
  }

  /* The verb suffixes (`v`) that must be in RV: the search for them stops at RV's start. */
  function findInRV(z, v) {
    if (z.cursor < z.pV) { return 0; }
    var limit = z.limitBackward;
    z.limitBackward = z.pV;
    z.ket = z.cursor;
    var found = z.findAmongB(v);
    if (found) { z.bra = z.cursor; }
    z.limitBackward = limit;
    return found;
  }

  function yVerbSuffix(z) {
    if (!findInRV(z, A7) || !z.before("u")) { return false; }
    z.sliceDel();
    return true;
  }

  function verbSuffix(z) {
    var found = findInRV(z, A8);
    if (!found) { return false; }
    if (found === 1) {  // -en, -es, -éis, -emos: with a "u" before them after "g", the "u" goes too
      var back = z.limit - z.cursor;
      if (z.before("u")) {
        var afterU = z.limit - z.cursor;
        if (z.before("g")) { z.cursor = z.limit - afterU; } else { z.cursor = z.limit - back; }
      } else {
        z.cursor = z.limit - back;
      }
      z.bra = z.cursor;
    }
    z.sliceDel();
    return true;
  }

  function residualSuffix(z) {
    z.ket = z.cursor;
    var found = z.findAmongB(A9);
    if (!found) { return; }
    z.bra = z.cursor;
    if (!RV(z)) { return; }
    z.sliceDel();
    if (found !== 2) { return; }
    var back = z.limit - z.cursor;  // -e, -é after "gu": the "u" goes too, when it is in RV
    z.ket = z.cursor;
    if (z.before("u")) {
      z.bra = z.cursor;
      var afterU = z.limit - z.cursor;
      if (z.before("g")) {
        z.cursor = z.limit - afterU;
        if (RV(z)) { z.sliceDel(); return; }
      }
    }
    z.cursor = z.limit - back;
  }

  function stem(word) {
    var z = new Program(word);
    markRegions(z);
    z.limitBackward = z.cursor;
    z.cursor = z.limit;
    attachedPronoun(z);
    z.cursor = z.limit;
    if (!standardSuffix(z)) {
      z.cursor = z.limit;
      if (!yVerbSuffix(z)) {
        z.cursor = z.limit;
        verbSuffix(z);
      }
    }
    z.cursor = z.limit;
    residualSuffix(z);
    z.cursor = z.limitBackward;
    postlude(z);
    return z.current.join("");
  }

  var spanish = {
    fold: fold,
    isStopWord: function (word) { return STOP_WORDS[word] === true; },
    stopWords: function () { return Object.keys(STOP_WORDS).sort(); },
    stem: stem,
    /* Before the trimmer: lunr's, after folding, keeps Spanish words whole (and their digits). */
    written: function (token) { return fold(token).replace(/^\W+/, "").replace(/\W+$/, ""); }
  };
  (root.onestopSearchLanguages = root.onestopSearchLanguages || {}).es = spanish;
  if (typeof module !== "undefined" && module.exports) { module.exports = spanish; }
})(typeof self !== "undefined" ? self : globalThis);
