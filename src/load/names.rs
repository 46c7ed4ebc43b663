//! Names in the content tree: what an id may look like, the ASCII slug a name is renamed to,
//! and the ids that the site's own pages take (a place or an action with such an id would
//! overwrite them). `check` and `ambit new` refuse the same names with the same words.

use crate::model::EntityKind;

/// True for ids the spec allows: `^[a-z0-9][a-z0-9-]*$`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub use crate::util::slug::{slug, slug_or_x as slugify};

/// Files editors' tools leave behind, ignored everywhere.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

/// Names the site itself uses at the top of the output; no place may take them.
pub const RESERVED_PLACE_IDS: [&str; 12] = [
    "static",
    "search",
    "accessibility",
    "files",
    "data",
    "404",
    "follow-up",
    "documents",
    "agenda-2030",
    "tags",
    "budget",
    "admin",
];
/// Views of the action list (`<place>/actions/<view>/`); no action may take these ids.
pub const RESERVED_ACTION_IDS: [&str; 3] = ["by-year", "by-ambition", "by-responsible"];

/// When `id` is a name the site-wide output uses: why it cannot be a place id.
pub fn reserved_place_id(id: &str) -> Option<String> {
    RESERVED_PLACE_IDS
        .contains(&id)
        .then(|| format!("`{id}` is reserved and cannot be a place id"))
}

/// When an entity of `kind` with `id` would overwrite a page of the site (a view of the
/// action list): why it cannot have that id.
pub fn reserved_entity_id(kind: EntityKind, id: &str) -> Option<String> {
    (kind == EntityKind::Action && RESERVED_ACTION_IDS.contains(&id))
        .then(|| format!("`{id}` is reserved for a view of the action list"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_slugs() {
        assert!(is_valid_id("a-1"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("Öster"));
        assert!(!is_valid_id("../x"));
        assert_eq!(slugify("Öster"), "oster");
        assert_eq!(slugify("my action"), "my-action");
        assert_eq!(slugify("Ny lekplats (2025)!"), "ny-lekplats-2025");
        assert_eq!(slug("!!! —"), None);
    }
}
