/* ambit search: a query over several indexes (a place's, or the site-wide ones): its words
 * as units of alternatives, the shards each index needs fetched, and the results of all of
 * them in one ranking, pages matching every word first. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./text.js'));
  } else {
    const ns = (root.ambitSearch = root.ambitSearch || {});
    ns.match = factory(ns.text);
  }
})(typeof self !== 'undefined' ? self : this, function (text) {
  'use strict';
  const { splitWords } = text;

  /* The query as units (one per word) of alternatives: a word joined from parts, like
   * "(wijk)begroting" → wijkbegroting, is an alternative for each of its parts. */
  function queryUnits(q) {
    const ws = splitWords(q);
    const units = [];
    for (const w of ws) {
      if (w.parts > 1) for (const u of units.slice(units.length - w.parts)) u.push(w.word);
      else units.push([w.word]);
    }
    // the same word twice counts once
    const seen = new Set();
    return units.filter((u) => {
      const k = u.join(' ');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  /* Searches all indexes; results with the most query words first, then by score. */
  function searchAll(indexes, q) {
    const units = queryUnits(q);
    const all = [];
    const terms = new Map(); // index → matched terms
    if (!units.length) return { results: all, terms, words: 0 };
    for (const idx of indexes) {
      // words that are stop words in this language do not count
      const live = units.filter((alts) => alts.some((w) => idx.term(w)));
      if (!live.length) continue;
      const r = idx.search(live);
      terms.set(idx, r.terms);
      for (const res of r.results) {
        res.missing = r.units - res.matched;
        all.push(res);
      }
    }
    // most words first; among equals, words found as written before compound splits and typos
    all.sort((a, b) => a.missing - b.missing || a.fallback - b.fallback || b.score - a.score || a.ref - b.ref);
    return { results: all, terms, words: units.length };
  }

  /* Fetches what query q needs from each index, then searches them all; the first `limit`
   * results come with their rows (`doc`). */
  async function query(indexes, q, limit = Infinity) {
    const units = queryUnits(q);
    await Promise.all(indexes.map((idx) => idx.prepare(units.filter((alts) => alts.some((w) => idx.term(w))))));
    const found = searchAll(indexes, q);
    await withRows(found.results.slice(0, limit));
    return found;
  }

  /* Fetches the rows of results and sets their `doc`. */
  async function withRows(results) {
    const byIndex = new Map();
    for (const r of results) {
      if (!byIndex.has(r.index)) byIndex.set(r.index, []);
      byIndex.get(r.index).push(r.ref);
    }
    await Promise.all(Array.from(byIndex, ([idx, refs]) => idx.fetchRows(refs)));
    for (const r of results) r.doc = r.index.docs[r.ref];
    return results;
  }

  return { queryUnits, searchAll, query, withRows };
});
