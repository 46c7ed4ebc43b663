//! The form fields of the browser editor, derived from the JSON Schema of each
//! content file type: a widget that fits each front-matter key (select for a
//! fixed set of values, relation for references, date, number, list and object
//! widgets), the schema's description as the help text, and the contract's
//! required keys as required fields.

use serde::Serialize;

use crate::yaml::Value;

use crate::model::{EntityKind, Status};

/// One Decap CMS field.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Field {
    pub name: String,
    pub label: String,
    pub widget: &'static str,
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<Choice>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiple: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// Relation widget: the collection, the value written and what is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_fields: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_fields: Option<Vec<&'static str>>,
    /// Number widget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Date widget: the stored format, no time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_format: Option<bool>,
    /// String widget: a regular expression and its message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<[String; 2]>,
    /// List and object widgets: the fields of each item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<Field>>,
    /// List widget of single values: the one field of each item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Box<Field>>,
}

/// A select option.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub label: String,
    pub value: String,
}

/// What the fields need to know beyond the schema.
pub struct FieldContext<'a> {
    /// Collection names of the place's ambitions, strategies and areas.
    pub ambitions: String,
    pub strategies: String,
    pub areas: Option<String>,
    /// The ambitions an action may serve: its own place's (`id`) and every other place's
    /// (`place/id`), for a select built from the graph (a relation cannot span collections).
    pub ambition_choices: Vec<Choice>,
    /// Label of a key or a value (`status_ongoing`) in the site's language.
    pub label: &'a dyn Fn(&str) -> Option<String>,
}

/// Keys that are not edited in forms: free data for themes.
const SKIPPED: &[&str] = &["extra"];

/// The fields of a file of `kind`: its front-matter keys, then the body.
pub fn fields(kind: EntityKind, ctx: &FieldContext) -> Vec<Field> {
    // Read as YAML (JSON is YAML), which keeps the keys in the schema's order.
    let Some(schema) = crate::model::schema::SCHEMAS
        .iter()
        .find(|(n, _)| *n == kind.name())
        .and_then(|(_, text)| crate::yaml::parse_file(text).ok())
        .map(|d| d.value)
    else {
        return Vec::new();
    };
    let required = required_of(&schema);
    let mut out: Vec<Field> = properties(&schema)
        .filter(|(k, _)| !SKIPPED.contains(&k.as_str()))
        .filter_map(|(key, prop)| {
            let f = match (kind, key.as_str()) {
                (EntityKind::Action, "ambition") if !ctx.ambition_choices.is_empty() => {
                    Some(Field {
                        name: key.clone(),
                        widget: "select",
                        options: Some(ctx.ambition_choices.clone()),
                        ..Field::default()
                    })
                }
                (EntityKind::Strategy | EntityKind::Action, "ambition") => {
                    Some(relation(&key, &ctx.ambitions, false))
                }
                (EntityKind::Action, "strategy") => Some(relation(&key, &ctx.strategies, false)),
                (EntityKind::Indicator, "measures") => Some(relation(&key, &ctx.ambitions, true)),
                (EntityKind::Ambition, "area") => {
                    ctx.areas.as_ref().map(|a| relation(&key, a, false))
                }
                _ => Some(field(&key, prop, ctx)),
            };
            f.map(|mut f| {
                f.required = required.contains(&key.as_str())
                    || (kind == EntityKind::Ambition && key == "area" && ctx.areas.is_some());
                f.label = label(&key, ctx);
                f.hint = description(prop);
                if f.widget == "object" && !f.required {
                    // An optional group: its keys are required only once it is filled in,
                    // which the form cannot say; `ambit check` says it instead.
                    for sub in f.fields.iter_mut().flatten() {
                        sub.required = false;
                    }
                }
                f
            })
        })
        .collect();
    out.push(Field {
        name: "body".into(),
        label: (ctx.label)("cms_body").unwrap_or_else(|| "Text".into()),
        widget: "markdown",
        required: false,
        ..Field::default()
    });
    out
}

fn properties(schema: &Value) -> impl Iterator<Item = (String, &Value)> {
    schema
        .get("properties")
        .and_then(Value::as_mapping)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| k.as_str().map(|k| (k.to_string(), v)))
}

fn required_of(schema: &Value) -> Vec<&str> {
    schema
        .get("required")
        .and_then(Value::as_sequence)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn description(prop: &Value) -> Option<String> {
    prop.get("description")
        .and_then(Value::as_str)
        .map(|d| d.strip_prefix("Required. ").unwrap_or(d).to_string())
}

fn label(key: &str, ctx: &FieldContext) -> String {
    (ctx.label)(&format!("cms_{key}"))
        .or_else(|| (ctx.label)(key))
        .unwrap_or_else(|| {
            let mut s = key.replace('_', " ");
            if let Some(c) = s.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            s
        })
}

fn relation(key: &str, collection: &str, multiple: bool) -> Field {
    Field {
        name: key.into(),
        widget: "relation",
        collection: Some(collection.into()),
        value_field: Some("{{slug}}"),
        search_fields: Some(vec!["title"]),
        display_fields: Some(vec!["title"]),
        multiple: multiple.then_some(true),
        ..Field::default()
    }
}

/// The widget for one schema property.
fn field(key: &str, prop: &Value, ctx: &FieldContext) -> Field {
    let base = Field {
        name: key.into(),
        widget: "string",
        ..Field::default()
    };
    if prop.get("contentMediaType").and_then(Value::as_str) == Some("text/markdown") {
        return Field {
            widget: "markdown",
            ..base
        };
    }
    if let Some(values) = prop.get("enum").and_then(Value::as_sequence) {
        let options = values
            .iter()
            .filter_map(Value::as_str)
            .map(|v| Choice {
                label: option_label(key, v, ctx),
                value: v.into(),
            })
            .collect();
        return Field {
            widget: "select",
            options: Some(options),
            ..base
        };
    }
    let variants: Vec<&Value> = prop
        .get("oneOf")
        .and_then(Value::as_sequence)
        .map(|a| a.iter().collect())
        .unwrap_or_else(|| vec![prop]);
    let types: Vec<&str> = variants
        .iter()
        .filter_map(|v| v.get("type").and_then(Value::as_str))
        .collect();
    if let Some(list) = variants.iter().find(|v| v["type"] == "array") {
        return list_field(base, list, ctx);
    }
    match types.as_slice() {
        ["boolean"] => Field {
            widget: "boolean",
            default: Some(false),
            ..base
        },
        ["integer"] | ["number"] => number(base, prop),
        ["object"] => match prop.get("properties") {
            Some(_) => Field {
                widget: "object",
                fields: Some(sub_fields(prop, ctx)),
                ..base
            },
            None => Field {
                widget: "code",
                ..base
            },
        },
        _ if is_date(prop) => date(base),
        _ => {
            let pattern = variants
                .iter()
                .find_map(|v| v.get("pattern").and_then(Value::as_str));
            Field {
                pattern: pattern.map(|p| {
                    [
                        p.to_string(),
                        description(prop).unwrap_or_else(|| "not in the right form".into()),
                    ]
                }),
                ..base
            }
        }
    }
}

fn option_label(key: &str, value: &str, ctx: &FieldContext) -> String {
    let ui_key = match key {
        "status" if Status::parse(value).is_some() => format!("status_{value}"),
        "place_kind" => format!("kind_{value}"),
        _ => format!("{key}_{value}"),
    };
    match (ctx.label)(&ui_key) {
        Some(l) => format!("{l} ({value})"),
        None => value.to_string(),
    }
}

fn number(base: Field, prop: &Value) -> Field {
    let int = prop["type"] == "integer";
    Field {
        widget: "number",
        value_type: Some(if int { "int" } else { "float" }),
        min: prop.get("minimum").and_then(Value::as_f64),
        max: prop.get("maximum").and_then(Value::as_f64),
        ..base
    }
}

fn date(base: Field) -> Field {
    Field {
        widget: "datetime",
        format: Some("YYYY-MM-DD"),
        date_format: Some("YYYY-MM-DD"),
        time_format: Some(false),
        ..base
    }
}

fn is_date(prop: &Value) -> bool {
    prop.get("format").and_then(Value::as_str) == Some("date")
}

fn sub_fields(prop: &Value, ctx: &FieldContext) -> Vec<Field> {
    let required = required_of(prop);
    properties(prop)
        .map(|(k, p)| Field {
            required: required.contains(&k.as_str()),
            label: label(&k, ctx),
            hint: description(p),
            ..field(&k, p, ctx)
        })
        .collect()
}

fn list_field(base: Field, list: &Value, ctx: &FieldContext) -> Field {
    let items = &list["items"];
    if items.get("properties").is_some() {
        return Field {
            widget: "list",
            fields: Some(sub_fields(items, ctx)),
            ..base
        };
    }
    if matches!(items["type"].as_str(), Some("integer" | "number")) {
        let item = Field {
            label: base.name.clone(),
            ..number(
                Field {
                    name: "item".into(),
                    ..Field::default()
                },
                items,
            )
        };
        return Field {
            widget: "list",
            field: Some(Box::new(item)),
            ..base
        };
    }
    // A list of text: one item per line in the form.
    Field {
        widget: "list",
        ..base
    }
}
