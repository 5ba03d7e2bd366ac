//! The contextual encoder: a small transformer over the static token vectors, so the
//! words around each word count ("my mum" against "my patient", who did what to whom),
//! which a pooled bag of vectors cannot see. Trained by `scripts/train/student.py`; the
//! arithmetic here is PyTorch's `TransformerEncoderLayer` (post-norm, ReLU, eval mode):
//!
//! ```text
//! draft tokens (<= draft_max) ++ last incoming message's tail (<= ctx_max)
//!   -> static rows (dim_in) -> Linear(dim_in -> d) + position + segment -> LayerNorm
//!   -> layers × [x = LN(x + attention(x)); x = LN(x + W2 relu(W1 x))]
//!   -> mean over the draft's positions ++ mean over the message's   (2 d)
//! ```
//!
//! One sequence at a time, so there is no padding to mask.

use super::embeddings::Embeddings;

const EPS: f32 = 1e-5;

/// One post-norm transformer layer's weights, row-major as PyTorch stores them.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Query, key and value projections stacked: 3 d × d, and their biases.
    pub in_w: Vec<f32>,
    pub in_b: Vec<f32>,
    pub out_w: Vec<f32>,
    pub out_b: Vec<f32>,
    pub ln1: (Vec<f32>, Vec<f32>),
    pub ff1_w: Vec<f32>,
    pub ff1_b: Vec<f32>,
    pub ff2_w: Vec<f32>,
    pub ff2_b: Vec<f32>,
    pub ln2: (Vec<f32>, Vec<f32>),
}

/// The encoder's shape and weights.
#[derive(Debug, Clone)]
pub struct Encoder {
    pub dim_in: usize,
    pub d: usize,
    pub heads: usize,
    pub ffn: usize,
    pub draft_max: usize,
    pub ctx_max: usize,
    pub proj_w: Vec<f32>,
    pub proj_b: Vec<f32>,
    /// (draft_max + ctx_max) × d: the draft's positions, then the message's.
    pub pos: Vec<f32>,
    /// 2 × d: draft, message.
    pub seg: Vec<f32>,
    pub ln0: (Vec<f32>, Vec<f32>),
    pub layers: Vec<Layer>,
}

/// The encoder's output for one sequence: every position's vector, and how many of the
/// positions are the draft's.
pub struct Encoded {
    pub states: Vec<f32>,
    pub draft: usize,
    pub d: usize,
}

impl Encoded {
    /// The pooled pair (mean over the draft, mean over the message) into `out` (2 d),
    /// leaving out the draft positions in `skip` (for leave-one-word-out contributions
    /// with the contextual vectors held).
    pub fn pool(&self, skip: std::ops::Range<usize>, out: &mut Vec<f32>) {
        let d = self.d;
        out.clear();
        out.resize(2 * d, 0.0);
        let n = self.states.len() / d;
        let (mut nd, mut nc) = (0usize, 0usize);
        for t in 0..n {
            if t < self.draft && skip.contains(&t) {
                continue;
            }
            let (half, count) = if t < self.draft { (0, &mut nd) } else { (d, &mut nc) };
            *count += 1;
            for (o, &v) in out[half..half + d].iter_mut().zip(&self.states[t * d..(t + 1) * d]) {
                *o += v;
            }
        }
        for (half, count) in [(0, nd), (d, nc)] {
            let c = count.max(1) as f32;
            out[half..half + d].iter_mut().for_each(|v| *v /= c);
        }
    }
}

impl Encoder {
    /// Width of the pooled output.
    pub fn width(&self) -> usize {
        2 * self.d
    }

    /// Checks the shapes fit.
    pub fn validate(&self) -> Result<(), String> {
        let (d, f) = (self.d, self.ffn);
        let mut ok = self.heads > 0
            && d % self.heads == 0
            && self.proj_w.len() == d * self.dim_in
            && self.proj_b.len() == d
            && self.pos.len() == (self.draft_max + self.ctx_max) * d
            && self.seg.len() == 2 * d
            && self.ln0.0.len() == d
            && self.ln0.1.len() == d;
        for l in &self.layers {
            ok &= l.in_w.len() == 3 * d * d
                && l.in_b.len() == 3 * d
                && l.out_w.len() == d * d
                && l.out_b.len() == d
                && l.ff1_w.len() == f * d
                && l.ff1_b.len() == f
                && l.ff2_w.len() == d * f
                && l.ff2_b.len() == d
                && [&l.ln1.0, &l.ln1.1, &l.ln2.0, &l.ln2.1].iter().all(|v| v.len() == d);
        }
        if ok {
            Ok(())
        } else {
            Err(format!("encoder: weights do not fit d {d}, {} heads, ffn {f}", self.heads))
        }
    }

    /// Runs the draft's token ids (the first `draft_max` are read) and the message's (its
    /// last `ctx_max`) through the encoder.
    pub fn encode(&self, emb: &Embeddings, draft: &[u32], ctx: &[u32]) -> Encoded {
        let d = self.d;
        let draft = &draft[..draft.len().min(self.draft_max)];
        let ctx = &ctx[ctx.len().saturating_sub(self.ctx_max)..];
        // An empty sequence reads one [PAD] (id 0) as the draft, as in training.
        let pad = [0u32];
        let (draft, ctx) = if draft.is_empty() && ctx.is_empty() { (&pad[..], ctx) } else { (draft, ctx) };
        let n = draft.len() + ctx.len();
        let mut x = vec![0.0f32; n * d];
        let mut row = vec![0.0f32; self.dim_in];
        for (t, (&id, seg, pos)) in draft
            .iter()
            .enumerate()
            .map(|(i, id)| (id, 0, i))
            .chain(ctx.iter().enumerate().map(|(i, id)| (id, 1, self.draft_max + i)))
            .enumerate()
        {
            row.fill(0.0);
            if (id as usize) < emb.vocab.len() {
                emb.add_row(id, 1.0, &mut row);
            }
            let out = &mut x[t * d..(t + 1) * d];
            linear(&self.proj_w, &self.proj_b, &row, out);
            for k in 0..d {
                out[k] += self.pos[pos * d + k] + self.seg[seg * d + k];
            }
            layer_norm(out, &self.ln0);
        }
        let mut s = Scratch::default();
        for l in &self.layers {
            self.layer(l, &mut x, n, &mut s);
        }
        Encoded { states: x, draft: draft.len(), d }
    }

    fn layer(&self, l: &Layer, x: &mut [f32], n: usize, s: &mut Scratch) {
        let (d, h) = (self.d, self.heads);
        let hd = d / h;
        s.qkv.resize(n * 3 * d, 0.0);
        for t in 0..n {
            linear(&l.in_w, &l.in_b, &x[t * d..(t + 1) * d], &mut s.qkv[t * 3 * d..(t + 1) * 3 * d]);
        }
        // Keys and values transposed (d rows of n), so a query's scores and its weighted
        // sum of values are long vector loops (axpy over the keys, dot over the values)
        // rather than n short ones of a head's width.
        s.kt.resize(d * n, 0.0);
        s.vt.resize(d * n, 0.0);
        for t in 0..n {
            let row = &s.qkv[t * 3 * d..(t + 1) * 3 * d];
            for c in 0..d {
                s.kt[c * n + t] = row[d + c];
                s.vt[c * n + t] = row[2 * d + c];
            }
        }
        s.attn.clear();
        s.attn.resize(n * d, 0.0);
        s.scores.resize(n, 0.0);
        let scale = 1.0 / (hd as f32).sqrt();
        for head in 0..h {
            let off = head * hd;
            for i in 0..n {
                let q = &s.qkv[i * 3 * d + off..i * 3 * d + off + hd];
                s.scores.fill(0.0);
                for (c, &qc) in q.iter().enumerate() {
                    axpy(qc, &s.kt[(off + c) * n..(off + c + 1) * n], &mut s.scores);
                }
                let mut max = f32::NEG_INFINITY;
                for v in s.scores.iter_mut() {
                    *v *= scale;
                    max = max.max(*v);
                }
                let mut sum = 0.0;
                for v in s.scores.iter_mut() {
                    *v = (*v - max).exp();
                    sum += *v;
                }
                for v in s.scores.iter_mut() {
                    *v /= sum;
                }
                for c in 0..hd {
                    s.attn[i * d + off + c] = dot(&s.scores, &s.vt[(off + c) * n..(off + c + 1) * n]);
                }
            }
        }
        s.tmp.resize(d.max(self.ffn), 0.0);
        s.hidden.resize(self.ffn, 0.0);
        for t in 0..n {
            let xt = &mut x[t * d..(t + 1) * d];
            linear(&l.out_w, &l.out_b, &s.attn[t * d..(t + 1) * d], &mut s.tmp[..d]);
            xt.iter_mut().zip(&s.tmp[..d]).for_each(|(a, b)| *a += b);
            layer_norm(xt, &l.ln1);
            linear(&l.ff1_w, &l.ff1_b, xt, &mut s.hidden);
            s.hidden.iter_mut().for_each(|v| *v = v.max(0.0));
            linear(&l.ff2_w, &l.ff2_b, &s.hidden, &mut s.tmp[..d]);
            xt.iter_mut().zip(&s.tmp[..d]).for_each(|(a, b)| *a += b);
            layer_norm(xt, &l.ln2);
        }
    }
}

#[derive(Default)]
struct Scratch {
    qkv: Vec<f32>,
    kt: Vec<f32>,
    vt: Vec<f32>,
    attn: Vec<f32>,
    scores: Vec<f32>,
    tmp: Vec<f32>,
    hidden: Vec<f32>,
}

/// `out = W x + b`, with `W` of `out.len()` rows of `x.len()`.
fn linear(w: &[f32], b: &[f32], x: &[f32], out: &mut [f32]) {
    let n = x.len();
    for (o, (v, &bias)) in out.iter_mut().zip(b).enumerate() {
        *v = bias + dot(&w[o * n..(o + 1) * n], x);
    }
}

fn layer_norm(x: &mut [f32], (g, b): &(Vec<f32>, Vec<f32>)) {
    let n = x.len() as f32;
    let mean = x.iter().sum::<f32>() / n;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
    let inv = 1.0 / (var + EPS).sqrt();
    for ((v, &gg), &bb) in x.iter_mut().zip(g).zip(b) {
        *v = (*v - mean) * inv * gg + bb;
    }
}

use super::kernels::{axpy, dot};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_norm_and_linear_compute_by_hand() {
        let mut x = vec![1.0, 3.0];
        layer_norm(&mut x, &(vec![1.0, 2.0], vec![0.0, 1.0]));
        assert!((x[0] + 1.0).abs() < 1e-3 && (x[1] - 3.0).abs() < 1e-3, "{x:?}");
        let mut out = [0.0; 2];
        linear(&[1.0, 2.0, 0.0, -1.0], &[0.5, 0.0], &[3.0, 4.0], &mut out);
        assert_eq!(out, [11.5, -4.0]);
    }

    #[test]
    fn pooling_means_each_side_and_skips_what_is_left_out() {
        let e = Encoded { states: vec![1.0, 3.0, 5.0, 7.0], draft: 3, d: 1 };
        let mut out = Vec::new();
        e.pool(0..0, &mut out);
        assert_eq!(out, [3.0, 7.0]);
        e.pool(2..3, &mut out);
        assert_eq!(out, [2.0, 7.0]);
    }
}
