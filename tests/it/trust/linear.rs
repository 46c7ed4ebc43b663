//! Linear time: lists whose items carry their own positions (`sdg`, `tags`, `documents`,
//! `values`, `measures`, also all on one line) are read in time linear in their length. A file
//! with 16 times the items may take at most 40 times as long (a quadratic reader takes 256
//! times), measured as the best of several runs so that a busy machine does not fail the test.

use std::time::{Duration, Instant};

use ambit::load::SourceFile;
use ambit::model::EntityKind;

fn action(n: usize) -> String {
    let mut s = String::from("---\ntitle: Lång lista\nambition: trygghet\nstatus: idea\nsdg:\n");
    for i in 0..n {
        s.push_str(&format!("  - {}\n", i % 17 + 1));
    }
    s.push_str("tags:\n");
    for i in 0..n {
        s.push_str(&format!("  - tagg {i}\n"));
    }
    s.push_str("documents:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  - title: Plan {i}\n    url: https://example.org/{i}.pdf\n"
        ));
    }
    s.push_str("---\n\nText.\n");
    s
}

fn indicator(n: usize) -> String {
    let mut s = String::from("---\ntitle: Många värden\nmeasures: [");
    s.push_str(&vec!["trygghet"; n].join(", "));
    s.push_str("]\nvalues:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  - {{year: {}, value: {i}.5, note: n{i}}}\n",
            1000 + i
        ));
    }
    s.push_str("---\n");
    s
}

/// The best of three parses of `text` as `kind`; the parse must give an entity without errors.
fn best_time(kind: EntityKind, text: &str) -> Duration {
    let src = SourceFile {
        rel: "kommun/actions/x.md".into(),
        display: "content/kommun/actions/x.md".into(),
        text: text.to_string(),
    };
    (0..5)
        .map(|_| {
            let t = Instant::now();
            let (entity, diags) =
                ambit::parse::parse_file(kind, &src, "/", ambit::model::date(2026, 12, 7).unwrap());
            let took = t.elapsed();
            assert!(entity.is_some(), "no entity");
            assert!(!diags.iter().any(|d| d.is_error()), "{:?}", diags.first());
            took
        })
        .min()
        .unwrap()
}

#[test]
fn long_lists_are_read_in_linear_time() {
    let _alone = crate::common::alone();
    let n = 3_000;
    for (kind, make) in [
        (EntityKind::Action, action as fn(usize) -> String),
        (EntityKind::Indicator, indicator),
    ] {
        let small = best_time(kind, &make(n));
        let large = best_time(kind, &make(16 * n));
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        assert!(
            ratio < 40.0,
            "{kind:?}: {n} items took {small:?}, {} took {large:?} ({ratio:.1} times)",
            16 * n
        );
    }
}
