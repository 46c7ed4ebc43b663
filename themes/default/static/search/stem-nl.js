/* ambit search: the Dutch Snowball stemmer, as rust-stemmers (so queries stem like the index). */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./snowball.js'));
  } else {
    const ns = (root.ambitSearch = root.ambitSearch || {});
    ns.stemNl = factory(ns.snowball);
  }
})(typeof self !== 'undefined' ? self : this, function (sb) {
  'use strict';
  const { among, Env } = sb;
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


  return stemDutch;
});
