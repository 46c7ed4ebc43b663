//! The front matter of an action file: status, dates, budget and progress,
//! with the rules that tie `completed` to `status: done`.

use crate::model::*;
use crate::parse::fields::Reader;

use super::STATUSES;

pub(super) fn read_action(r: &mut Reader) -> Option<Action> {
    let ambition = r.reference("ambition", true);
    let strategy = r.reference("strategy", false);
    let status_text = r.choice("status", STATUSES, true);
    let status = status_text.as_deref().and_then(Status::parse);
    let effort = r.text("effort", None);
    let responsible = r.text_list("responsible");
    let funded_by = r.text_list("funded_by");
    let due = r.date("due");
    let listed = r.int("listed");
    let completed = r.date("completed");
    let decided_by = r.text("decided_by", None);
    let budget = crate::parse::budget::read_budget(r);
    let origin = r.text("origin", None);
    let progress = r.number("progress");
    if let Some(p) = progress.filter(|p| !(0.0..=100.0).contains(p)) {
        let pos = r.doc.scalar_pos("progress");
        r.error(
            pos,
            format!("`progress` is {p}, but must be between 0 and 100"),
        )
        .help
        .push("progress is a percentage: 0 to 100".into());
    }
    match (status, r.get("completed").is_some()) {
        (Some(Status::Done), false) => {
            let pos = r.doc.scalar_pos("status");
            let d = r.error(pos, "a done action needs `completed`");
            d.help
                .push("add `completed: YYYY-MM-DD`, the date the action was completed".into());
        }
        (Some(s), true) if s != Status::Done => {
            let pos = r.doc.key_pos("completed");
            let d = r.error(
                pos,
                format!(
                    "`completed` is only allowed when status is `done` (status is `{}`)",
                    s.code()
                ),
            );
            d.help
                .push("remove `completed`, or set `status: done`".into());
        }
        _ => {}
    }
    Some(Action {
        ambition: ambition?,
        strategy,
        status: status?,
        effort,
        responsible,
        funded_by,
        due,
        listed,
        completed,
        decided_by,
        budget,
        origin,
        progress,
    })
}
