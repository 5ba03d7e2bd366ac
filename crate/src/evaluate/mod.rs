//! Scores a judge (the engine, or the engine with a model's fold) on a labelled set: the
//! corpus's JSON lines (`id`, `text`, `context`, `expect` = none|caution|warn, `kind` =
//! patient|approach, and optionally `group`). Used by `bedside eval` and by the tests that
//! hold the targets.
//!
//! Figures come per group and pooled, each with a 95% Wilson interval. With `--folds K`
//! the groups are dealt into K folds (`folds::assign`) and each line is judged by what
//! was trained without its fold, so no group is ever in training and test at once.

pub mod folds;
pub mod table;

use serde::Deserialize;
use serde_json::Value;

use crate::report::{ByKind, Kind, Verdict};
pub use crate::thread::{self, Thread};

/// One labelled draft.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub id: String,
    pub text: String,
    pub context: Thread,
    pub expect: Verdict,
    pub kind: Option<Kind>,
    /// The brief or source that wrote it ("" when the file has no groups).
    pub group: String,
    /// Any other string field, for `--group-by` (site, profession, country...).
    pub fields: Vec<(String, String)>,
}

impl Labelled {
    /// The value of a field to group by: `group`, or any other string field.
    pub fn field(&self, name: &str) -> &str {
        match name {
            "group" => &self.group,
            "id" => &self.id,
            _ => self
                .fields
                .iter()
                .find(|(k, _)| k == name)
                .map_or("", |(_, v)| v.as_str()),
        }
    }
}

fn parse_line(v: Value) -> Result<Labelled, String> {
    let str_field = |name: &str| v.get(name).and_then(Value::as_str).unwrap_or("").to_string();
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .ok_or("missing string field \"text\"")?
        .to_string();
    let expect = Verdict::deserialize(v.get("expect").ok_or("missing field \"expect\"")?)
        .map_err(|_| "\"expect\" must be none, caution or warn".to_string())?;
    let kind = match str_field("kind").as_str() {
        "patient" => Some(Kind::Patient),
        "approach" => Some(Kind::Approach),
        "" => None,
        k => return Err(format!("\"kind\" must be patient, approach or empty, not {k:?}")),
    };
    let context = crate::thread::from_value(v.get("context"))?;
    let fields = v
        .as_object()
        .map(|o| {
            o.iter()
                .filter_map(|(k, x)| x.as_str().map(|s| (k.clone(), s.to_string())))
                .collect()
        })
        .unwrap_or_default();
    Ok(Labelled {
        id: str_field("id"),
        group: str_field("group"),
        text,
        context,
        expect,
        kind,
        fields,
    })
}

/// Parses JSON lines into labelled rows, naming the first bad line.
pub fn parse_jsonl(text: &str) -> Result<Vec<Labelled>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| e.to_string())
                .and_then(parse_line)
                .map_err(|e| format!("line {}: {e}", i + 1))
        })
        .collect()
}

/// A share: how many of how many, with its 95% Wilson interval.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Share {
    pub hit: u32,
    pub of: u32,
}

impl Share {
    /// The share; 1.0 of nothing (a target on an empty set holds vacuously; `of` says so).
    pub fn ratio(self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            f64::from(self.hit) / f64::from(self.of)
        }
    }

    /// The 95% Wilson score interval.
    pub fn interval(self) -> (f64, f64) {
        if self.of == 0 {
            return (0.0, 1.0);
        }
        let n = f64::from(self.of);
        let p = f64::from(self.hit) / n;
        let z = 1.959_963_984_540_054_f64;
        let z2 = z * z;
        let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
        let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
        ((centre - half).max(0.0), (centre + half).min(1.0))
    }

    pub fn add(&mut self, yes: bool) {
        self.of += 1;
        self.hit += u32::from(yes);
    }

    fn merge(&mut self, other: Share) {
        self.hit += other.hit;
        self.of += other.of;
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.of == 0 {
            return write!(f, "- (0/0)");
        }
        let (lo, hi) = self.interval();
        write!(
            f,
            "{:.3} ({}/{}) [{:.3}, {:.3}]",
            self.ratio(),
            self.hit,
            self.of,
            lo,
            hi
        )
    }
}

/// The figures the issues set targets for, for one set of lines.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    /// `warn`/`patient` lines that warn.
    pub patient_warn_recall: Share,
    /// `warn`/`approach` lines that warn.
    pub approach_warn_recall: Share,
    /// `caution` lines flagged (caution or warn).
    pub caution_flagged: Share,
    /// `none` lines that warn, for any kind.
    pub false_warns: Share,
    /// `none` lines that warn for the patient kind.
    pub false_warns_patient: Share,
    /// `none` lines that warn for the approach kind.
    pub false_warns_approach: Share,
    /// `none` lines with a context that warn.
    pub false_warns_with_context: Share,
    /// `none` lines flagged at all.
    pub none_flagged: Share,
    /// `none` lines flagged for the patient kind (caution or warn).
    pub none_flagged_patient: Share,
    /// `none` lines flagged for the approach kind.
    pub none_flagged_approach: Share,
    /// One line per miss, for reading.
    pub misses: Vec<String>,
}

impl Scores {
    /// Tallies one line's outcome.
    pub fn add(&mut self, row: &Labelled, got: ByKind) {
        let verdict = got.verdict();
        let ok = match (row.expect, row.kind) {
            (Verdict::Warn, Some(Kind::Approach)) => {
                self.approach_warn_recall.add(verdict == Verdict::Warn);
                verdict == Verdict::Warn
            }
            (Verdict::Warn, _) => {
                self.patient_warn_recall.add(verdict == Verdict::Warn);
                verdict == Verdict::Warn
            }
            (Verdict::Caution, _) => {
                self.caution_flagged.add(verdict >= Verdict::Caution);
                verdict >= Verdict::Caution
            }
            (Verdict::None, _) => {
                self.false_warns.add(verdict == Verdict::Warn);
                self.false_warns_patient.add(got.patient == Verdict::Warn);
                self.false_warns_approach.add(got.approach == Verdict::Warn);
                self.none_flagged.add(verdict != Verdict::None);
                self.none_flagged_patient.add(got.patient != Verdict::None);
                self.none_flagged_approach.add(got.approach != Verdict::None);
                if !row.context.is_empty() {
                    self.false_warns_with_context.add(verdict == Verdict::Warn);
                }
                verdict == Verdict::None
            }
        };
        if !ok {
            self.misses.push(format!(
                "{} expect {:?} got {:?}: {}",
                row.id,
                row.expect,
                verdict,
                row.text.replace('\n', " ")
            ));
        }
    }

    /// Adds another set's tallies (misses too).
    pub fn merge(&mut self, o: &Scores) {
        self.patient_warn_recall.merge(o.patient_warn_recall);
        self.approach_warn_recall.merge(o.approach_warn_recall);
        self.caution_flagged.merge(o.caution_flagged);
        self.false_warns.merge(o.false_warns);
        self.false_warns_patient.merge(o.false_warns_patient);
        self.false_warns_approach.merge(o.false_warns_approach);
        self.false_warns_with_context
            .merge(o.false_warns_with_context);
        self.none_flagged.merge(o.none_flagged);
        self.none_flagged_patient.merge(o.none_flagged_patient);
        self.none_flagged_approach.merge(o.none_flagged_approach);
        self.misses.extend(o.misses.iter().cloned());
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "patient  warn recall          {}", self.patient_warn_recall)?;
        writeln!(f, "patient  caution flagged      {}", self.caution_flagged)?;
        writeln!(f, "patient  false warn on none   {}", self.false_warns_patient)?;
        writeln!(f, "patient  none flagged         {}", self.none_flagged_patient)?;
        writeln!(f, "approach warn recall          {}", self.approach_warn_recall)?;
        writeln!(f, "approach false warn on none   {}", self.false_warns_approach)?;
        writeln!(f, "approach none flagged         {}", self.none_flagged_approach)?;
        writeln!(f, "any      false warn on none   {}", self.false_warns)?;
        writeln!(f, "  of which with a context     {}", self.false_warns_with_context)?;
        write!(f, "any      none flagged at all  {}", self.none_flagged)
    }
}

/// Something that gives each line a verdict per kind. `fold` is the line's fold when the
/// evaluation is cross-validated: a judge with trained parts must use the parts trained
/// without that fold.
pub trait Judge: Sync {
    fn judge(&self, row: &Labelled, fold: Option<usize>) -> ByKind;
}

impl Judge for crate::engine::Engine {
    /// One engine judges every fold alike: right for the rules (nothing trained) and for
    /// a model judged on text it never saw; with a model trained on the set, use
    /// [`Folded`].
    fn judge(&self, row: &Labelled, fold: Option<usize>) -> ByKind {
        let _ = fold;
        self.check_thread(&row.text, &row.context).by_kind
    }
}

/// A judge whose trained parts differ by fold: line in fold k is judged by `by_fold[k]`,
/// trained without fold k; a line outside the deal (no fold) by `whole`.
pub struct Folded {
    pub by_fold: Vec<crate::engine::Engine>,
    pub whole: crate::engine::Engine,
}

impl Judge for Folded {
    fn judge(&self, row: &Labelled, fold: Option<usize>) -> ByKind {
        let engine = fold.and_then(|f| self.by_fold.get(f)).unwrap_or(&self.whole);
        engine.check_thread(&row.text, &row.context).by_kind
    }
}

impl Folded {
    /// The engines of the committed cross-validated model, under `policy`: fold k's head
    /// is `crate/model/folds/head-K.bin`, trained without fold k by `npm run train`, with
    /// `model`'s embeddings. An error names a missing file, or says the model was trained
    /// with a different number of folds.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn committed(
        policy: &crate::policy::Policy,
        model: &std::sync::Arc<crate::model::Model>,
        k: usize,
    ) -> Result<Folded, String> {
        use crate::engine::Engine;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("model/folds");
        let mut by_fold = Vec::new();
        for f in 0..k {
            let path = dir.join(format!("head-{f}.bin"));
            let bytes = std::fs::read(&path).map_err(|e| {
                format!("{}: {e} (the model was cross-validated with a different number of folds? run npm run train -- --folds {k})", path.display())
            })?;
            let m = crate::model::Model::with_head(model.embeddings.clone(), &bytes)?;
            by_fold.push(Engine::new(policy.clone()).with_model(Some(std::sync::Arc::new(m))));
        }
        if dir.join(format!("head-{k}.bin")).exists() {
            return Err(format!(
                "{} holds more than {k} fold heads: evaluate with the folds the model was trained with",
                dir.display()
            ));
        }
        Ok(Folded {
            by_fold,
            whole: Engine::new(policy.clone()),
        })
    }
}

/// Scores per group and pooled.
pub struct Grouped {
    /// (group, its scores), in the order groups first appear.
    pub groups: Vec<(String, Scores)>,
    pub pooled: Scores,
}

/// Judges every line, tallied by the value of `group_by`; with `folds`, each line is
/// judged as part of its group's fold.
pub fn evaluate_grouped(
    judge: &dyn Judge,
    rows: &[Labelled],
    group_by: &str,
    folds: Option<usize>,
) -> Grouped {
    let assignment = folds.map(|k| folds::assign(rows, k));
    let mut groups: Vec<(String, Scores)> = Vec::new();
    for row in rows {
        let fold = assignment.as_ref().map(|a| a.fold_of(&row.group));
        let got = judge.judge(row, fold);
        let key = row.field(group_by);
        let i = match groups.iter().position(|(g, _)| g == key) {
            Some(i) => i,
            None => {
                groups.push((key.to_string(), Scores::default()));
                groups.len() - 1
            }
        };
        groups[i].1.add(row, got);
    }
    let mut pooled = Scores::default();
    for (_, s) in &groups {
        pooled.merge(s);
    }
    Grouped { groups, pooled }
}

/// Checks every line and tallies the figures (no groups, no folds).
pub fn evaluate(judge: &dyn Judge, rows: &[Labelled]) -> Scores {
    evaluate_grouped(judge, rows, "", None).pooled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_interval_brackets_the_share() {
        let s = Share { hit: 95, of: 100 };
        let (lo, hi) = s.interval();
        assert!(lo < 0.95 && 0.95 < hi, "{lo} {hi}");
        assert!((lo - 0.8883).abs() < 1e-3 && (hi - 0.9785).abs() < 1e-3, "{lo} {hi}");
        let none = Share { hit: 0, of: 50 };
        assert!(none.interval().0 < 1e-12);
        assert!(none.interval().1 > 0.05);
    }

    #[test]
    fn lines_parse_with_threads_and_groups() {
        let rows = parse_jsonl(concat!(
            r#"{"id":"a","text":"hi","expect":"none","kind":"","group":"g1","site":"x"}"#,
            "\n",
            r#"{"id":"b","text":"yes","context":[{"from":"them","text":"drink?"}],"expect":"warn","kind":"approach","group":"g2"}"#
        ))
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].field("site"), "x");
        assert_eq!(rows[1].context.incoming(), "drink?");
        let bad = parse_jsonl(r#"{"text":"x","expect":"maybe"}"#).unwrap_err();
        assert!(bad.starts_with("line 1:"), "{bad}");
    }
}
