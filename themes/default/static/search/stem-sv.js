/* ambit search: the Swedish Snowball stemmer, as rust-stemmers (so queries stem like the index). */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./snowball.js'));
  } else {
    const ns = (root.ambitSearch = root.ambitSearch || {});
    ns.stemSv = factory(ns.snowball);
  }
})(typeof self !== 'undefined' ? self : this, function (sb) {
  'use strict';
  const { among, Env } = sb;
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


  return stemSwedish;
});
