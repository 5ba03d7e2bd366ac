//! The feature vector the head reads, assembled in one place (the trainer reads it from
//! `bedside features`, so the layout is written only here):
//!
//! | part | size |
//! |---|---|
//! | the draft (or one window of it), pooled | D |
//! | the whole thread, both sides, pooled | D |
//! | the last message of the other person, pooled | D |
//! | draft × thread, elementwise | D |
//! | per category, log(1 + hits) in the draft | C |
//! | per category, log(1 + hits) in the other person's messages | C |
//! | the rules' verdict per kind, one-hot (none, caution, warn) × 2 | 6 |
//! | replying at all; log(1 + messages); log(1 + draft tokens) / 5 | 3 |

use crate::category::Category;
use crate::detect::Hit;
use crate::report::{ByKind, Verdict};

use super::embeddings::Embeddings;
use super::tokenizer::Token;

const C: usize = Category::COUNT;

/// The width of the vector for embeddings of `dim` dimensions.
pub fn width(dim: usize) -> usize {
    4 * dim + 2 * C + 6 + 3
}

/// What the rules pass found, as the model reads it.
pub struct RuleView<'a> {
    pub draft: &'a [Hit],
    pub incoming: &'a [Hit],
    pub verdicts: ByKind,
}

/// The context's pooled vectors, computed once for all windows of a draft.
pub struct ContextVectors {
    pub all: Vec<f32>,
    pub last: Vec<f32>,
    pub replying: bool,
    pub messages: usize,
}

/// Writes the features of `draft` (a window's tokens) into `out` (cleared first).
pub fn assemble(
    emb: &Embeddings,
    draft: &[Token],
    ctx: &ContextVectors,
    rules: &RuleView<'_>,
    out: &mut Vec<f32>,
) {
    let d = emb.dim();
    out.clear();
    out.resize(width(d), 0.0);
    emb.pool(draft, &mut out[..d]);
    out[d..2 * d].copy_from_slice(&ctx.all);
    out[2 * d..3 * d].copy_from_slice(&ctx.last);
    for i in 0..d {
        out[3 * d + i] = out[i] * ctx.all[i];
    }
    let mut at = 4 * d;
    counts(rules.draft, &mut out[at..at + C]);
    at += C;
    counts(rules.incoming, &mut out[at..at + C]);
    at += C;
    for v in [rules.verdicts.patient, rules.verdicts.approach] {
        let i = match v {
            Verdict::None => 0,
            Verdict::Caution => 1,
            Verdict::Warn => 2,
        };
        out[at + i] = 1.0;
        at += 3;
    }
    out[at] = f32::from(u8::from(ctx.replying));
    out[at + 1] = (1.0 + ctx.messages as f32).ln();
    out[at + 2] = (1.0 + draft.len() as f32).ln() / 5.0;
}

fn counts(hits: &[Hit], out: &mut [f32]) {
    for h in hits {
        if let Some(i) = Category::ALL.iter().position(|&c| c == h.category) {
            out[i] += 1.0;
        }
    }
    out.iter_mut().for_each(|x| *x = (1.0 + *x).ln());
}
