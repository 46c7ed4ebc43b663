//! Output names made from content: a tag's page is `tags/<slug>/`, a responsible body's
//! `<place>/responsible/<slug>/`. A name that no file system can hold (a slug longer than the
//! 255 bytes a file name may have) is a content error at its key's line, found by `check` as
//! well as `build`, so that `check` passing means `build` can write every page.

use super::fields::Reader;
use crate::diag::Pos;
use crate::model::tag_slug;
use crate::yaml::Value;

/// The most bytes one component of a path (a file or folder name) may have on the common file
/// systems (ext4, APFS, NTFS in UTF-16 units, which ASCII slugs do not exceed).
pub const MAX_NAME_BYTES: usize = 255;

/// Checks the slugs that `tags` and `responsible` give to output folders.
pub fn check(r: &mut Reader) {
    for key in ["tags", "responsible"] {
        for (text, pos) in texts(r, key) {
            match tag_slug(&text) {
                None if key == "responsible" => {
                    r.error(
                        pos,
                        format!("`responsible` `{}` has no letter or digit", short(&text)),
                    )
                    .help
                    .push(
                        "name the body that carries out the action, e.g. `Tekniska förvaltningen`"
                            .into(),
                    );
                }
                Some(slug) if slug.len() > MAX_NAME_BYTES => {
                    let what = if key == "tags" {
                        "tag"
                    } else {
                        "responsible body"
                    };
                    let d = r.error(
                        pos,
                        format!(
                            "{what} `{}` is too long to name its page: its slug has {} bytes, a file name at most {MAX_NAME_BYTES}",
                            short(&text),
                            slug.len()
                        ),
                    );
                    d.help.push(format!("shorten the {what} to a few words"));
                }
                _ => {}
            }
        }
    }
}

/// The texts of `key` (one text or a list of texts), each with its position.
fn texts(r: &Reader, key: &str) -> Vec<(String, Pos)> {
    match r.get(key) {
        Some(Value::String(s)) => vec![(s.clone(), r.doc.scalar_pos(key))],
        Some(Value::Sequence(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Value::String(s) => Some((s.clone(), r.doc.item_pos(key, i))),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The start of a long text, for a message.
fn short(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(40).collect::<String>())
    }
}
