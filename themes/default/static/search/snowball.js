/* ambit search: the Snowball runtime of rust-stemmers, on UTF-8 bytes (used by the stemmers). */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    const ns = (root.ambitSearch = root.ambitSearch || {});
    ns.snowball = factory();
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';
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


  return { utf8, among, Env, decoder };
});
