//! The files of a place other than its actions: the programme, areas, ambitions, strategies and
//! indicators (with yearly values), each with front matter and a body.

use std::fmt::Write as _;

use crate::corpus::Place;
use crate::rng::Rng;
use crate::text::{body, plain, q, slug, title, BodyLinks};
use crate::words::{DECIDERS, NOUNS, ORGS, SOURCES, UNITS};
use crate::Args;

pub fn programme(args: &Args, p: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 100, 0);
    let kind = if p == 0 {
        "municipality"
    } else {
        ["town", "district", "village"][p % 3]
    };
    let from = 2020 + (p % 4) as i64;
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}",
        q(&format!("Utvecklingsprogram för {}", place.name))
    )
    .unwrap();
    writeln!(s, "summary: {}", q(&format!("{}.", plain(&mut r, 10, 18)))).unwrap();
    writeln!(
        s,
        "place: {}\nplace_kind: {kind}\nmunicipality: Storköpings kommun",
        q(&place.name)
    )
    .unwrap();
    writeln!(
        s,
        "adopted:\n  by: {}\n  on: {from}-0{}-1{}",
        r.pick(DECIDERS),
        r.range(1, 9),
        r.range(0, 9)
    )
    .unwrap();
    writeln!(s, "period:\n  from: {from}\n  to: {}", from + 4).unwrap();
    writeln!(s, "review: {}", q(&format!("{}.", plain(&mut r, 8, 14)))).unwrap();
    writeln!(
        s,
        "partners:\n  - {}\n  - {}\n  - {}",
        r.pick(ORGS),
        r.pick(ORGS),
        r.pick(DECIDERS)
    )
    .unwrap();
    writeln!(
        s,
        "contact:\n  name: {}\n  email: {}@example.org\n  url: https://example.org/{}",
        r.pick(ORGS),
        place.id,
        place.id
    )
    .unwrap();
    writeln!(
        s,
        "ideas:\n  url: https://example.org/ideer/{}\n  text: {}",
        place.id,
        q(&format!("{}.", plain(&mut r, 8, 14)))
    )
    .unwrap();
    writeln!(s, "tags:\n  - {}\n  - {}", r.pick(NOUNS), r.pick(NOUNS)).unwrap();
    s.push_str("---\n\n");
    let links = BodyLinks {
        internal: place
            .ambitions
            .iter()
            .take(3)
            .map(|a| ("ambitionen", format!("ambitions/{a}.md")))
            .collect(),
    };
    s.push_str(&body(&mut r, 700, &links));
    s
}

pub fn area(args: &Args, p: usize, i: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 0, i as u64);
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}\norder: {}",
        q(&title(&mut r)),
        q(&format!("{}.", plain(&mut r, 8, 16))),
        i + 1
    )
    .unwrap();
    s.push_str("---\n\n");
    let links = BodyLinks {
        internal: vec![("programmet", "../programme.md".into())],
    };
    s.push_str(&body(&mut r, 220, &links));
    let _ = place;
    s
}

pub fn ambition(args: &Args, p: usize, i: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 1, i as u64);
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}",
        q(&title(&mut r)),
        q(&format!("{}.", plain(&mut r, 10, 18)))
    )
    .unwrap();
    let area = (!place.areas.is_empty()).then(|| i % place.areas.len());
    match area {
        Some(a) => writeln!(
            s,
            "order: \"{}.{}\"\narea: {}",
            a + 1,
            i / place.areas.len() + 1,
            place.areas[a]
        )
        .unwrap(),
        None => writeln!(s, "order: {}", i + 1).unwrap(),
    }
    if r.chance(50) {
        writeln!(s, "tags:\n  - {}\n  - {}", r.pick(NOUNS), r.pick(NOUNS)).unwrap();
    }
    s.push_str("---\n\n");
    let mut internal = Vec::new();
    if let Some(a) = area {
        internal.push(("området", format!("../areas/{}.md", place.areas[a])));
    }
    s.push_str(&body(&mut r, 320, &BodyLinks { internal }));
    s
}

pub fn strategy(args: &Args, p: usize, i: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 2, i as u64);
    let (_, amb) = &place.strategies[i];
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}\norder: {}",
        q(&title(&mut r)),
        q(&format!("{}.", plain(&mut r, 8, 16))),
        i + 1
    )
    .unwrap();
    writeln!(s, "ambition: {}", place.ambitions[*amb]).unwrap();
    s.push_str("---\n\n");
    let internal = vec![(
        "ambitionen",
        format!("../ambitions/{}.md", place.ambitions[*amb]),
    )];
    s.push_str(&body(&mut r, 250, &BodyLinks { internal }));
    s
}

pub fn indicator(args: &Args, p: usize, i: usize, place: &Place) -> (String, String) {
    let mut r = Rng::new(args.seed, p as u64, 3, i as u64);
    let t = title(&mut r);
    let id = format!("i{:02}-{}", i + 1, slug(r.pick(NOUNS)));
    let unit = r.pick(UNITS);
    let up = r.chance(70);
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}\norder: {}",
        q(&t),
        q(&format!("{}.", plain(&mut r, 8, 16))),
        i + 1
    )
    .unwrap();
    let a = i % place.ambitions.len();
    s.push_str("measures:\n");
    writeln!(s, "  - {}", place.ambitions[a]).unwrap();
    if let Some((sid, _)) = place.strategies.iter().find(|(_, sa)| *sa == a) {
        writeln!(s, "  - {sid}").unwrap();
    }
    writeln!(
        s,
        "unit: {}\nsource: {}",
        q(unit),
        q(&format!("{}, {}", r.pick(SOURCES), r.pick(NOUNS)))
    )
    .unwrap();
    writeln!(s, "direction: {}", if up { "up" } else { "down" }).unwrap();
    let mut v = r.range(200, 800) as f64 / 10.0;
    writeln!(
        s,
        "target:\n  value: {}\n  year: 2026",
        (v * if up { 1.2 } else { 0.8 }).round()
    )
    .unwrap();
    s.push_str("values:\n");
    for y in 2018..2026 {
        writeln!(s, "  - year: {y}\n    value: {v:.1}").unwrap();
        if r.chance(20) {
            writeln!(s, "    note: {}", q(&format!("{}.", plain(&mut r, 4, 9)))).unwrap();
        }
        v = (v + r.range(-30, 40) as f64 / 10.0).max(0.5);
    }
    s.push_str("---\n\n");
    let internal = vec![(
        "ambitionen",
        format!("../ambitions/{}.md", place.ambitions[a]),
    )];
    s.push_str(&body(&mut r, 180, &BodyLinks { internal }));
    (id, s)
}
