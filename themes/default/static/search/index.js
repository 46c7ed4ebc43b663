/* ambit search: a sharded index written by src/search/ (the manifest, then only the term shards
 * and result rows a query needs) and the matching of query words against the terms fetched:
 * exact, prefix, stem-prefix, compound parts, accent-insensitive, split compounds and typos. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./text.js'));
  } else {
    const ns = (root.ambitSearch = root.ambitSearch || {});
    ns.index = factory(ns.text);
  }
})(typeof self !== 'undefined' ? self : this, function (text) {
  'use strict';
  const { makePipeline, lunrCode, fold, looseForm, relation, editDistance } = text;

  /* A sharded index written by src/search/ (a place's, or the site-wide one of a language):
   * the manifest, and the term shards and result rows fetched as queries need them. getJson(url)
   * returns a promise of the parsed file. */
  const MAX_KEY = 12;
  const SUFFIX_MIN = 5;
  const DESCENDANTS = 4; // a partial word loads at most this many shards under its own key
  const TAIL_SHARDS = 6; // a word split into two loads at most this many more shards

  class PlaceIndex {
    constructor(manifest, info, getJson, url) {
      info = info || {};
      const m = manifest || {};
      this.code = m.lang || lunrCode(info.lang);
      this.term = makePipeline(this.code);
      this.loose = looseForm(this.code);
      this.place = info.place || '';
      this.actions = info.actions || '';
      this.places = (m.places || []).map((p) => ({ name: p[0], actions: p[1] }));
      this.length = m.n || 0;
      this.kinds = m.kinds || [];
      this.base = m.base || '';
      this.per = (m.docs && m.docs.per) || 1;
      this.getJson = getJson;
      this.dir = String(url || '').replace(/[^/?]*(\?.*)?$/, ''); // the manifest's folder
      this.keys = { t: m.t || [], s: m.s || [] };
      this.keyIndex = { t: new Map(this.keys.t.map((k, i) => [k, i])), s: new Map(this.keys.s.map((k, i) => [k, i])) };
      this.loaded = new Map(); // 't/3' → promise
      this.postings = new Map(); // term → [[ref, weight], …]
      this.terms = [];
      this.folded = [];
      this.dirty = false;
      this.idfs = new Map();
      this.expanded = new Map(); // memo of expand(), cleared when terms arrive
      this.rowsLoaded = new Map();
      this.docs = []; // ref → result row, as fetched
    }

    static async open(url, info, getJson) {
      return new PlaceIndex(await getJson(url), info, getJson, url);
    }

    /* Adds a shard's terms. */
    addShard(entries) {
      for (const [term, flat] of entries || []) {
        if (this.postings.has(term)) continue;
        const list = [];
        let ref = 0;
        for (let i = 0; i + 1 < flat.length; i += 2) {
          ref += flat[i];
          list.push([ref, flat[i + 1]]);
        }
        this.postings.set(term, list);
        this.dirty = true;
      }
      this.expanded.clear();
    }

    ensureTerms() {
      if (!this.dirty) return;
      this.terms = Array.from(this.postings.keys()).sort();
      this.folded = this.terms.map(this.loose);
      this.dirty = false;
    }

    /* Shard names of family fam ('t' or 's') for the key form f: the keys f starts with, and
     * the few under f (all of them or none). */
    shardsFor(fam, f, out) {
      const cps = Array.from(f);
      const index = this.keyIndex[fam];
      for (let i = 0; i <= Math.min(cps.length, MAX_KEY); i++) {
        const k = cps.slice(0, i).join('');
        if (index.has(k)) out.add(`${fam}/${index.get(k)}`);
      }
      if (!f) return;
      const under = [];
      this.keys[fam].forEach((k, i) => {
        if (k.length > f.length && k.startsWith(f)) under.push(i);
      });
      if (under.length <= DESCENDANTS) for (const i of under) out.add(`${fam}/${i}`);
    }

    /* The loose forms a query word is compared in. */
    forms(word) {
      const s = this.term(word);
      if (!s) return [];
      const out = new Set([this.loose(s), this.loose(this.term.trim(word))]);
      const fw = fold(word);
      const fs = fw !== word ? this.term(fw) : null;
      if (fs) out.add(this.loose(fs));
      return Array.from(out).filter(Boolean);
    }

    /* Shards a word needs: its prefix shards, and suffix shards for compounds and typos. */
    wordShards(word, out) {
      for (const f of this.forms(word)) {
        this.shardsFor('t', f, out);
        const cps = Array.from(f);
        if (cps.length < 3) continue;
        const rev = (a) => a.slice().reverse().join('');
        this.shardsFor('s', rev(cps), out);
        // compounds ending in another inflection of the word: its first letters
        for (let l = cps.length - 2; l < cps.length; l++) if (l >= 4) this.shardsFor('s', rev(cps.slice(0, l)), out);
      }
    }

    async fetchShards(names) {
      const wait = [];
      for (const name of names) {
        if (!this.loaded.has(name)) {
          const p = this.getJson(`${this.dir}${name}.json`).then(
            (entries) => this.addShard(entries),
            (e) => {
              this.loaded.delete(name);
              throw e;
            },
          );
          this.loaded.set(name, p);
        }
        wait.push(this.loaded.get(name));
      }
      await Promise.all(wait);
      this.ensureTerms();
    }

    /* Fetches what the query units need; then, for a long word found nowhere, the shards of
     * the parts it may be split into. */
    async prepare(units) {
      const names = new Set();
      for (const alts of units) for (const w of alts) this.wordShards(w, names);
      await this.fetchShards(names);
      const more = new Set();
      for (const alts of units) {
        if (this.expandUnit(alts, false).size || alts[0].length < 7) continue;
        const w = alts[0];
        for (let i = 3; i <= w.length - 3; i++) {
          const t = this.term(w.slice(i));
          if (!t) continue;
          const before = more.size;
          const one = new Set();
          this.shardsFor('t', this.loose(t), one);
          for (const n of one) if (!this.loaded.has(n)) more.add(n);
          if (more.size >= TAIL_SHARDS && more.size > before) break;
        }
      }
      if (more.size) await this.fetchShards(more);
    }

    /* Fetches the result rows of refs. */
    async fetchRows(refs) {
      const wait = [];
      for (const ref of refs) {
        const c = Math.floor(ref / this.per);
        if (!this.rowsLoaded.has(c)) {
          const p = this.getJson(`${this.dir}d/${c}.json`).then(
            (rows) => (rows || []).forEach((row, i) => (this.docs[c * this.per + i] = this.readRow(row))),
            (e) => {
              this.rowsLoaded.delete(c);
              throw e;
            },
          );
          this.rowsLoaded.set(c, p);
        }
        wait.push(this.rowsLoaded.get(c));
      }
      await Promise.all(wait);
    }

    readRow(row) {
      const kind = this.kinds[row[1]] || [];
      const place = row[6] ? this.places[row[6] - 1] : null;
      return {
        title: row[0],
        kind: kind[0] || '',
        kindLabel: kind[1] || '',
        url: this.base + row[2],
        excerpt: row[3] || '',
        status: row[4] || '',
        statusLabel: row[5] || '',
        place: place ? place.name : this.place,
      };
    }

    idf(term) {
      // per term over all fields: 1 + ln(N / (df + 1)) as elasticlunr
      let v = this.idfs.get(term);
      if (v === undefined) {
        const df = (this.postings.get(term) || []).length;
        v = 1 + Math.log(Math.max(1, this.length) / (df + 1));
        this.idfs.set(term, v);
      }
      return v;
    }

    /* Index terms that a query word finds, with a weight in (0, 1]; with typos, when
     * nothing else is found, also terms one or two edits away. */
    expand(word, typos = true) {
      const key = (typos ? '1' : '0') + word;
      let found = this.expanded.get(key);
      if (!found) {
        found = this.expandUncached(word, typos);
        this.expanded.set(key, found);
      }
      return found;
    }

    expandUncached(word, typos) {
      const found = new Map();
      const add = (t, w) => {
        if (w > (found.get(t) || 0)) found.set(t, w);
      };
      const s = this.term(word);
      if (!s) return found;
      // the word as typed, for partial words the stemmer changes ("speel" → "spel")
      const raw = this.term.trim(word);
      const keys = raw !== s ? [raw] : [];
      // loosely (accents ignored, Dutch vowels undoubled): the stem, and the stem of the folded
      // word ("oster" for "öster")
      const loose = this.loose;
      const folded = [loose(s)];
      const fw = fold(word);
      const fstem = fw !== word ? this.term(fw) : null;
      if (fstem && !folded.includes(loose(fstem))) folded.push(loose(fstem));
      this.ensureTerms();
      for (let i = 0; i < this.terms.length; i++) {
        const t = this.terms[i];
        let w = relation(t, s);
        for (const k of keys) w = Math.max(w, relation(t, k) * 0.9);
        if (w > 0) add(t, w);
        if (w < 1) {
          let wf = 0;
          for (const f of folded) wf = Math.max(wf, relation(this.folded[i], f));
          if (wf > 0) add(t, wf * 0.8);
        }
      }
      // nothing at all: allow a typo (one edit, two in long words), accents ignored, in the
      // stem or in the word as typed
      if (!found.size && typos) {
        for (const key of new Set([folded[0], loose(raw)])) {
          const max = key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0;
          if (!max) continue;
          for (let i = 0; i < this.terms.length; i++) {
            const ft = this.folded[i];
            if (Math.abs(ft.length - key.length) <= max && editDistance(ft, key, max) <= max) add(this.terms[i], 0.3);
          }
        }
      }
      return found;
    }

    /* Terms for one query word given as alternatives: term → weight. */
    expandUnit(alts, typos) {
      const out = new Map();
      for (const word of alts) {
        for (const [t, w] of this.expand(word, typos)) if (w > (out.get(t) || 0)) out.set(t, w);
      }
      return out;
    }

    /* A compound the index only has in parts ("cykelparkering" for "parkering för cyklar"):
     * [head, tail] whose terms both occur, exact matches preferred, or null. */
    decompose(word) {
      let best = null;
      let bestScore = 0;
      for (let i = 3; i <= word.length - 3; i++) {
        const tail = word.slice(i);
        let head = word.slice(0, i);
        const heads = [head];
        if (/[se]$/.test(head) && head.length > 3) heads.push(head.slice(0, -1)); // linking s/e
        const t = this.expandUnit([tail], false);
        if (!t.size) continue;
        for (head of heads) {
          const h = this.expandUnit([head], false);
          if (!h.size) continue;
          const score = Math.max(...h.values()) + Math.max(...t.values()) + Math.min(head.length, tail.length) / 100;
          if (score > bestScore) {
            bestScore = score;
            best = [head, tail];
          }
        }
      }
      return best;
    }

    /* {results: [{ref, score, matched, fallback}], terms, units} for the query words (each a
     * list of alternatives); a word found nowhere may be split into two, or have a typo, and
     * counts as matched through a fallback. */
    search(units) {
      // per word: its terms, the share of a word it counts for, and whether it is a fallback
      const plan = [];
      for (const alts of units) {
        let m = this.expandUnit(alts, false);
        if (!m.size) {
          const parts = alts[0].length >= 7 ? this.decompose(alts[0]) : null;
          if (parts) {
            for (const p of parts) plan.push({ terms: this.expandUnit([p], false), share: 0.5, fallback: true });
            continue;
          }
          m = this.expandUnit(alts, true);
          if (m.size) {
            plan.push({ terms: m, share: 1, fallback: true });
            continue;
          }
        }
        plan.push({ terms: m, share: 1, fallback: false });
      }
      const perDoc = new Map(); // ref → {score, matched, fallback}
      const matchedTerms = new Set();
      for (const { terms, share, fallback } of plan) {
        const best = new Map(); // ref → best score for this word
        for (const [t, w] of terms) {
          matchedTerms.add(t);
          const idf = this.idf(t);
          for (const [ref, weight] of this.postings.get(t) || []) {
            const sc = (weight / 100) * w * idf;
            if (sc > (best.get(ref) || 0)) best.set(ref, sc);
          }
        }
        for (const [ref, sc] of best) {
          let d = perDoc.get(ref);
          if (!d) perDoc.set(ref, (d = { score: 0, matched: 0, fallback: 0 }));
          d.score += sc * share;
          d.matched += share;
          if (fallback) d.fallback += share;
        }
      }
      const out = [];
      for (const [ref, d] of perDoc) {
        if (ref < this.length) out.push({ ref, index: this, score: d.score, matched: d.matched, fallback: d.fallback });
      }
      return { results: out, terms: matchedTerms, units: units.length };
    }
  }

  return { PlaceIndex };
});
