/* ambit search: the Porter stemmer of elasticlunr-rs, for English. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./snowball.js'));
  } else {
    const ns = (root.ambitSearch = root.ambitSearch || {});
    ns.stemEn = factory(ns.snowball);
  }
})(typeof self !== 'undefined' ? self : this, function (sb) {
  'use strict';
  const { utf8, decoder } = sb;
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


  return stemEnglish;
});
