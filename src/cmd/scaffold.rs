//! The text of a new content file for `ambit new`: the front matter of its
//! kind with a comment on each key, in the language of the place (or the
//! site), and beside each reference key the ids it may take in that place —
//! its areas, its ambitions, each ambition's strategies — so that the new file
//! is one edit away from valid.

use std::collections::BTreeMap;
use std::path::Path;

use crate::cli::NewKind;
use crate::model::{EntityKind, Fields, Lang, SiteConfig};
use crate::theme::i18n::{capitalize, Strings};

/// What a new file of a place can refer to.
pub struct Context {
    pub lang: Lang,
    strings: Option<Strings>,
    /// Ids of the place's areas, ambitions and strategies.
    pub ids: BTreeMap<EntityKind, Vec<String>>,
    /// Ambition id → its strategies.
    pub strategies_of: BTreeMap<String, Vec<String>>,
    /// site.yaml's `base_url`.
    pub base_url: String,
}

/// Reads the content folder for the language of `place` and its ids.
pub fn context(content: &Path, place: &str) -> Context {
    let (sources, _) = crate::load::load(content);
    let (parsed, _) = crate::parse::parse(&sources, None, crate::graph::today());
    let mut ctx = Context {
        lang: Lang::En,
        strings: None,
        ids: BTreeMap::new(),
        strategies_of: BTreeMap::new(),
        base_url: String::new(),
    };
    let fallback = SiteConfig {
        title: String::new(),
        language: Some(Lang::En),
        base_url: String::new(),
        description: None,
        theme: None,
        repository: None,
        accessibility_contact: None,
        accessibility_reviewed: None,
        terms: BTreeMap::new(),
        cms: None,
    };
    let site: &SiteConfig = parsed.as_ref().map_or(&fallback, |p| &p.site);
    ctx.lang = site.language.unwrap_or(Lang::Sv);
    ctx.base_url = site.base_url.clone();
    if let Some(p) = parsed
        .iter()
        .flat_map(|p| &p.places)
        .find(|p| p.id == place)
    {
        if let Some(l) = p
            .programme
            .as_ref()
            .and_then(|e| e.programme())
            .and_then(|pr| pr.language)
        {
            ctx.lang = l;
        }
        let mut entities: Vec<_> = p.entities.iter().collect();
        entities
            .sort_by(|a, b| (&a.common.order, &a.common.id).cmp(&(&b.common.order, &b.common.id)));
        for e in entities {
            ctx.ids.entry(e.kind).or_default().push(e.common.id.clone());
            if let Fields::Strategy { ambition } = &e.fields {
                if ambition.place.as_deref().is_none_or(|pl| pl == place) {
                    ctx.strategies_of
                        .entry(ambition.id.clone())
                        .or_default()
                        .push(e.common.id.clone());
                }
            }
        }
    }
    if let Ok(theme) = crate::theme::Theme::load(site.theme.as_deref(), content) {
        ctx.strings = Strings::load(&theme, ctx.lang, site).ok();
    }
    ctx
}

impl Context {
    /// The UI strings of the place's language, with the site's terms.
    pub fn strings(&self) -> Option<&Strings> {
        self.strings.as_ref()
    }

    fn t(&self, key: &str) -> String {
        self.strings
            .as_ref()
            .map(|s| s.get(key))
            .filter(|s| s != key)
            .unwrap_or_else(|| key.to_string())
    }

    fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key);
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    fn term(&self, kind: EntityKind) -> String {
        self.t(kind.name())
    }

    /// `<ambition id>` in the place's language.
    fn placeholder(&self, kind: EntityKind) -> String {
        format!("<{}>", self.fmt("new_id_of", &[("what", &self.term(kind))]))
    }

    /// The ids of `kind` in the place, for a comment.
    fn ids_of(&self, kind: EntityKind) -> String {
        match self.ids.get(&kind) {
            Some(v) if !v.is_empty() => v.join(", "),
            _ => self.t("new_none_yet"),
        }
    }

    /// "ambition-a: strategy-1, strategy-2; ambition-b: …".
    fn strategies(&self) -> String {
        if self.strategies_of.is_empty() {
            return self.t("new_none_yet");
        }
        self.strategies_of
            .iter()
            .map(|(a, s)| format!("{a} → {}", s.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The text of a new file of `kind`.
pub fn template(kind: NewKind, place: &str, id: &str, c: &Context) -> String {
    render(kind, place, id, c, &[], None)
}

/// The text of an action file with the values of `filled` (key, YAML text of its value) in
/// place of the examples, in the layout and with the comments of `ambit new action`, and `body`
/// as its body.
pub fn action_with(
    place: &str,
    id: &str,
    c: &Context,
    filled: &[(&str, String)],
    body: &str,
) -> String {
    render(NewKind::Action, place, id, c, filled, Some(body))
}

/// Key lines longer than this get their comment two spaces after them, not in the column.
const COMMENT_COLUMN_MAX: usize = 40;

fn render(
    kind: NewKind,
    place: &str,
    id: &str,
    c: &Context,
    filled: &[(&str, String)],
    body_text: Option<&str>,
) -> String {
    if kind == NewKind::Report {
        return report_template(id);
    }
    let title = capitalize(&id.replace('-', " "));
    let mut keys = common_keys(c, &title);
    let body = match kind {
        NewKind::Place => place_keys(c, &title, &mut keys),
        NewKind::Report => unreachable!("written in full above"),
        NewKind::Area => "new_body_area",
        NewKind::Ambition => ambition_keys(c, &mut keys),
        NewKind::Strategy => {
            keys.push((
                format!("ambition: {}", c.placeholder(EntityKind::Ambition)),
                format!("{}; {}", c.t("new_required"), ambition_ids(c)),
            ));
            "new_body_strategy"
        }
        NewKind::Indicator => indicator_keys(c, &mut keys),
        NewKind::Action => action_keys(c, &mut keys),
    };
    let _ = place;
    fill_keys(&mut keys, filled, body_text.is_some());
    let mut out = front_matter(keys);
    match body_text {
        Some(b) if b.trim().is_empty() => {}
        Some(b) => {
            out.push('\n');
            out.push_str(b.trim_end());
            out.push('\n');
        }
        None => {
            out.push('\n');
            out.push_str(&c.t(body));
            out.push('\n');
        }
    }
    out
}

/// A report file, written in full: its keys are the same in every language.
fn report_template(id: &str) -> String {
    format!("---\ntitle: Uppföljning {id}          # required: the heading of the year's follow-up page\npublished: {id}-12-31           # required: the date the report is published\n# adopted: {{by: Kommunstyrelsen, on: {id}-12-31}}\n# summary: One sentence for lists\n---\n\n## What happened in {id}\n\nThe year's account: what was done, what was not, and why.\n\n## Feedback to residents\n\nWhat residents' ideas and comments led to this year.\n")
}

/// The keys every kind of file starts with (key line, comment).
fn common_keys(c: &Context, title: &str) -> Vec<(String, String)> {
    let req = c.t("new_required");
    vec![
        (
            format!("title: {title}"),
            format!("{req}: {}", c.t("new_title")),
        ),
        (
            format!("summary: {}", c.t("new_summary")),
            c.t("new_optional"),
        ),
        ("# order: \"1.1\"".into(), c.t("new_order")),
        ("# tags: []".into(), String::new()),
        ("# draft: true".into(), c.t("new_draft")),
    ]
}

/// "Ids: …" of the place's ambitions, for the comment of an `ambition:` key.
fn ambition_ids(c: &Context) -> String {
    c.fmt("new_ids", &[("ids", &c.ids_of(EntityKind::Ambition))])
}

/// The keys of `programme.md`; returns the key of its body text.
fn place_keys(c: &Context, title: &str, keys: &mut Vec<(String, String)>) -> &'static str {
    let req = c.t("new_required");
    let mut add = |k: String, comment: String| keys.push((k, comment));
    add(
        format!("place: {title}"),
        format!("{req}: {}", c.t("new_place")),
    );
    add(
        "place_kind: town".into(),
        format!("{req}: town, district, village, municipality"),
    );
    add("# municipality: …".into(), String::new());
    add(
        format!("# language: {}", c.lang.code()),
        "sv, en, nl".into(),
    );
    add("# adopted: {by: …, on: 2021-05-04}".into(), String::new());
    add("# period: {from: 2020, to: 2024}".into(), String::new());
    add(
        "# contact: {name: …, email: name@example.org}".into(),
        String::new(),
    );
    add(
        "# ideas: {email: ideas@example.org, text: …}".into(),
        String::new(),
    );
    "new_body_place"
}

/// The keys of an ambition file; returns the key of its body text.
fn ambition_keys(c: &Context, keys: &mut Vec<(String, String)>) -> &'static str {
    let req = c.t("new_required");
    let mut add = |k: String, comment: String| keys.push((k, comment));
    let areas = c.fmt("new_ids", &[("ids", &c.ids_of(EntityKind::Area))]);
    let has_areas = c.ids.get(&EntityKind::Area).is_some_and(|v| !v.is_empty());
    let key = format!("area: {}", c.placeholder(EntityKind::Area));
    if has_areas {
        add(key, format!("{req}; {areas}"));
    } else {
        add(format!("# {key}"), areas);
    }
    add("# political_will:".into(), c.t("new_political_will"));
    add("#   text: |".into(), String::new());
    add("#     …".into(), String::new());
    add("#   adopted: {by: …, on: 2021-05-04}".into(), String::new());
    "new_body_ambition"
}

/// The keys of an indicator file; returns the key of its body text.
fn indicator_keys(c: &Context, keys: &mut Vec<(String, String)>) -> &'static str {
    let req = c.t("new_required");
    let mut add = |k: String, comment: String| keys.push((k, comment));
    let mut ids = c
        .ids
        .get(&EntityKind::Ambition)
        .cloned()
        .unwrap_or_default();
    ids.extend(
        c.ids
            .get(&EntityKind::Strategy)
            .cloned()
            .unwrap_or_default(),
    );
    let ids = if ids.is_empty() {
        c.t("new_none_yet")
    } else {
        ids.join(", ")
    };
    add(
        format!("measures: [{}]", c.placeholder(EntityKind::Ambition)),
        format!("{req}; {}", c.fmt("new_ids", &[("ids", &ids)])),
    );
    add("# unit: \"%\"".into(), String::new());
    add("# source: …".into(), String::new());
    add("# direction: up".into(), "up, down".into());
    add("# target: {value: 60, year: 2030}".into(), String::new());
    add(
        "# values:\n#   - {year: 2024, value: 48.5}".into(),
        String::new(),
    );
    "new_body_indicator"
}

/// The keys of an action file; returns the key of its body text.
fn action_keys(c: &Context, keys: &mut Vec<(String, String)>) -> &'static str {
    let req = c.t("new_required");
    let mut add = |k: String, comment: String| keys.push((k, comment));
    add(
        format!("ambition: {}", c.placeholder(EntityKind::Ambition)),
        format!("{req}; {}", ambition_ids(c)),
    );
    add(
        format!("# strategy: {}", c.placeholder(EntityKind::Strategy)),
        c.fmt("new_strategy_ids", &[("ids", &c.strategies())]),
    );
    add(
        "status: idea".into(),
        format!("{req}: idea, prioritised, planned, ongoing, done, cancelled"),
    );
    add("# effort: …".into(), String::new());
    add("# responsible: …".into(), String::new());
    add("# funded_by: …".into(), String::new());
    add("# due: 2026".into(), "2026, 2026-06, 2026-06-30".into());
    add("# listed: 2025".into(), String::new());
    add("# completed: 2026-05-01".into(), c.t("new_completed"));
    add("# decided_by: …".into(), String::new());
    add(
        "# budget: {amount: 250000, currency: SEK}".into(),
        String::new(),
    );
    add("# origin: …".into(), String::new());
    add("# progress: 0".into(), "0–100".into());
    "new_body_action"
}

/// Puts the values of `filled` in place of the examples of their keys, and adds those with
/// no example at the end; `from_data` comments out the examples left.
fn fill_keys(keys: &mut Vec<(String, String)>, filled: &[(&str, String)], from_data: bool) {
    let key_of = |line: &str| -> String {
        let t = line.strip_prefix("# ").unwrap_or(line);
        t.split(':').next().unwrap_or_default().to_string()
    };
    let mut used = vec![false; filled.len()];
    for (k, _) in keys.iter_mut() {
        let name = key_of(k);
        if let Some(i) = filled.iter().position(|(f, _)| *f == name) {
            *k = format!("{name}: {}", filled[i].1);
            used[i] = true;
        } else if from_data && !k.starts_with('#') {
            // A file written from data shows no example value as if it were the action's.
            *k = format!("# {k}");
        }
    }
    for (i, (name, v)) in filled.iter().enumerate() {
        if !used[i] {
            keys.push((format!("{name}: {v}"), String::new()));
        }
    }
}

/// The front matter between its `---` lines, each comment in one column after its key.
fn front_matter(keys: Vec<(String, String)>) -> String {
    let last_len = |k: &str| k.lines().last().unwrap_or_default().chars().count();
    let width = keys
        .iter()
        .filter(|(k, c)| !c.is_empty() && last_len(k) <= COMMENT_COLUMN_MAX)
        .map(|(k, _)| last_len(k))
        .max()
        .unwrap_or(0);
    let mut out = String::from("---\n");
    for (k, comment) in keys {
        out.push_str(&k);
        if !comment.is_empty() {
            let last = last_len(&k);
            out.push_str(&" ".repeat(width.saturating_sub(last) + 2));
            out.push_str("# ");
            out.push_str(&comment);
        }
        out.push('\n');
    }
    out.push_str("---\n");
    out
}
