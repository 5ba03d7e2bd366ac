//! Prints grouped scores: one row a group with its line count and key figures, then the
//! pooled figures with their 95% intervals.

use std::fmt::Write;

use super::{Grouped, Share};

fn cell(s: Share) -> String {
    if s.of == 0 {
        "      -     ".to_string()
    } else {
        format!("{:.2} {:>6}", s.ratio(), format!("{}/{}", s.hit, s.of))
    }
}

/// The per-group table and the pooled block.
pub fn render(g: &Grouped, group_by: &str) -> String {
    let mut out = String::new();
    let width = g
        .groups
        .iter()
        .map(|(k, _)| k.len())
        .max()
        .unwrap_or(5)
        .max(group_by.len())
        .max(6);
    let _ = writeln!(
        out,
        "{:<width$}  {:>12}  {:>12}  {:>12}  {:>12}  {:>12}",
        if group_by.is_empty() { "set" } else { group_by },
        "patient warn",
        "caution flag",
        "approach wrn",
        "false warn",
        "none flagged"
    );
    for (k, s) in &g.groups {
        let name = if k.is_empty() { "(none)" } else { k.as_str() };
        let _ = writeln!(
            out,
            "{:<width$}  {}  {}  {}  {}  {}",
            name,
            cell(s.patient_warn_recall),
            cell(s.caution_flagged),
            cell(s.approach_warn_recall),
            cell(s.false_warns),
            cell(s.none_flagged)
        );
    }
    let _ = writeln!(out, "\npooled, with 95% Wilson intervals:\n{}", g.pooled);
    out
}
