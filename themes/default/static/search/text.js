/* ambit search: word splitting, the per-language pipelines (trimmer, stop words, stemmer) and
 * accent folding, mirroring src/search/text.rs and elasticlunr-rs, so queries become the same
 * terms as the documents; and how close two terms are (prefix, compound part, typo). */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory({
      stemSv: require('./stem-sv.js'),
      stemNl: require('./stem-nl.js'),
      stemEn: require('./stem-en.js'),
    });
  } else {
    const ns = (root.ambitSearch = root.ambitSearch || {});
    ns.text = factory(ns);
  }
})(typeof self !== 'undefined' ? self : this, function (stems) {
  'use strict';
  const stemSwedish = stems.stemSv;
  const stemDutch = stems.stemNl;
  const stemEnglish = stems.stemEn;

  // ---------------------------------------------------------------- words (src/search/text.rs)

  const WORD = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u;
  const NUMERIC = /^\p{N}+$/u;
  const JOINER = new Set(['-', '\u2010', '\u2011', '(', ')']);
  const APOSTROPHE = new Set(["'", '\u2019', '\u02BC']);

  /* The lower-cased words of text, as the index makes them: runs of letters and digits;
   * an apostrophe inside a word is dropped; a chunk joined by - or ( ) of 2 or 3 parts, none
   * only digits, also gives the parts written together ("(wijk)begroting" → wijk, begroting,
   * wijkbegroting). Each element: {word, parts} where parts > 1 marks a joined form. */
  function splitWords(text) {
    const out = [];
    const chars = Array.from(String(text).normalize('NFC'));
    let parts = [];
    let part = '';
    const endPart = () => {
      if (part) parts.push(part);
      part = '';
    };
    const endChunk = () => {
      for (const p of parts) out.push({ word: p.toLowerCase(), parts: 1 });
      if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => !NUMERIC.test(p))) {
        out.push({ word: parts.join('').toLowerCase(), parts: parts.length });
      }
      parts = [];
    };
    let prevWord = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (WORD.test(c)) {
        part += c;
        prevWord = true;
      } else if (APOSTROPHE.has(c) && prevWord && i + 1 < chars.length && WORD.test(chars[i + 1])) {
        // dropped: the word goes on
      } else if (JOINER.has(c) || APOSTROPHE.has(c)) {
        endPart();
        prevWord = false;
      } else {
        endPart();
        endChunk();
        prevWord = false;
      }
    }
    endPart();
    endChunk();
    return out;
  }

  const words = (text) => splitWords(text).map((w) => w.word);

  // ------------------------------------- pipelines (elasticlunr-rs 3.1 src/lang/{sv,du,en}.rs)

  const STOP = {
    sv: '|alla|allt|att|av|blev|bli|blir|blivit|de|dem|den|denna|deras|dess|dessa|det|detta|dig|din|dina|ditt|du|där|då|efter|ej|eller|en|er|era|ert|ett|från|för|ha|hade|han|hans|har|henne|hennes|hon|honom|hur|här|i|icke|ingen|inom|inte|jag|ju|kan|kunde|man|med|mellan|men|mig|min|mina|mitt|mot|mycket|ni|nu|när|någon|något|några|och|om|oss|på|samma|sedan|sig|sin|sina|sitta|själv|skulle|som|så|sådan|sådana|sådant|till|under|upp|ut|utan|vad|var|vara|varför|varit|varje|vars|vart|vem|vi|vid|vilka|vilkas|vilken|vilket|vår|våra|vårt|än|är|åt|över',
    du: '|aan|al|alles|als|altijd|andere|ben|bij|daar|dan|dat|de|der|deze|die|dit|doch|doen|door|dus|een|eens|en|er|ge|geen|geweest|haar|had|heb|hebben|heeft|hem|het|hier|hij|hoe|hun|iemand|iets|ik|in|is|ja|je|kan|kon|kunnen|maar|me|meer|men|met|mij|mijn|moet|na|naar|niet|niets|nog|nu|of|om|omdat|onder|ons|ook|op|over|reeds|te|tegen|toch|toen|tot|u|uit|uw|van|veel|voor|want|waren|was|wat|werd|wezen|wie|wil|worden|wordt|zal|ze|zelf|zich|zij|zijn|zo|zonder|zou',
    en: '|a|able|about|across|after|all|almost|also|am|among|an|and|any|are|as|at|be|because|been|but|by|can|cannot|could|dear|did|do|does|either|else|ever|every|for|from|get|got|had|has|have|he|her|hers|him|his|how|however|i|if|in|into|is|it|its|just|least|let|like|likely|may|me|might|most|must|my|neither|no|nor|not|of|off|often|on|only|or|other|our|own|rather|said|say|says|she|should|since|so|some|than|that|the|their|them|then|there|these|they|this|tis|to|too|twas|us|wants|was|we|were|what|when|where|which|while|who|whom|why|will|with|would|yet|you|your',
  };
  const LATIN_TRIM = /^[^\p{Script=Latin}]+|[^\p{Script=Latin}]+$/gu;
  const EN_TRIM = /^[^0-9A-Za-z_]+|[^0-9A-Za-z_]+$/g;

  /* The index pipeline of a language ("sv", "du" or "en"): word → term, or null when the
   * trimmer leaves nothing or the word is a stop word. Memoised. */
  function makePipeline(code) {
    const stop = new Set(STOP[code].split('|'));
    const stem = code === 'sv' ? stemSwedish : code === 'du' ? stemDutch : stemEnglish;
    const trim = (w) => w.replace(code === 'en' ? EN_TRIM : LATIN_TRIM, '');
    const cache = new Map();
    const term = (word) => {
      let t = cache.get(word);
      if (t === undefined) {
        const trimmed = trim(word);
        t = trimmed && !stop.has(trimmed) ? stem(trimmed) || null : null;
        cache.set(word, t);
      }
      return t;
    };
    term.trim = trim;
    return term;
  }

  const lunrCode = (lang) => {
    const l = String(lang || '').toLowerCase();
    return l === 'sv' ? 'sv' : l === 'nl' || l === 'du' ? 'du' : 'en';
  };

  /* lower case without accents: "Öster" → "oster", "café" → "cafe" */
  const SPECIAL_FOLD = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
  function fold(s) {
    s = String(s).toLowerCase();
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(s)) return s;
    return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[øæœßłđðþı]/g, (c) => SPECIAL_FOLD[c]);
  }

  /* The loose form terms are compared in when exact stems differ: folded, and in Dutch with
   * doubled vowels single, as the Dutch stemmer undoubles them in some forms only
   * ("oversteekplaats" → "oversteekplat", "oversteekplaatsen" → "oversteekplaats"). */
  const looseForm = (code) => (code === 'du' ? (s) => fold(s).replace(/([aeou])\1/g, '$1') : fold);

  /* How an index term t relates to a query term s (both stems, or both folded):
   * 1 same; else prefix, stem-variant, compound-part matches at lower weights; 0 none. */
  function relation(t, s) {
    if (t === s) return 1;
    const ls = s.length;
    const lt = t.length;
    if (ls >= 2 && lt > ls && t.startsWith(s)) return 0.6 + (0.3 * ls) / lt; // partial word
    if (lt >= 3 && lt < ls && lt >= ls - 2 && s.startsWith(t)) return 0.75; // other inflection
    if (ls >= 4 && t.indexOf(s, 2) >= 2) return 0.5; // later part of a compound
    if (ls === 3 && lt >= 5 && t.endsWith(s)) return 0.45; // short compound tail
    if (ls >= 5) {
      // the compound ends in another inflection of the word ("lekplat" for "platser" → "plats")
      for (let l = Math.min(ls - 1, lt - 2); l >= Math.max(4, ls - 2); l--) {
        if (t.endsWith(s.slice(0, l))) return 0.45;
      }
    }
    return 0;
  }

  /* Optimal string alignment distance of a and b (typos: insert, delete, change, swap two
   * letters), or max + 1 as soon as it exceeds max. */
  function editDistance(a, b, max) {
    const n = b.length;
    let prev2 = null;
    let prev = Array.from({ length: n + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      let rowMin = i;
      for (let j = 1; j <= n; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[n];
  }

  return { splitWords, words, stemSwedish, stemDutch, stemEnglish, makePipeline, lunrCode, fold, looseForm, relation, editDistance };
});
