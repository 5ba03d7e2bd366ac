//! Scores the engine on a labelled set (the dev corpus's JSON lines: `id`, `text`,
//! `context`, `expect` = none|caution|warn, `kind` = patient|approach). Used by
//! `bedside eval` and by the tests that hold the targets.

use serde::Deserialize;

use crate::engine::Engine;
use crate::report::{Kind, Verdict};

/// One labelled draft.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    #[serde(default)]
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub context: String,
    pub expect: Verdict,
    #[serde(default, deserialize_with = "kind_or_empty")]
    pub kind: Option<Kind>,
}

fn kind_or_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Kind>, D::Error> {
    let s = String::deserialize(d)?;
    Ok(match s.as_str() {
        "patient" => Some(Kind::Patient),
        "approach" => Some(Kind::Approach),
        _ => None,
    })
}

/// A share: how many of how many.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Share {
    pub hit: u32,
    pub of: u32,
}

impl Share {
    pub fn ratio(self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            f64::from(self.hit) / f64::from(self.of)
        }
    }
    fn add(&mut self, yes: bool) {
        self.of += 1;
        self.hit += u32::from(yes);
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.3} ({}/{})", self.ratio(), self.hit, self.of)
    }
}

/// The figures the issues set targets for.
#[derive(Debug, Default)]
pub struct Scores {
    /// `warn`/`patient` lines that warn.
    pub patient_warn_recall: Share,
    /// `warn`/`approach` lines that warn.
    pub approach_warn_recall: Share,
    /// `caution` lines flagged (caution or warn).
    pub caution_flagged: Share,
    /// `none` lines that warn.
    pub false_warns: Share,
    /// `none` lines with a context that warn.
    pub false_warns_with_context: Share,
    /// `none` lines flagged at all.
    pub none_flagged: Share,
    /// One line per miss, for tuning.
    pub misses: Vec<String>,
}

/// Checks every line and tallies the figures.
pub fn evaluate(engine: &Engine, rows: &[Labelled]) -> Scores {
    let mut s = Scores::default();
    for row in rows {
        let got = engine.check(&row.text, &row.context).verdict;
        let ok = match (row.expect, row.kind) {
            (Verdict::Warn, Some(Kind::Approach)) => {
                s.approach_warn_recall.add(got == Verdict::Warn);
                got == Verdict::Warn
            }
            (Verdict::Warn, _) => {
                s.patient_warn_recall.add(got == Verdict::Warn);
                got == Verdict::Warn
            }
            (Verdict::Caution, _) => {
                s.caution_flagged.add(got >= Verdict::Caution);
                got >= Verdict::Caution
            }
            (Verdict::None, _) => {
                s.false_warns.add(got == Verdict::Warn);
                s.none_flagged.add(got != Verdict::None);
                if !row.context.trim().is_empty() {
                    s.false_warns_with_context.add(got == Verdict::Warn);
                }
                got != Verdict::Warn
            }
        };
        if !ok || (row.expect == Verdict::None && got != Verdict::None) {
            s.misses.push(format!(
                "{} expect {:?} got {:?}: {}",
                row.id, row.expect, got, row.text
            ));
        }
    }
    s
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "patient warn recall        {}", self.patient_warn_recall)?;
        writeln!(
            f,
            "approach warn recall       {}",
            self.approach_warn_recall
        )?;
        writeln!(f, "caution lines flagged      {}", self.caution_flagged)?;
        writeln!(f, "false warns on none        {}", self.false_warns)?;
        writeln!(
            f,
            "  of which with a context  {}",
            self.false_warns_with_context
        )?;
        write!(f, "none lines flagged at all  {}", self.none_flagged)
    }
}

/// Parses JSON lines into labelled rows, naming the first bad line.
pub fn parse_jsonl(text: &str) -> Result<Vec<Labelled>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}
