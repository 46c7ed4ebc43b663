/* ambit static search. No dependencies, no requests other than the search index(es).
 *
 * On a page with an element id="search" carrying a data-search JSON attribute (the search page
 * of a place, or the site-wide one), this script fetches the place indexes named there, runs the
 * ?q= query on load and again as the user types, and lists the results in #search-results with
 * the count announced in the polite live region #search-status.
 *
 * data-search (as src/render/lists.rs writes it):
 *   {"indexes": [{"url": "/sub/getinge/search-index.json", "lang": "sv", "place": "Getinge"}],
 *    "actions_url": "/sub/getinge/actions/", "lang": "sv",
 *    "strings": {"search_results_one": "1 träff", "search_results_many": "{n} träffar",
 *                "search_no_results": "Inga träffar för ”{q}”.", "search_try_actions": "Bläddra i
 *                åtgärdslistan", "search_loading": "Laddar sökindex …", "search_error": "…"}}
 * Everything but "indexes" is optional (Swedish, Dutch and English defaults); {n} is the number
 * of results and {q} the query. Without "actions_url" (the site-wide page) the no-results
 * message links to the action list of each place, next to its search-index.json.
 *
 * The index is an elasticlunr index written by src/search/ (elasticlunr-rs), with the result
 * list data under the extra key "ambit". Queries go through the same word splitting, trimmer,
 * stop-word filter and stemmer as the documents: the Snowball Swedish and Dutch stemmers of
 * rust-stemmers and the Porter stemmer of elasticlunr-rs, ported below byte for byte (they work
 * on UTF-8 like the Rust code). tests/js/ checks them against fixtures written by the Rust side.
 * On top of exact terms, a query word also finds index terms that start with it (partial
 * words), that it starts with (stems of other inflections), that contain it after a head of
 * two letters or more (later parts of compounds: "plats" finds "lekplats"), and all of these
 * again with accents ignored (ö/o, é/e), each at a lower weight. A word that finds nothing at
 * all may be a compound the pages write in two words ("cykelparkering"), else have a typo (one
 * edit, two in words of 9 letters or more). Pages matching every word of the query come first.
 */
(function () {
  'use strict';

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

  // ------------------------------------------------- Snowball runtime (rust-stemmers, on UTF-8)

  const encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;
  const decoder = typeof TextDecoder !== 'undefined' ? new TextDecoder() : null;
  const utf8 = (s) => Array.from(encoder.encode(s));
  const among = (list) => list.map(([s, i, result]) => ({ s: utf8(s), i, result }));

  class Env {
    constructor(word) {
      this.b = utf8(word);
      this.cursor = 0;
      this.limit = this.b.length;
      this.limit_backward = 0;
      this.bra = 0;
      this.ket = this.b.length;
    }

    current() {
      return decoder.decode(Uint8Array.from(this.b));
    }

    isBoundary(i) {
      if (i === 0 || i === this.b.length) return true;
      if (i < 0 || i > this.b.length) return false;
      return (this.b[i] & 0xc0) !== 0x80;
    }

    charAt(i) {
      // the code point starting at byte i, or -1
      const b = this.b;
      if (i >= b.length) return -1;
      const x = b[i];
      if (x < 0x80) return x;
      if (x < 0xe0) return ((x & 0x1f) << 6) | (b[i + 1] & 0x3f);
      if (x < 0xf0) return ((x & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      return ((x & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
    }

    replace(bra, ket, s) {
      const bytes = utf8(s);
      const adjustment = bytes.length - (ket - bra);
      this.b.splice(bra, ket - bra, ...bytes);
      this.limit += adjustment;
      if (this.cursor >= ket) this.cursor += adjustment;
      else if (this.cursor > bra) this.cursor = bra;
      return adjustment;
    }

    startsWithAt(i, s) {
      const bytes = typeof s === 'string' ? utf8(s) : s;
      if (i < 0 || i + bytes.length > this.b.length) return false;
      for (let k = 0; k < bytes.length; k++) if (this.b[i + k] !== bytes[k]) return false;
      return true;
    }

    eq_s(s) {
      if (this.cursor >= this.limit) return false;
      const bytes = utf8(s);
      if (!this.startsWithAt(this.cursor, bytes)) return false;
      this.cursor += bytes.length;
      while (!this.isBoundary(this.cursor)) this.cursor++;
      return true;
    }

    eq_s_b(s) {
      const bytes = utf8(s);
      if (this.cursor - this.limit_backward < bytes.length) return false;
      const at = this.cursor - bytes.length;
      if (!this.isBoundary(at) || !this.startsWithAt(at, bytes)) return false;
      this.cursor = at;
      return true;
    }

    slice_from(s) {
      this.replace(this.bra, this.ket, s);
      return true;
    }

    slice_del() {
      return this.slice_from('');
    }

    next_char() {
      this.cursor++;
      while (!this.isBoundary(this.cursor)) this.cursor++;
    }

    previous_char() {
      this.cursor--;
      while (!this.isBoundary(this.cursor)) this.cursor--;
    }

    hop(delta) {
      let res = this.cursor;
      while (delta > 0) {
        res++;
        delta--;
        while (res <= this.b.length && !this.isBoundary(res)) res++;
      }
      return res;
    }

    inSet(g, min, max, ch) {
      if (ch > max || ch < min) return false;
      ch -= min;
      return (g[ch >> 3] & (1 << (ch & 7))) !== 0;
    }

    in_grouping(g, min, max) {
      if (this.cursor >= this.limit) return false;
      const ch = this.charAt(this.cursor);
      if (ch < 0 || !this.inSet(g, min, max, ch)) return false;
      this.next_char();
      return true;
    }

    in_grouping_b(g, min, max) {
      if (this.cursor <= this.limit_backward) return false;
      this.previous_char();
      const ch = this.charAt(this.cursor);
      this.next_char();
      if (ch < 0 || !this.inSet(g, min, max, ch)) return false;
      this.previous_char();
      return true;
    }

    out_grouping(g, min, max) {
      if (this.cursor >= this.limit) return false;
      const ch = this.charAt(this.cursor);
      if (ch < 0) return false;
      if (!this.inSet(g, min, max, ch)) {
        this.next_char();
        return true;
      }
      return false;
    }

    out_grouping_b(g, min, max) {
      if (this.cursor <= this.limit_backward) return false;
      this.previous_char();
      const ch = this.charAt(this.cursor);
      this.next_char();
      if (ch >= 0 && !this.inSet(g, min, max, ch)) {
        this.previous_char();
        return true;
      }
      return false;
    }

    find_among(list) {
      let i = 0;
      let j = list.length;
      const c = this.cursor;
      const l = this.limit;
      let commonI = 0;
      let commonJ = 0;
      let firstKeyInspected = false;
      for (;;) {
        const k = i + ((j - i) >> 1);
        let diff = 0;
        let common = Math.min(commonI, commonJ);
        const w = list[k];
        for (let lvar = common; lvar < w.s.length; lvar++) {
          if (c + common === l) {
            diff = -1;
            break;
          }
          diff = this.b[c + common] - w.s[lvar];
          if (diff !== 0) break;
          common++;
        }
        if (diff < 0) {
          j = k;
          commonJ = common;
        } else {
          i = k;
          commonI = common;
        }
        if (j - i <= 1) {
          if (i > 0 || j === i || firstKeyInspected) break;
          firstKeyInspected = true;
        }
      }
      for (;;) {
        const w = list[i];
        if (commonI >= w.s.length) {
          this.cursor = c + w.s.length;
          return w.result;
        }
        i = w.i;
        if (i < 0) return 0;
      }
    }

    find_among_b(list) {
      let i = 0;
      let j = list.length;
      const c = this.cursor;
      const lb = this.limit_backward;
      let commonI = 0;
      let commonJ = 0;
      let firstKeyInspected = false;
      for (;;) {
        const k = i + ((j - i) >> 1);
        let diff = 0;
        let common = Math.min(commonI, commonJ);
        const w = list[k];
        for (let lvar = w.s.length - common - 1; lvar >= 0; lvar--) {
          if (c - common === lb) {
            diff = -1;
            break;
          }
          diff = this.b[c - common - 1] - w.s[lvar];
          if (diff !== 0) break;
          common++;
        }
        if (diff < 0) {
          j = k;
          commonJ = common;
        } else {
          i = k;
          commonI = common;
        }
        if (j - i <= 1) {
          if (i > 0 || j === i || firstKeyInspected) break;
          firstKeyInspected = true;
        }
      }
      for (;;) {
        const w = list[i];
        if (commonI >= w.s.length) {
          this.cursor = c - w.s.length;
          return w.result;
        }
        i = w.i;
        if (i < 0) return 0;
      }
    }
  }

  // ---------------------------------------------- Swedish (rust-stemmers 1.2 swedish.rs)

  const SV_A0 = among([
    ['a', -1, 1], ['arna', 0, 1], ['erna', 0, 1], ['heterna', 2, 1], ['orna', 0, 1], ['ad', -1, 1],
    ['e', -1, 1], ['ade', 6, 1], ['ande', 6, 1], ['arne', 6, 1], ['are', 6, 1], ['aste', 6, 1],
    ['en', -1, 1], ['anden', 12, 1], ['aren', 12, 1], ['heten', 12, 1], ['ern', -1, 1], ['ar', -1, 1],
    ['er', -1, 1], ['heter', 18, 1], ['or', -1, 1], ['s', -1, 2], ['as', 21, 1], ['arnas', 22, 1],
    ['ernas', 22, 1], ['ornas', 22, 1], ['es', 21, 1], ['ades', 26, 1], ['andes', 26, 1], ['ens', 21, 1],
    ['arens', 29, 1], ['hetens', 29, 1], ['erns', 21, 1], ['at', -1, 1], ['andet', -1, 1], ['het', -1, 1],
    ['ast', -1, 1],
  ]);
  const SV_A1 = among([['dd', -1, -1], ['gd', -1, -1], ['nn', -1, -1], ['dt', -1, -1], ['gt', -1, -1], ['kt', -1, -1], ['tt', -1, -1]]);
  const SV_A2 = among([['ig', -1, 1], ['lig', 0, 1], ['els', -1, 1], ['fullt', -1, 3], ['l\u00F6st', -1, 2]]);
  const SV_V = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24, 0, 32];
  const SV_S_ENDING = [119, 127, 149];

  function svMarkRegions(env, ctx) {
    ctx.p1 = env.limit;
    const v1 = env.cursor;
    const c = env.hop(3);
    if (c < 0 || c > env.limit) return false;
    env.cursor = c;
    ctx.x = env.cursor;
    env.cursor = v1;
    for (;;) {
      const v2 = env.cursor;
      if (env.in_grouping(SV_V, 97, 246)) {
        env.cursor = v2;
        break;
      }
      env.cursor = v2;
      if (env.cursor >= env.limit) return false;
      env.next_char();
    }
    for (;;) {
      if (env.out_grouping(SV_V, 97, 246)) break;
      if (env.cursor >= env.limit) return false;
      env.next_char();
    }
    ctx.p1 = env.cursor;
    if (ctx.p1 < ctx.x) ctx.p1 = ctx.x;
    return true;
  }

  /* setlimit tomark p1 for (...): runs body with limit_backward at p1; false if cursor < p1 */
  function inR1(env, ctx, body) {
    const v1 = env.limit - env.cursor;
    if (env.cursor < ctx.p1) return false;
    env.cursor = ctx.p1;
    const v2 = env.limit_backward;
    env.limit_backward = env.cursor;
    env.cursor = env.limit - v1;
    return body(v2);
  }

  function svMainSuffix(env, ctx) {
    return inR1(env, ctx, (v2) => {
      env.ket = env.cursor;
      const a = env.find_among_b(SV_A0);
      if (a === 0) {
        env.limit_backward = v2;
        return false;
      }
      env.bra = env.cursor;
      env.limit_backward = v2;
      if (a === 1) {
        env.slice_del();
      } else if (a === 2) {
        if (!env.in_grouping_b(SV_S_ENDING, 98, 121)) return false;
        env.slice_del();
      }
      return true;
    });
  }

  function svConsonantPair(env, ctx) {
    return inR1(env, ctx, (v2) => {
      const v3 = env.limit - env.cursor;
      if (env.find_among_b(SV_A1) === 0) {
        env.limit_backward = v2;
        return false;
      }
      env.cursor = env.limit - v3;
      env.ket = env.cursor;
      if (env.cursor <= env.limit_backward) {
        env.limit_backward = v2;
        return false;
      }
      env.previous_char();
      env.bra = env.cursor;
      env.slice_del();
      env.limit_backward = v2;
      return true;
    });
  }

  function svOtherSuffix(env, ctx) {
    return inR1(env, ctx, (v2) => {
      env.ket = env.cursor;
      const a = env.find_among_b(SV_A2);
      if (a === 0) {
        env.limit_backward = v2;
        return false;
      }
      env.bra = env.cursor;
      if (a === 1) env.slice_del();
      else if (a === 2) env.slice_from('l\u00F6s');
      else if (a === 3) env.slice_from('full');
      env.limit_backward = v2;
      return true;
    });
  }

  function stemSwedish(word) {
    const env = new Env(word);
    const ctx = { x: 0, p1: 0 };
    const v1 = env.cursor;
    svMarkRegions(env, ctx);
    env.cursor = v1;
    env.limit_backward = env.cursor;
    env.cursor = env.limit;
    for (const step of [svMainSuffix, svConsonantPair, svOtherSuffix]) {
      const v = env.limit - env.cursor;
      step(env, ctx);
      env.cursor = env.limit - v;
    }
    env.cursor = env.limit_backward;
    return env.current();
  }

  // ------------------------------------------------- Dutch (rust-stemmers 1.2 dutch.rs)

  const DU_A0 = among([
    ['', -1, 6], ['\u00E1', 0, 1], ['\u00E4', 0, 1], ['\u00E9', 0, 2], ['\u00EB', 0, 2], ['\u00ED', 0, 3],
    ['\u00EF', 0, 3], ['\u00F3', 0, 4], ['\u00F6', 0, 4], ['\u00FA', 0, 5], ['\u00FC', 0, 5],
  ]);
  const DU_A1 = among([['', -1, 3], ['I', 0, 2], ['Y', 0, 1]]);
  const DU_A2 = among([['dd', -1, -1], ['kk', -1, -1], ['tt', -1, -1]]);
  const DU_A3 = among([['ene', -1, 2], ['se', -1, 3], ['en', -1, 2], ['heden', 2, 1], ['s', -1, 3]]);
  const DU_A4 = among([['end', -1, 1], ['ig', -1, 2], ['ing', -1, 1], ['lijk', -1, 3], ['baar', -1, 4], ['bar', -1, 5]]);
  const DU_A5 = among([['aa', -1, -1], ['ee', -1, -1], ['oo', -1, -1], ['uu', -1, -1]]);
  const DU_V = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128];
  const DU_V_I = [1, 0, 0, 17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128];
  const DU_V_J = [17, 67, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128];

  function duPrelude(env) {
    const v1 = env.cursor;
    for (;;) {
      const v2 = env.cursor;
      env.bra = env.cursor;
      const a = env.find_among(DU_A0);
      let ok = a !== 0;
      if (ok) {
        env.ket = env.cursor;
        if (a >= 1 && a <= 5) env.slice_from('aeiou'[a - 1]);
        else if (a === 6) {
          if (env.cursor >= env.limit) ok = false;
          else env.next_char();
        }
      }
      if (!ok) {
        env.cursor = v2;
        break;
      }
    }
    env.cursor = v1;
    const v3 = env.cursor;
    env.bra = env.cursor;
    if (!env.eq_s('y')) {
      env.cursor = v3;
    } else {
      env.ket = env.cursor;
      env.slice_from('Y');
    }
    for (;;) {
      const v4 = env.cursor;
      let found = false;
      for (;;) {
        const v5 = env.cursor;
        let matched = false;
        if (env.in_grouping(DU_V, 97, 232)) {
          env.bra = env.cursor;
          const v6 = env.cursor;
          if (env.eq_s('i') && ((env.ket = env.cursor), env.in_grouping(DU_V, 97, 232))) {
            env.slice_from('I');
            matched = true;
          } else {
            env.cursor = v6;
            if (env.eq_s('y')) {
              env.ket = env.cursor;
              env.slice_from('Y');
              matched = true;
            }
          }
        }
        if (matched) {
          env.cursor = v5;
          found = true;
          break;
        }
        env.cursor = v5;
        if (env.cursor >= env.limit) break;
        env.next_char();
      }
      if (!found) {
        env.cursor = v4;
        break;
      }
    }
  }

  function duMarkRegions(env, ctx) {
    ctx.p1 = env.limit;
    ctx.p2 = env.limit;
    const gopast = (inside) => {
      for (;;) {
        if (inside ? env.in_grouping(DU_V, 97, 232) : env.out_grouping(DU_V, 97, 232)) return true;
        if (env.cursor >= env.limit) return false;
        env.next_char();
      }
    };
    if (!gopast(true) || !gopast(false)) return false;
    ctx.p1 = env.cursor;
    if (ctx.p1 < 3) ctx.p1 = 3;
    if (!gopast(true) || !gopast(false)) return false;
    ctx.p2 = env.cursor;
    return true;
  }

  function duPostlude(env) {
    for (;;) {
      const v1 = env.cursor;
      env.bra = env.cursor;
      const a = env.find_among(DU_A1);
      let ok = a !== 0;
      if (ok) {
        env.ket = env.cursor;
        if (a === 1) env.slice_from('y');
        else if (a === 2) env.slice_from('i');
        else if (a === 3) {
          if (env.cursor >= env.limit) ok = false;
          else env.next_char();
        }
      }
      if (!ok) {
        env.cursor = v1;
        break;
      }
    }
  }

  const duR1 = (env, ctx) => ctx.p1 <= env.cursor;
  const duR2 = (env, ctx) => ctx.p2 <= env.cursor;

  function duUndouble(env) {
    const v1 = env.limit - env.cursor;
    if (env.find_among_b(DU_A2) === 0) return false;
    env.cursor = env.limit - v1;
    env.ket = env.cursor;
    if (env.cursor <= env.limit_backward) return false;
    env.previous_char();
    env.bra = env.cursor;
    env.slice_del();
    return true;
  }

  function duEEnding(env, ctx) {
    ctx.e_found = false;
    env.ket = env.cursor;
    if (!env.eq_s_b('e')) return false;
    env.bra = env.cursor;
    if (!duR1(env, ctx)) return false;
    const v1 = env.limit - env.cursor;
    if (!env.out_grouping_b(DU_V, 97, 232)) return false;
    env.cursor = env.limit - v1;
    env.slice_del();
    ctx.e_found = true;
    return duUndouble(env);
  }

  function duEnEnding(env, ctx) {
    if (!duR1(env, ctx)) return false;
    const v1 = env.limit - env.cursor;
    if (!env.out_grouping_b(DU_V, 97, 232)) return false;
    env.cursor = env.limit - v1;
    const v2 = env.limit - env.cursor;
    if (env.eq_s_b('gem')) return false;
    env.cursor = env.limit - v2;
    env.slice_del();
    return duUndouble(env);
  }

  /* eq_s_b(s) as a negative test ("not 's'"): true when s is not before the cursor; the
   * cursor is put back either way */
  function notB(env, s) {
    const v = env.limit - env.cursor;
    const found = env.eq_s_b(s);
    env.cursor = env.limit - v;
    return !found;
  }

  function duStandardSuffix(env, ctx) {
    const v1 = env.limit - env.cursor;
    (() => {
      env.ket = env.cursor;
      const a = env.find_among_b(DU_A3);
      if (a === 0) return;
      env.bra = env.cursor;
      if (a === 1) {
        if (!duR1(env, ctx)) return;
        env.slice_from('heid');
      } else if (a === 2) {
        duEnEnding(env, ctx);
      } else if (a === 3) {
        if (!duR1(env, ctx)) return;
        if (!env.out_grouping_b(DU_V_J, 97, 232)) return;
        env.slice_del();
      }
    })();
    env.cursor = env.limit - v1;
    const v2 = env.limit - env.cursor;
    duEEnding(env, ctx);
    env.cursor = env.limit - v2;
    const v3 = env.limit - env.cursor;
    (() => {
      env.ket = env.cursor;
      if (!env.eq_s_b('heid')) return;
      env.bra = env.cursor;
      if (!duR2(env, ctx)) return;
      if (!notB(env, 'c')) return;
      env.slice_del();
      env.ket = env.cursor;
      if (!env.eq_s_b('en')) return;
      env.bra = env.cursor;
      duEnEnding(env, ctx);
    })();
    env.cursor = env.limit - v3;
    const v5 = env.limit - env.cursor;
    (() => {
      env.ket = env.cursor;
      const a = env.find_among_b(DU_A4);
      if (a === 0) return;
      env.bra = env.cursor;
      if (a === 1) {
        if (!duR2(env, ctx)) return;
        env.slice_del();
        const v6 = env.limit - env.cursor;
        const ig = (() => {
          env.ket = env.cursor;
          if (!env.eq_s_b('ig')) return false;
          env.bra = env.cursor;
          if (!duR2(env, ctx)) return false;
          if (!notB(env, 'e')) return false;
          env.slice_del();
          return true;
        })();
        if (!ig) {
          env.cursor = env.limit - v6;
          duUndouble(env);
        }
      } else if (a === 2) {
        if (!duR2(env, ctx)) return;
        if (!notB(env, 'e')) return;
        env.slice_del();
      } else if (a === 3) {
        if (!duR2(env, ctx)) return;
        env.slice_del();
        duEEnding(env, ctx);
      } else if (a === 4) {
        if (!duR2(env, ctx)) return;
        env.slice_del();
      } else if (a === 5) {
        if (!duR2(env, ctx)) return;
        if (!ctx.e_found) return;
        env.slice_del();
      }
    })();
    env.cursor = env.limit - v5;
    const v9 = env.limit - env.cursor;
    (() => {
      if (!env.out_grouping_b(DU_V_I, 73, 232)) return;
      const v10 = env.limit - env.cursor;
      if (env.find_among_b(DU_A5) === 0) return;
      if (!env.out_grouping_b(DU_V, 97, 232)) return;
      env.cursor = env.limit - v10;
      env.ket = env.cursor;
      if (env.cursor <= env.limit_backward) return;
      env.previous_char();
      env.bra = env.cursor;
      env.slice_del();
    })();
    env.cursor = env.limit - v9;
  }

  function stemDutch(word) {
    const env = new Env(word);
    const ctx = { p1: 0, p2: 0, e_found: false };
    let v = env.cursor;
    duPrelude(env);
    env.cursor = v;
    v = env.cursor;
    duMarkRegions(env, ctx);
    env.cursor = v;
    env.limit_backward = env.cursor;
    env.cursor = env.limit;
    v = env.limit - env.cursor;
    duStandardSuffix(env, ctx);
    env.cursor = env.limit - v;
    env.cursor = env.limit_backward;
    v = env.cursor;
    duPostlude(env);
    env.cursor = v;
    return env.current();
  }

  // ------------------------------------- English (Porter, elasticlunr-rs 3.1 src/lang/en.rs)

  const A = (s) => s.charCodeAt(0);

  class Porter {
    constructor(word) {
      this.b = utf8(word).map((c) => (c >= 65 && c <= 90 ? c + 32 : c));
      this.k = this.b.length;
      this.j = 0;
    }

    cons(i) {
      const c = this.b[i];
      if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
      if (c === 121) return i === 0 ? true : !this.cons(i - 1);
      return true;
    }

    m() {
      let n = 0;
      let i = 0;
      const j = this.j;
      for (;;) {
        if (i >= j) return n;
        if (!this.cons(i)) break;
        i++;
      }
      i++;
      for (;;) {
        for (;;) {
          if (i >= j) return n;
          if (this.cons(i)) break;
          i++;
        }
        i++;
        n++;
        for (;;) {
          if (i >= j) return n;
          if (!this.cons(i)) break;
          i++;
        }
        i++;
      }
    }

    vowelInStem() {
      for (let i = 0; i < this.j; i++) if (!this.cons(i)) return true;
      return false;
    }

    doublec(i) {
      return i >= 1 && this.b[i] === this.b[i - 1] && this.b[i] < 128 && this.cons(i);
    }

    cvc(i) {
      if (i < 2 || !this.cons(i) || this.cons(i - 1) || !this.cons(i - 2)) return false;
      const c = this.b[i];
      return !(c === A('w') || c === A('x') || c === A('y'));
    }

    ends(s) {
      const len = s.length;
      if (len > this.k) return false;
      for (let i = 0; i < len; i++) if (this.b[this.k - len + i] !== s.charCodeAt(i)) return false;
      this.j = this.k - len;
      return true;
    }

    setto(s) {
      for (let i = 0; i < s.length; i++) this.b[this.j + i] = s.charCodeAt(i);
      this.k = this.j + s.length;
    }

    r(s) {
      if (this.m() > 0) this.setto(s);
    }

    step1ab() {
      if (this.b[this.k - 1] === A('s')) {
        if (this.ends('sses')) this.k -= 2;
        else if (this.ends('ies')) this.setto('i');
        else if (this.b[this.k - 2] !== A('s')) this.k -= 1;
      }
      if (this.ends('eed')) {
        if (this.m() > 0) this.k -= 1;
      } else if ((this.ends('ed') || this.ends('ing')) && this.vowelInStem()) {
        this.k = this.j;
        if (this.ends('at')) this.setto('ate');
        else if (this.ends('bl')) this.setto('ble');
        else if (this.ends('iz')) this.setto('ize');
        else if (this.doublec(this.k - 1)) {
          this.k -= 1;
          const c = this.b[this.k - 1];
          if (c === A('l') || c === A('s') || c === A('z')) this.k += 1;
        } else if (this.m() === 1 && this.cvc(this.k - 1)) this.setto('e');
      }
    }

    step1c() {
      if (this.k > 2 && this.ends('y')) {
        const c = this.b[this.k - 2];
        if (!(c === 97 || c === 101 || c === 105 || c === 111 || c === 117)) this.b[this.k - 1] = A('i');
      }
    }

    // each rule: [suffix, replacement]; the first suffix that ends the word decides
    rules(list) {
      for (const [s, rep] of list) {
        if (this.ends(s)) {
          this.r(rep);
          return;
        }
      }
    }

    step2() {
      if (this.k < 2) return;
      const table = {
        a: [['ational', 'ate'], ['tional', 'tion']],
        c: [['enci', 'ence'], ['anci', 'ance']],
        e: [['izer', 'ize']],
        l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
        o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
        s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
        t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
        g: [['logi', 'log']],
      };
      const list = table[String.fromCharCode(this.b[this.k - 2])];
      if (list) this.rules(list);
    }

    step3() {
      const table = {
        e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
        i: [['iciti', 'ic']],
        l: [['ical', 'ic'], ['ful', '']],
        s: [['ness', '']],
      };
      const list = table[String.fromCharCode(this.b[this.k - 1])];
      if (list) this.rules(list);
    }

    step4() {
      if (this.k < 2) return;
      let matched = false;
      switch (String.fromCharCode(this.b[this.k - 2])) {
        case 'a': matched = this.ends('al'); break;
        case 'c': matched = this.ends('ance') || this.ends('ence'); break;
        case 'e': matched = this.ends('er'); break;
        case 'i': matched = this.ends('ic'); break;
        case 'l': matched = this.ends('able') || this.ends('ible'); break;
        case 'n': matched = this.ends('ant') || this.ends('ement') || this.ends('ment') || this.ends('ent'); break;
        case 'o':
          matched = (this.ends('ion') && this.j > 0 && (this.b[this.j - 1] === A('s') || this.b[this.j - 1] === A('t'))) || this.ends('ou');
          break;
        case 's': matched = this.ends('ism'); break;
        case 't': matched = this.ends('ate') || this.ends('iti'); break;
        case 'u': matched = this.ends('ous'); break;
        case 'v': matched = this.ends('ive'); break;
        case 'z': matched = this.ends('ize'); break;
        default: break;
      }
      if (matched && this.m() > 1) this.k = this.j;
    }

    step5() {
      this.j = this.k;
      if (this.b[this.k - 1] === A('e')) {
        const a = this.m();
        if (a > 1 || (a === 1 && !this.cvc(this.k - 2))) this.k -= 1;
      }
      if (this.b[this.k - 1] === A('l') && this.doublec(this.k - 1) && this.m() > 1) this.k -= 1;
    }
  }

  function stemEnglish(word) {
    if (utf8(word).length <= 2) return word;
    const p = new Porter(word);
    p.step1ab();
    p.step1c();
    p.step2();
    p.step3();
    p.step4();
    p.step5();
    return decoder.decode(Uint8Array.from(p.b.slice(0, p.k)));
  }

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

  // ------------------------------------------------------------------ index and matching

  /* A place's search-index.json, read for searching: term → postings per field. */
  class PlaceIndex {
    constructor(json, info) {
      info = info || {};
      const extra = json.ambit || {};
      this.code = extra.lang || lunrCode(info.lang);
      this.term = makePipeline(this.code);
      this.place = info.place || '';
      this.actions = info.actions || '';
      this.fields = json.fields || [];
      this.boost = extra.boost || {};
      this.length = (json.documentStore && json.documentStore.length) || 0;
      this.docInfo = (json.documentStore && json.documentStore.docInfo) || {};
      this.postings = new Map(); // term → [[fieldIndex, {ref: tf}], …]
      this.idfs = new Map();
      this.expanded = new Map(); // memo of expand()
      this.fields.forEach((field, fi) => {
        const root = json.index && json.index[field] && json.index[field].root;
        if (root) this.walk(root, '', fi);
      });
      this.terms = Array.from(this.postings.keys()).sort();
      this.loose = looseForm(this.code);
      this.folded = this.terms.map(this.loose);
      const kinds = extra.kinds || [];
      const base = extra.base || '';
      this.docs = (extra.docs || []).map((row) => ({
        title: row[0],
        kind: (kinds[row[1]] || [])[0] || '',
        kindLabel: (kinds[row[1]] || [])[1] || '',
        url: base + row[2],
        excerpt: row[3] || '',
        status: row[4] || '',
        statusLabel: row[5] || '',
      }));
    }

    walk(node, term, fi) {
      for (const key in node) {
        if (key === 'docs') {
          const docs = node.docs;
          if (docs && Object.keys(docs).length) {
            let list = this.postings.get(term);
            if (!list) this.postings.set(term, (list = []));
            list.push([fi, docs]);
          }
        } else if (key !== 'df') {
          this.walk(node[key], term + key, fi);
        }
      }
    }

    idf(term) {
      // per term over all fields: 1 + ln(N / (df + 1)) as elasticlunr
      let v = this.idfs.get(term);
      if (v === undefined) {
        const refs = new Set();
        for (const [, docs] of this.postings.get(term) || []) for (const r in docs) refs.add(r);
        v = 1 + Math.log(Math.max(1, this.length) / (refs.size + 1));
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

    /* {results: [{doc, score, matched, fallback}], terms, units} for the query words (each a
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
          const byRef = new Map();
          for (const [fi, docs] of this.postings.get(t)) {
            const field = this.fields[fi];
            const boost = this.boost[field] || 1;
            for (const ref in docs) {
              const len = (this.docInfo[ref] && this.docInfo[ref][field]) || 1;
              const sc = (boost * w * docs[ref].tf * idf) / Math.sqrt(len);
              byRef.set(ref, (byRef.get(ref) || 0) + sc);
            }
          }
          for (const [ref, sc] of byRef) if (sc > (best.get(ref) || 0)) best.set(ref, sc);
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
        const doc = this.docs[Number(ref)];
        if (doc) out.push({ doc, index: this, score: d.score, matched: d.matched, fallback: d.fallback });
      }
      return { results: out, terms: matchedTerms, units: units.length };
    }
  }

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
    all.sort((a, b) => a.missing - b.missing || a.fallback - b.fallback || b.score - a.score || a.doc.title.localeCompare(b.doc.title));
    return { results: all, terms, words: units.length };
  }

  // ------------------------------------------------------------------------------- page

  const DEFAULTS = {
    sv: {
      search_results_one: '1 träff', search_results_many: '{n} träffar', search_no_results: 'Inga träffar för ”{q}”.',
      search_try_actions: 'Bläddra i åtgärdslistan', search_loading: 'Laddar sökindex …', search_error: 'Sökindexet kunde inte laddas.',
    },
    du: {
      search_results_one: '1 resultaat', search_results_many: '{n} resultaten', search_no_results: 'Geen resultaten voor ‘{q}’.',
      search_try_actions: 'Blader door de actielijst', search_loading: 'Zoekindex laden …', search_error: 'De zoekindex kon niet worden geladen.',
    },
    en: {
      search_results_one: '1 result', search_results_many: '{n} results', search_no_results: 'No results for ‘{q}’.',
      search_try_actions: 'Browse the action list', search_loading: 'Loading search index …', search_error: 'The search index could not be loaded.',
    },
  };

  const format = (s, vars) => String(s).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));

  const WORD_RUN = /[\p{Alphabetic}\p{N}]+(?:['\u2019\u02BC][\p{Alphabetic}\p{N}]+)*/gu;

  /* Appends text to el with the words whose term is in terms wrapped in <mark>. */
  function appendMarked(el, text, index, terms) {
    const doc = el.ownerDocument;
    let last = 0;
    for (const m of text.matchAll(WORD_RUN)) {
      const t = index.term(m[0].normalize('NFC').toLowerCase().replace(/['\u2019\u02BC]/g, ''));
      if (!t || !terms.has(t)) continue;
      if (m.index > last) el.appendChild(doc.createTextNode(text.slice(last, m.index)));
      const mark = doc.createElement('mark');
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) el.appendChild(doc.createTextNode(text.slice(last)));
  }

  function actionLinks(cfg, strings) {
    const text = strings.search_try_actions;
    if (cfg.actions_url) return [{ url: cfg.actions_url, text }];
    const many = cfg.indexes.length > 1;
    return cfg.indexes.map((i) => ({
      url: i.actions || String(i.url).replace(/search-index\.json(\?.*)?$/, 'actions/'),
      text: many && i.place ? `${text} (${i.place})` : text,
    }));
  }

  function start(doc, win) {
    const root = doc.getElementById('search') || doc.querySelector('[data-search]');
    if (!root || !root.hasAttribute('data-search')) return null;
    let cfg;
    try {
      cfg = JSON.parse(root.getAttribute('data-search'));
    } catch (e) {
      return null;
    }
    cfg.indexes = Array.isArray(cfg.indexes) ? cfg.indexes : [];
    const lang = lunrCode(cfg.lang || (cfg.indexes[0] && cfg.indexes[0].lang) || doc.documentElement.lang);
    const strings = Object.assign({}, DEFAULTS[lang]);
    for (const [k, v] of Object.entries(cfg.strings || {})) if (typeof v === 'string' && v) strings[k] = v;

    const input = doc.getElementById('search-q') || root.querySelector('input[name="q"]');
    let results = doc.getElementById('search-results');
    if (!results) {
      results = doc.createElement('div');
      results.id = 'search-results';
      root.appendChild(results);
    }
    // the count is announced by the status region alone, not the whole list
    if (results.getAttribute('aria-live')) results.removeAttribute('aria-live');
    let status = doc.getElementById('search-status');
    if (!status) {
      status = doc.createElement('p');
      status.id = 'search-status';
      results.parentNode.insertBefore(status, results);
    }
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    let indexes = null;
    let failed = false;
    let shown = null;
    // while the user types, the count is announced once typing pauses, not at every key
    let quiet = false;
    let announceTimer = null;

    function setStatus(text, links) {
      clearTimeout(announceTimer);
      if (quiet) {
        quiet = false;
        announceTimer = setTimeout(() => setStatus(text, links), 700);
        return;
      }
      status.textContent = text;
      for (const l of links || []) {
        status.appendChild(doc.createTextNode(' '));
        const a = doc.createElement('a');
        a.href = l.url;
        a.textContent = l.text;
        status.appendChild(a);
      }
    }

    function render(q) {
      q = q.trim();
      if (q === shown) return;
      if (!indexes) {
        if (!failed && q) setStatus(strings.search_loading);
        return;
      }
      shown = q;
      results.textContent = '';
      if (!q) {
        setStatus('');
        return;
      }
      const { results: found, terms } = searchAll(indexes, q);
      if (!found.length) {
        setStatus(format(strings.search_no_results, { q }), actionLinks(cfg, strings));
        return;
      }
      const many = indexes.length > 1;
      const ol = doc.createElement('ol');
      ol.className = 'search-results-list';
      for (const r of found) {
        const li = doc.createElement('li');
        li.className = 'search-result' + (r.doc.status ? ` status-${r.doc.status}` : '');
        const a = doc.createElement('a');
        a.href = r.doc.url;
        a.className = 'search-result-title';
        appendMarked(a, r.doc.title, r.index, terms.get(r.index));
        li.appendChild(a);
        const meta = [many && r.index.place, r.doc.kindLabel, r.doc.statusLabel].filter(Boolean);
        if (meta.length) {
          const span = doc.createElement('span');
          span.className = 'search-result-meta';
          span.textContent = meta.join(' · ');
          li.appendChild(doc.createTextNode(' '));
          li.appendChild(span);
        }
        if (r.doc.excerpt) {
          const p = doc.createElement('p');
          p.className = 'search-result-snippet';
          appendMarked(p, r.doc.excerpt, r.index, terms.get(r.index));
          li.appendChild(p);
        }
        ol.appendChild(li);
      }
      results.appendChild(ol);
      const n = found.length;
      setStatus(format(n === 1 ? strings.search_results_one : strings.search_results_many, { n, q }));
    }

    function setUrl(q) {
      try {
        const url = new URL(win.location.href);
        if (q.trim()) url.searchParams.set('q', q);
        else url.searchParams.delete('q');
        win.history.replaceState(win.history.state, '', url.toString());
      } catch (e) {
        /* a file: URL or a sandbox: keep the address */
      }
    }

    const initial = new URLSearchParams(win.location.search).get('q') || '';
    if (input) {
      if (initial && !input.value) input.value = initial;
      let timer = null;
      input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          quiet = true;
          render(input.value);
          quiet = false;
          setUrl(input.value);
        }, 150);
      });
      if (input.form) {
        input.form.addEventListener('submit', (e) => {
          e.preventDefault();
          clearTimeout(timer);
          render(input.value);
          setUrl(input.value);
        });
      }
    }
    const current = () => (input ? input.value : initial);

    if (current().trim()) setStatus(strings.search_loading);
    Promise.all(
      cfg.indexes.map((info) =>
        win.fetch(info.url, { credentials: 'same-origin' })
          .then((r) => {
            if (!r.ok) throw new Error(`${info.url}: ${r.status}`);
            return r.json();
          })
          .then((json) => new PlaceIndex(json, info))
          .catch((e) => {
            if (win.console) win.console.error('search:', e);
            return null;
          }),
      ),
    ).then((loaded) => {
      indexes = loaded.filter(Boolean);
      if (!indexes.length && cfg.indexes.length) {
        failed = true;
        setStatus(strings.search_error);
        return;
      }
      render(current());
    });
    return { render };
  }

  const api = { splitWords, words, stemSwedish, stemDutch, stemEnglish, makePipeline, lunrCode, fold, relation, editDistance, queryUnits, PlaceIndex, searchAll, start };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => start(document, window));
    } else {
      start(document, window);
    }
  }
})();
