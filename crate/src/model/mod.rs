//! The learned scorer: reads the meaning of a draft and its thread, with the rules'
//! findings as features, and gives a calibrated probability per output (identifiable
//! patient, flagged for the patient kind at all, personal approach). See docs/MODEL.md.
//!
//! - `tokenizer`: BERT's uncased WordPiece;
//! - `embeddings`: static token vectors distilled from all-MiniLM-L6-v2, pooled;
//! - `encoder`: a small transformer over those vectors, so word order and context count;
//! - `features`: the vector the head reads, laid out in one place;
//! - `head`: the trained network, calibration and thresholds;
//! - `kernels`: the dot product and `axpy` the two networks spend their time in;
//! - `format`: the two weight files (`crate/model/static.bin`, `crate/model/head.bin`).
//!
//! Long drafts are read in windows of [`WINDOW`] tokens (half overlapping), each scored,
//! and the worst window counts: cost stays linear in length and a detail buried in a long
//! post is not averaged away.

pub mod embeddings;
pub mod encoder;
pub mod features;
pub mod format;
pub mod head;
mod kernels;
pub mod tokenizer;

use std::sync::Arc;

use crate::report::{ByKind, Verdict};
use crate::thread::Thread;
use embeddings::Embeddings;
use features::{ContextVectors, RuleView};
use head::{Head, APPROACH_WARN, OUTPUTS, PATIENT_FLAG, PATIENT_WARN};
use tokenizer::Token;

/// Every window's feature vector (what the trainer reads): needs only the embeddings,
/// so the trainer can read features before any head exists.
pub fn features_of(emb: &Embeddings, text: &str, thread: &Thread, rules: &RuleView<'_>) -> Vec<Vec<f32>> {
    let mut tokens = Vec::new();
    emb.vocab.tokenize(text, &mut tokens);
    let ctx = context_of(emb, thread);
    Model::windows(&tokens)
        .into_iter()
        .map(|w| {
            let mut x = Vec::new();
            features::assemble(emb, w, &ctx, rules, &mut x);
            x
        })
        .collect()
}

/// The context's pooled vectors.
fn context_of(emb: &Embeddings, thread: &Thread) -> ContextVectors {
    let d = emb.dim();
    let (mut all, mut last) = (vec![0.0; d], vec![0.0; d]);
    let mut tokens = Vec::new();
    emb.vocab.tokenize(&thread.all(), &mut tokens);
    emb.pool(&tokens, &mut all);
    tokens.clear();
    emb.vocab.tokenize(thread.last_incoming(), &mut tokens);
    emb.pool(&tokens, &mut last);
    ContextVectors {
        all,
        last,
        replying: !thread.is_empty(),
        messages: thread.len(),
    }
}

/// The model committed in `crate/model/`, compiled into native builds (the CLI, tests,
/// benches). The extension's worker loads the same two files from its package instead
/// (`Model::from_bytes`), so the wasm stays small.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> Option<Arc<Model>> {
    static BUILTIN: std::sync::LazyLock<Option<Arc<Model>>> = std::sync::LazyLock::new(|| {
        match Model::from_bytes(
            include_bytes!("../../model/static.bin"),
            include_bytes!("../../model/head.bin"),
        ) {
            Ok(m) => Some(Arc::new(m)),
            Err(e) => {
                eprintln!("bedside: the built-in model does not load ({e}); the rules judge alone");
                None
            }
        }
    });
    BUILTIN.clone()
}

/// In wasm the worker passes the model in.
#[cfg(target_arch = "wasm32")]
pub fn builtin() -> Option<Arc<Model>> {
    None
}

/// Tokens a window holds.
pub const WINDOW: usize = 160;
/// Drafts no longer than this many tokens are read whole (as in training).
const WHOLE: usize = 2 * WINDOW;

/// Static embeddings and a trained head.
pub struct Model {
    pub embeddings: Arc<Embeddings>,
    pub head: Head,
}

/// What the model made of a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Calibrated probabilities: identifiable patient, flagged for the patient kind,
    /// personal approach.
    pub probabilities: [f32; OUTPUTS],
    /// The verdict per kind the thresholds give.
    pub verdicts: ByKind,
    /// The words that moved the strongest output most: byte spans of the text given to
    /// `score`, with how much the probability fell without them, largest first.
    pub contributions: Vec<(usize, usize, f32)>,
}

impl Model {
    /// Loads the two weight files.
    pub fn from_bytes(static_bin: &[u8], head_bin: &[u8]) -> Result<Model, String> {
        let embeddings = Arc::new(format::read_embeddings(static_bin)?);
        Model::with_head(embeddings, head_bin)
    }

    /// A model sharing `embeddings`, with the head in `head_bin` (the fold heads share the
    /// one table).
    pub fn with_head(embeddings: Arc<Embeddings>, head_bin: &[u8]) -> Result<Model, String> {
        let head = format::read_head(head_bin)?;
        if let Some(e) = &head.encoder {
            if e.dim_in != embeddings.dim() {
                return Err(format!(
                    "head.bin's encoder reads {}-dimensional rows but the embeddings have {}: retrain (npm run train)",
                    e.dim_in,
                    embeddings.dim()
                ));
            }
        }
        let want = features::width(embeddings.dim());
        if head.input != want {
            return Err(format!(
                "head.bin reads {} features but these embeddings give {want}: retrain (npm run train)",
                head.input
            ));
        }
        Ok(Model { embeddings, head })
    }

    /// The tokens of a text.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.embeddings.vocab.tokenize(text, &mut out);
        out
    }

    /// The context's vectors.
    pub fn context(&self, thread: &Thread) -> ContextVectors {
        context_of(&self.embeddings, thread)
    }

    /// The windows of a draft's tokens: the whole draft when short, else windows of
    /// `WINDOW` tokens starting every `WINDOW / 2`.
    pub fn windows(tokens: &[Token]) -> Vec<&[Token]> {
        if tokens.len() <= WHOLE {
            return vec![tokens];
        }
        let step = WINDOW / 2;
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            let end = (at + WINDOW).min(tokens.len());
            out.push(&tokens[at..end]);
            if end == tokens.len() {
                break;
            }
            at += step;
        }
        out
    }

    /// Scores a draft; with `explain`, also finds the words that moved it most.
    pub fn score(&self, text: &str, thread: &Thread, rules: &RuleView<'_>, explain: bool) -> Scored {
        let tokens = self.tokens(text);
        let ctx = self.context(thread);
        let ctx_ids = self.head.encoder.as_ref().map(|_| self.last_ids(thread)).unwrap_or_default();
        let mut x = Vec::new();
        let mut scratch = Vec::new();
        let mut best = [0.0f32; OUTPUTS];
        let mut best_window: [&[Token]; OUTPUTS] = [&[]; OUTPUTS];
        for w in Model::windows(&tokens) {
            let encoded = self.encode(w, &ctx_ids);
            self.input(encoded.as_ref(), 0..0, w, &ctx, rules, &mut x);
            let p = self.head.probabilities(&x, &mut scratch);
            for o in 0..OUTPUTS {
                if p[o] >= best[o] {
                    best[o] = p[o];
                    best_window[o] = w;
                }
            }
        }
        let verdicts = self.verdicts(best);
        let mut contributions = Vec::new();
        if explain {
            // The output that decided the verdict: approach, else patient warn, else flag.
            let t = &self.head.thresholds;
            let o = if verdicts.approach == Verdict::Warn && best[APPROACH_WARN] / t[APPROACH_WARN] >= best[PATIENT_WARN] / t[PATIENT_WARN] {
                APPROACH_WARN
            } else if verdicts.patient == Verdict::Warn {
                PATIENT_WARN
            } else if verdicts.patient == Verdict::Caution {
                PATIENT_FLAG
            } else {
                (0..OUTPUTS).max_by(|&a, &b| best[a].total_cmp(&best[b])).unwrap_or(0)
            };
            contributions = self.contributions(best_window[o], &ctx_ids, &ctx, rules, o, best[o]);
        }
        Scored { probabilities: best, verdicts, contributions }
    }

    /// The token ids of the other person's last message (what the encoder reads beside
    /// the draft).
    fn last_ids(&self, thread: &Thread) -> Vec<u32> {
        self.tokens(thread.last_incoming()).into_iter().map(|t| t.id).collect()
    }

    /// The encoder's reading of one window, if the head has an encoder.
    fn encode(&self, window: &[Token], ctx_ids: &[u32]) -> Option<encoder::Encoded> {
        let enc = self.head.encoder.as_ref()?;
        let ids: Vec<u32> = window.iter().map(|t| t.id).collect();
        Some(enc.encode(&self.embeddings, &ids, ctx_ids))
    }

    /// The head's input for `window` into `x`: the encoder's pooled vectors (leaving out
    /// the window's positions in `skip`), then the features of `tokens`.
    fn input(
        &self,
        encoded: Option<&encoder::Encoded>,
        skip: std::ops::Range<usize>,
        tokens: &[Token],
        ctx: &ContextVectors,
        rules: &RuleView<'_>,
        x: &mut Vec<f32>,
    ) {
        let mut f = Vec::new();
        features::assemble(&self.embeddings, tokens, ctx, rules, &mut f);
        x.clear();
        if let Some(e) = encoded {
            e.pool(skip, x);
        }
        x.extend_from_slice(&f);
    }

    /// The verdicts the thresholds give to probabilities.
    pub fn verdicts(&self, p: [f32; OUTPUTS]) -> ByKind {
        let t = &self.head.thresholds;
        let patient = if p[PATIENT_WARN] >= t[PATIENT_WARN] {
            Verdict::Warn
        } else if p[PATIENT_FLAG] >= t[PATIENT_FLAG] {
            Verdict::Caution
        } else {
            Verdict::None
        };
        let approach = if p[APPROACH_WARN] >= t[APPROACH_WARN] { Verdict::Warn } else { Verdict::None };
        ByKind { patient, approach }
    }

    /// Leave one word out: how much output `o` falls without each word of the window. The
    /// encoder runs once: a word left out leaves its positions out of the draft's mean,
    /// the other words' contextual vectors held as they were read whole.
    fn contributions(
        &self,
        window: &[Token],
        ctx_ids: &[u32],
        ctx: &ContextVectors,
        rules: &RuleView<'_>,
        o: usize,
        full: f32,
    ) -> Vec<(usize, usize, f32)> {
        let mut out: Vec<(usize, usize, f32)> = Vec::new();
        let mut x = Vec::new();
        let mut scratch = Vec::new();
        let mut rest: Vec<Token> = Vec::with_capacity(window.len());
        let encoded = self.encode(window, ctx_ids);
        let mut i = 0;
        while i < window.len() {
            let (s, e) = (window[i].start, window[i].end);
            let mut j = i;
            while j < window.len() && window[j].start == s {
                j += 1;
            }
            rest.clear();
            rest.extend_from_slice(&window[..i]);
            rest.extend_from_slice(&window[j..]);
            self.input(encoded.as_ref(), i..j, &rest, ctx, rules, &mut x);
            let p = self.head.probabilities(&x, &mut scratch)[o];
            if full - p > 0.0 {
                out.push((s, e, full - p));
            }
            i = j;
        }
        out.sort_by(|a, b| b.2.total_cmp(&a.2));
        out.truncate(3);
        out
    }
}
