//! Static token embeddings (model2vec, distilled from all-MiniLM-L6-v2 with no corpus
//! labels): one vector a token, stored as int8 with a scale a row. A text's vector is the
//! mean of its tokens' rows, normalised to length 1, as model2vec pools.

use super::tokenizer::{Token, Vocab};

/// The embedding table and its vocabulary.
pub struct Embeddings {
    pub vocab: Vocab,
    dim: usize,
    scales: Vec<f32>,
    rows: Vec<i8>,
}

impl std::fmt::Debug for Embeddings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Embeddings({} tokens x {})", self.vocab.len(), self.dim)
    }
}

impl Embeddings {
    pub fn new(vocab: Vocab, dim: usize, scales: Vec<f32>, rows: Vec<i8>) -> Result<Embeddings, String> {
        if scales.len() != vocab.len() || rows.len() != vocab.len() * dim {
            return Err(format!(
                "embeddings: {} tokens, {} scales and {} values for {dim} dimensions do not fit",
                vocab.len(),
                scales.len(),
                rows.len()
            ));
        }
        Ok(Embeddings { vocab, dim, scales, rows })
    }

    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Adds token `id`'s row, times `w`, into `sum`.
    pub fn add_row(&self, id: u32, w: f32, sum: &mut [f32]) {
        let i = id as usize;
        let s = self.scales[i] * w;
        let row = &self.rows[i * self.dim..(i + 1) * self.dim];
        for (acc, &q) in sum.iter_mut().zip(row) {
            *acc += s * f32::from(q);
        }
    }

    /// The pooled vector of `tokens` into `out` (zeros when there are none).
    pub fn pool(&self, tokens: &[Token], out: &mut [f32]) {
        out.fill(0.0);
        for t in tokens {
            self.add_row(t.id, 1.0, out);
        }
        normalise(out);
    }
}

/// Scales `v` to length 1 (a zero vector stays zero). The mean's length does not matter
/// once normalised, so a sum does as well.
pub fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}
