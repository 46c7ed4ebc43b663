//! The plan of the corpus (each place's name and the ids of its areas, ambitions and strategies,
//! so that files can refer to each other) and the list of files it is written as.

use std::path::PathBuf;

use crate::action::action;
use crate::entities::{ambition, area, indicator, programme, strategy};
use crate::rng::Rng;
use crate::text::slug;
use crate::words::{ADJECTIVES, NOUNS, PLACE_PARTS};
use crate::Args;

pub const STATUSES: [(&str, usize); 6] = [
    ("idea", 15),
    ("prioritised", 10),
    ("planned", 20),
    ("ongoing", 20),
    ("done", 30),
    ("cancelled", 5),
];

pub struct Place {
    pub id: String,
    pub name: String,
    pub areas: Vec<String>,
    pub ambitions: Vec<String>,
    /// Strategy ids with the index of the ambition they serve.
    pub strategies: Vec<(String, usize)>,
}

pub fn place_id(p: usize) -> String {
    format!("place-{:02}", p + 1)
}

pub fn plan(args: &Args) -> Vec<Place> {
    (0..args.places)
        .map(|p| {
            let mut r = Rng::new(args.seed, p as u64, 99, 0);
            let name = if p == 0 {
                "Storköping".to_string()
            } else {
                format!("{}{}", r.pick(PLACE_PARTS.0), r.pick(PLACE_PARTS.1))
            };
            let id_of = |r: &mut Rng, prefix: &str, i: usize| {
                format!(
                    "{prefix}{:02}-{}-{}",
                    i + 1,
                    slug(r.pick(ADJECTIVES)),
                    slug(r.pick(NOUNS))
                )
            };
            let areas = (0..args.areas)
                .map(|i| id_of(&mut r, "omrade-", i))
                .collect();
            let ambitions = (0..args.ambitions).map(|i| id_of(&mut r, "a", i)).collect();
            let strategies = (0..args.strategies)
                .map(|i| (id_of(&mut r, "s", i), i % args.ambitions))
                .collect();
            Place {
                id: place_id(p),
                name,
                areas,
                ambitions,
                strategies,
            }
        })
        .collect()
}

pub fn generate(args: &Args) -> Vec<(PathBuf, String)> {
    let places = plan(args);
    let mut files = vec![(
        PathBuf::from("site.yaml"),
        "title: Utvecklingsprogram i Storköpings kommun\nlanguage: sv\nbase_url: https://example.org/utvecklingsprogram/\n\
         description: Syntetiskt testmaterial för prestandamätning av ambit.\nrepository:\n  url: https://github.com/example/utvecklingsprogram\n  \
         branch: main\n  content_dir: content\naccessibility:\n  contact: webb@example.org\n  reviewed: 2026-10-01\n"
            .to_string(),
    )];
    for (p, place) in places.iter().enumerate() {
        let dir = PathBuf::from(&place.id);
        files.push((dir.join("programme.md"), programme(args, p, place)));
        for (i, id) in place.areas.iter().enumerate() {
            files.push((
                dir.join("areas").join(format!("{id}.md")),
                area(args, p, i, place),
            ));
        }
        for (i, id) in place.ambitions.iter().enumerate() {
            files.push((
                dir.join("ambitions").join(format!("{id}.md")),
                ambition(args, p, i, place),
            ));
        }
        for (i, (id, _)) in place.strategies.iter().enumerate() {
            files.push((
                dir.join("strategies").join(format!("{id}.md")),
                strategy(args, p, i, place),
            ));
        }
        for i in 0..args.indicators {
            let (id, text) = indicator(args, p, i, place);
            files.push((dir.join("indicators").join(format!("{id}.md")), text));
        }
        for i in 0..args.actions {
            let (id, text) = action(args, p, i, place, &places[0]);
            files.push((dir.join("actions").join(format!("{id}.md")), text));
        }
    }
    files
}
