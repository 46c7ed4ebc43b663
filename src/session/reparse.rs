//! Reading the content for a build of a [`Session`]: the whole tree (keeping its shape for
//! later builds), or, after a save, only the changed files, with the parse results of the
//! others from the cache.

use std::path::PathBuf;

use super::{in_content, Prepared, Session, Skeleton};
use crate::diag::Diagnostic;
use crate::load::SourceFile;
use crate::model::EntityKind;
use crate::parse::{self, Parsed, ParsedPlace};
use crate::pipeline;

impl Session {
    /// Reads and parses the whole tree (reusing parse results of unchanged files).
    pub(super) fn full_parse(&mut self) -> Result<Prepared, Vec<Diagnostic>> {
        let (sources, load_diags) = pipeline::load(&self.opts.content)?;
        let mut diags = load_diags.clone();
        let parsed = pipeline::parse(
            &sources,
            self.opts.base_url.as_deref(),
            self.opts.today,
            Some(&mut self.cache),
            &mut diags,
        );
        let prefix = parsed
            .as_ref()
            .map(|p| p.prefix.clone())
            .unwrap_or_default();
        let hashes = sources
            .places
            .iter()
            .flat_map(|p| p.programme.iter().chain(p.entities.iter().map(|(_, s)| s)))
            .chain(sources.site.iter())
            .map(|s| (s.rel.clone(), parse::text_hash(&s.text, &prefix)))
            .collect();
        self.skeleton = sources.site.clone().map(|site| {
            let places: Vec<_> = sources
                .places
                .iter()
                .map(|p| {
                    let files = p
                        .programme
                        .iter()
                        .map(|s| (EntityKind::Programme, s.rel.clone()))
                        .chain(p.entities.iter().map(|(k, s)| (*k, s.rel.clone())))
                        .collect::<Vec<_>>();
                    (p.id.clone(), p.files_dir.clone(), files)
                })
                .collect();
            let kinds = places
                .iter()
                .flat_map(|(_, _, f)| f.iter().map(|(k, r)| (r.clone(), *k)))
                .collect();
            Skeleton {
                site,
                load_diags,
                files_dir: sources.files_dir.clone(),
                places,
                kinds,
            }
        });
        Ok((parsed, diags, hashes))
    }

    /// Re-reads only the changed files when every one is a content file known from the last
    /// build; None when anything else changed (then the tree is read again).
    pub(super) fn quick_parse(&mut self, changed: &[PathBuf]) -> Option<Prepared> {
        let sk = self.skeleton.as_ref()?;
        self.last.as_ref()?;
        if changed.is_empty() {
            return None;
        }
        let root = self.opts.content.canonicalize().ok()?;
        let (site, site_diags) = parse::site::parse(&sk.site, self.opts.base_url.as_deref());
        let site = site?;
        let prefix = parse::site::base_path(&site.base_url)?;
        let mut hashes = self.hashes.clone();
        let mut fresh = Vec::new();
        for path in changed {
            let (abs, rel) = in_content(&root, path)?;
            let kind = *sk.kinds.get(&rel)?;
            let text = std::fs::read_to_string(&abs).ok()?;
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text);
            let src = SourceFile {
                rel: rel.clone(),
                display: self.opts.content.join(&rel),
                text,
            };
            let h = parse::text_hash(&src.text, &prefix);
            let (e, d) = parse::parse_file(kind, &src, &prefix, self.opts.today);
            fresh.push((rel.clone(), (h, e, d)));
            hashes.insert(rel, h);
        }
        self.cache.extend(fresh);
        let mut diags = sk.load_diags.clone();
        diags.extend(site_diags);
        let mut places = Vec::new();
        let mut unreadable = Vec::new();
        for (id, files_dir, files) in &sk.places {
            let mut place = ParsedPlace {
                id: id.clone(),
                programme: None,
                entities: Vec::new(),
                files_dir: files_dir.clone(),
            };
            for (kind, rel) in files {
                let (_, entity, d) = self.cache.get(rel)?;
                diags.extend(d.iter().cloned());
                match (entity, kind) {
                    (Some(e), EntityKind::Programme) => place.programme = Some(e.clone()),
                    (Some(e), _) => place.entities.push(e.clone()),
                    (None, EntityKind::Programme) => unreadable.push((id.clone(), id.clone())),
                    (None, _) => {
                        let stem = rel
                            .rsplit('/')
                            .next()
                            .unwrap_or_default()
                            .trim_end_matches(".md");
                        unreadable.push((id.clone(), stem.to_string()));
                    }
                }
            }
            places.push(place);
        }
        let parsed = Parsed {
            site,
            prefix,
            places,
            files_dir: sk.files_dir.clone(),
            content_dir: self.opts.content.clone(),
            unreadable,
        };
        Some((Some(parsed), diags, hashes))
    }
}
