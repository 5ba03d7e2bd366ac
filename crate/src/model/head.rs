//! The trained head: a small network from the feature vector to one logit per output,
//! then Platt scaling to a calibrated probability, and the thresholds that turn those
//! into verdicts, with the vetoes below which a rules verdict does not stand (all chosen
//! on grouped cross-validation: scripts/train/operating.py).

/// The outputs, in order.
pub const OUTPUTS: usize = 3;
/// A `warn` for the patient kind: identifiable.
pub const PATIENT_WARN: usize = 0;
/// Flagged for the patient kind at all: disparaging, or one weak detail, or identifiable.
pub const PATIENT_FLAG: usize = 1;
/// A `warn` for the approach kind.
pub const APPROACH_WARN: usize = 2;

use super::encoder::Encoder;

/// Weights of `input -> hidden (ReLU) -> OUTPUTS`, row-major (`w1[h * width + i]`, where
/// `width` is [`Head::width`]: the encoder's pooled vectors, if there is an encoder, then
/// the `input` features).
#[derive(Debug, Clone)]
pub struct Head {
    /// The contextual encoder whose pooled output comes first in the head's input.
    pub encoder: Option<Encoder>,
    /// How many features (`features::width`) the head reads after the encoder's output.
    pub input: usize,
    pub hidden: usize,
    pub w1: Vec<f32>,
    pub b1: Vec<f32>,
    pub w2: Vec<f32>,
    pub b2: Vec<f32>,
    /// Platt scaling: p = sigmoid(a * logit + b), per output.
    pub platt_a: [f32; OUTPUTS],
    pub platt_b: [f32; OUTPUTS],
    /// A probability at or above which the output is on.
    pub thresholds: [f32; OUTPUTS],
    /// Below this probability a rules verdict of that kind does not stand: a patient
    /// warning becomes a caution, a caution (the rules' own, or a fallen warning) stands
    /// only at or above the flag's veto, an approach warning goes (`engine::stand`).
    pub vetoes: [f32; OUTPUTS],
}

impl Head {
    /// The length of the vector `logits` reads.
    pub fn width(&self) -> usize {
        self.encoder.as_ref().map_or(0, Encoder::width) + self.input
    }

    /// Checks the shapes fit.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(e) = &self.encoder {
            e.validate()?;
        }
        let ok = self.w1.len() == self.width() * self.hidden
            && self.b1.len() == self.hidden
            && self.w2.len() == OUTPUTS * self.hidden
            && self.b2.len() == OUTPUTS;
        if ok {
            Ok(())
        } else {
            Err(format!("head: weights do not fit {} -> {} -> {OUTPUTS}", self.width(), self.hidden))
        }
    }

    /// The raw logits of one feature vector; `hidden` is scratch of `self.hidden` floats.
    pub fn logits(&self, x: &[f32], hidden: &mut Vec<f32>) -> [f32; OUTPUTS] {
        let width = self.width();
        debug_assert_eq!(x.len(), width);
        hidden.clear();
        hidden.extend_from_slice(&self.b1);
        for (h, acc) in hidden.iter_mut().enumerate() {
            let row = &self.w1[h * width..(h + 1) * width];
            *acc += dot(row, x);
            *acc = acc.max(0.0);
        }
        let mut out = [0.0; OUTPUTS];
        for (o, v) in out.iter_mut().enumerate() {
            *v = self.b2[o] + dot(&self.w2[o * self.hidden..(o + 1) * self.hidden], hidden);
        }
        out
    }

    /// Calibrated probabilities of one feature vector.
    pub fn probabilities(&self, x: &[f32], hidden: &mut Vec<f32>) -> [f32; OUTPUTS] {
        let l = self.logits(x, hidden);
        std::array::from_fn(|o| sigmoid(self.platt_a[o] * l[o] + self.platt_b[o]))
    }
}

pub(crate) use super::kernels::dot;

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tiny_head_computes_by_hand() {
        let h = Head {
            encoder: None,
            input: 2,
            hidden: 2,
            w1: vec![1.0, 0.0, 0.0, -1.0],
            b1: vec![0.0, 0.0],
            w2: vec![1.0, 0.0, 0.0, 1.0, 2.0, 2.0],
            b2: vec![0.0, 0.5, -1.0],
            platt_a: [1.0; OUTPUTS],
            platt_b: [0.0; OUTPUTS],
            thresholds: [0.5; OUTPUTS],
            vetoes: [0.0; OUTPUTS],
        };
        h.validate().unwrap();
        let mut scratch = Vec::new();
        // hidden = relu([3, -(-2)]) = [3, 2]
        assert_eq!(h.logits(&[3.0, -2.0], &mut scratch), [3.0, 2.5, 9.0]);
        let p = h.probabilities(&[0.0, 0.0], &mut scratch);
        assert!((p[0] - 0.5).abs() < 1e-6 && (p[2] - sigmoid(-1.0)).abs() < 1e-6);
    }
}
