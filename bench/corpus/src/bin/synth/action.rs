//! The action files: every action field, statuses in fixed shares, and some actions of other
//! places serving an ambition of the municipality.

use std::fmt::Write as _;

use crate::corpus::{Place, STATUSES};
use crate::rng::Rng;
use crate::text::{body, plain, q, slug, title, BodyLinks};
use crate::words::{DECIDERS, EFFORTS, NOUNS, ORGS, ORIGINS};
use crate::Args;

/// Action `i` of place `p`: its id and its text.
pub fn action(
    args: &Args,
    p: usize,
    i: usize,
    place: &Place,
    municipality: &Place,
) -> (String, String) {
    let mut r = Rng::new(args.seed, p as u64, 4, i as u64);
    let t = title(&mut r);
    let id = format!("{}-{}", slug(&t), i + 1);
    let status = status_of(p, i);
    let served = Served::new(&mut r, p, i, place, municipality);
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}",
        q(&t),
        q(&format!("{}.", plain(&mut r, 10, 20)))
    )
    .unwrap();
    served.write(&mut s, &mut r);
    writeln!(s, "status: {status}\neffort: {}", r.pick(EFFORTS)).unwrap();
    write_bodies(&mut s, &mut r);
    let listed = write_dates(&mut s, &mut r, status);
    write_facts(&mut s, &mut r, status, listed);
    s.push_str("---\n\n");
    let internal = vec![("ambitionen", served.link())];
    let words = r.range(220, 380) as usize;
    s.push_str(&body(&mut r, words, &BodyLinks { internal }));
    (id, s)
}

/// Statuses in fixed shares, spread over the list.
fn status_of(p: usize, i: usize) -> &'static str {
    let mut roll = (i * 37 + p * 11) % 100;
    for (st, share) in STATUSES {
        if roll < share {
            return st;
        }
        roll -= share;
    }
    "idea"
}

/// The ambition an action serves, in its own place or in the municipality.
struct Served<'a> {
    /// the place whose ambition it is
    owner: &'a Place,
    /// the municipality's, from another place
    cross: bool,
    /// the ambition, by its position in the owner's
    amb: usize,
    /// the owner's strategies that serve the ambition
    strategies: Vec<String>,
}

impl<'a> Served<'a> {
    /// Every ambition of the place gets actions; about one in eight actions of the other
    /// places serves an ambition of the municipality.
    fn new(r: &mut Rng, p: usize, i: usize, place: &'a Place, municipality: &'a Place) -> Self {
        let cross = p > 0 && i >= place.ambitions.len() && r.chance(12);
        let owner = if cross { municipality } else { place };
        let amb = if cross {
            r.below(owner.ambitions.len())
        } else {
            i % owner.ambitions.len()
        };
        let strategies = owner
            .strategies
            .iter()
            .filter(|(_, a)| *a == amb)
            .map(|(s, _)| s.clone())
            .collect::<Vec<_>>();
        Served {
            owner,
            cross,
            amb,
            strategies,
        }
    }

    /// The `ambition` and (mostly) `strategy` fields, qualified by the place when it is
    /// another's.
    fn write(&self, s: &mut String, r: &mut Rng) {
        let qual = if self.cross {
            format!("{}/", self.owner.id)
        } else {
            String::new()
        };
        writeln!(s, "ambition: {qual}{}", self.owner.ambitions[self.amb]).unwrap();
        let strategy = &self.strategies;
        if !strategy.is_empty() && r.chance(85) {
            writeln!(s, "strategy: {qual}{}", strategy[r.below(strategy.len())]).unwrap();
        }
    }

    /// The relative link from the action's file to the ambition's.
    fn link(&self) -> String {
        if self.cross {
            format!(
                "../../{}/ambitions/{}.md",
                self.owner.id, self.owner.ambitions[self.amb]
            )
        } else {
            format!("../ambitions/{}.md", self.owner.ambitions[self.amb])
        }
    }
}

/// The `responsible` and `funded_by` fields: one body or two.
fn write_bodies(s: &mut String, r: &mut Rng) {
    if r.chance(50) {
        writeln!(s, "responsible: {}", r.pick(ORGS)).unwrap();
    } else {
        writeln!(
            s,
            "responsible:\n  - {}\n  - {}",
            r.pick(ORGS),
            r.pick(ORGS)
        )
        .unwrap();
    }
    if r.chance(60) {
        writeln!(s, "funded_by: {}", r.pick(ORGS)).unwrap();
    } else {
        writeln!(
            s,
            "funded_by:\n  - Storköpings kommun\n  - {}",
            r.pick(ORGS)
        )
        .unwrap();
    }
}

/// The `due`, `listed` and (done actions) `completed` fields; returns the year listed.
fn write_dates(s: &mut String, r: &mut Rng, status: &str) -> i64 {
    // Open actions are due from 2030 so that no build reports them late.
    let (listed, due_year) = match status {
        "done" | "cancelled" => {
            let l = r.range(2019, 2024);
            (l, l + r.range(0, 2))
        }
        _ => (r.range(2022, 2026), r.range(2030, 2034)),
    };
    match r.below(3) {
        0 => writeln!(s, "due: {due_year}").unwrap(),
        1 => writeln!(s, "due: \"{due_year}-{:02}\"", r.range(1, 12)).unwrap(),
        _ => writeln!(
            s,
            "due: {due_year}-{:02}-{:02}",
            r.range(1, 12),
            r.range(1, 28)
        )
        .unwrap(),
    }
    writeln!(s, "listed: {listed}").unwrap();
    if status == "done" {
        writeln!(
            s,
            "completed: {}-{:02}-{:02}",
            due_year.min(2025),
            r.range(1, 12),
            r.range(1, 28)
        )
        .unwrap();
    }
    listed
}

/// The `decided_by`, `budget`, `origin`, `progress` (by status) and (often) `tags` fields.
fn write_facts(s: &mut String, r: &mut Rng, status: &str, listed: i64) {
    writeln!(s, "decided_by: {}", r.pick(DECIDERS)).unwrap();
    writeln!(
        s,
        "budget:\n  amount: {}\n  currency: SEK",
        r.range(1, 400) * 5000
    )
    .unwrap();
    writeln!(s, "origin: {} {}", r.pick(ORIGINS), listed - r.range(0, 1)).unwrap();
    let progress = match status {
        "done" => Some(100),
        "ongoing" => Some(r.range(5, 95)),
        "planned" => Some(r.range(0, 10)),
        _ => None,
    };
    if let Some(pr) = progress {
        writeln!(s, "progress: {pr}").unwrap();
    }
    if r.chance(60) {
        writeln!(s, "tags:\n  - {}\n  - {}", r.pick(NOUNS), r.pick(NOUNS)).unwrap();
    }
}
