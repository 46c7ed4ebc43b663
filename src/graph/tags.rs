//! The tags of the site (v2): tags whose slugs are equal are one tag, shown in their most used
//! spelling (a tie goes to the spelling that sorts first), with what carries each.

use std::collections::BTreeMap;

use crate::graph::{Graph, NodeId};
use crate::model::tag_slug;

/// Something that carries a tag: a place's programme or one of its entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tagged {
    Programme(usize),
    Entity(NodeId),
}

impl Tagged {
    pub fn place(self) -> usize {
        match self {
            Tagged::Programme(p) => p,
            Tagged::Entity(n) => n.place as usize,
        }
    }
}

/// One tag of the site.
#[derive(Debug, Clone)]
pub struct Tag {
    pub slug: String,
    /// The most used spelling.
    pub name: String,
    /// What carries it, in graph order (each once).
    pub members: Vec<Tagged>,
}

impl Tag {
    /// Number of members in place `p`.
    pub fn count_in(&self, p: usize) -> usize {
        self.members.iter().filter(|m| m.place() == p).count()
    }

    /// Number of places that have the tag.
    pub fn place_count(&self) -> usize {
        let mut v: Vec<usize> = self.members.iter().map(|m| m.place()).collect();
        v.dedup();
        v.len()
    }
}

/// Every tag of the published graph, those in most places first, then by name.
pub fn collect(g: &Graph) -> Vec<Tag> {
    // slug → (spelling → uses, members)
    let mut map: BTreeMap<String, (BTreeMap<String, usize>, Vec<Tagged>)> = BTreeMap::new();
    for (p, place) in g.places.iter().enumerate() {
        let items = std::iter::once((Tagged::Programme(p), &place.programme.common.tags)).chain(
            place.entities.iter().enumerate().map(|(i, e)| {
                let n = NodeId {
                    place: p as u32,
                    idx: i as u32,
                };
                (Tagged::Entity(n), &e.common.tags)
            }),
        );
        for (who, tags) in items {
            for t in tags {
                let Some(slug) = tag_slug(t) else { continue };
                let (spellings, members) = map.entry(slug).or_default();
                *spellings.entry(t.trim().to_string()).or_default() += 1;
                if members.last() != Some(&who) {
                    members.push(who);
                }
            }
        }
    }
    let mut tags: Vec<Tag> = map
        .into_iter()
        .map(|(slug, (spellings, members))| {
            // Most uses first; on a tie the spelling that sorts first (BTreeMap order).
            let name = spellings
                .iter()
                .fold((String::new(), 0), |best, (s, n)| {
                    if *n > best.1 {
                        (s.clone(), *n)
                    } else {
                        best
                    }
                })
                .0;
            Tag {
                slug,
                name,
                members,
            }
        })
        .collect();
    tags.sort_by(|a, b| {
        (b.place_count(), b.members.len())
            .cmp(&(a.place_count(), a.members.len()))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    tags
}
