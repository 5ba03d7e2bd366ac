//! The weight files, little-endian, written by `scripts/train/export.py`:
//!
//! `static.bin` (the embeddings): `BSDE`, u32 version 1, u32 tokens, u32 dim, u32 bytes of
//! vocabulary, the tokens in id order separated by `\n`, f32 scale per token, then i8
//! values (tokens × dim, row-major).
//!
//! `head.bin` (the trained head): `BSDH`, u32 version 3, u32 input, u32 hidden, u32
//! outputs (3), u32 1 if an encoder follows (else 0); the encoder: u32 dim_in, d, heads,
//! ffn, draft_max, ctx_max, layers, then f32: proj w (d × dim_in), proj b, positions
//! ((draft_max + ctx_max) × d), segments (2 × d), LayerNorm γ, β, and per layer: in w
//! (3d × d), in b, out w (d × d), out b, LN1 γ, β, FFN w1 (ffn × d), b1, w2 (d × ffn), b2,
//! LN2 γ, β. Then f32: w1 (hidden × (2d if an encoder + input)), b1, w2 (outputs ×
//! hidden), b2, Platt a, Platt b, thresholds, vetoes (outputs each). Version 2 is the same
//! without the encoder flag (no encoder).

use super::embeddings::Embeddings;
use super::encoder::{Encoder, Layer};
use super::head::{Head, OUTPUTS};
use super::tokenizer::Vocab;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("{}: cut short at byte {}", self.what, self.at))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<usize, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, String> {
        let b = self.take(n.checked_mul(4).ok_or("size overflows")?)?;
        Ok(b.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    /// Reads the magic and a version among `versions`, and returns the version.
    fn magic(&mut self, m: &[u8; 4], versions: &[usize]) -> Result<usize, String> {
        let ok = self.take(4)? == m;
        let v = self.u32()?;
        if !ok || !versions.contains(&v) {
            return Err(format!(
                "{}: not a version-{} {} file (retrain: npm run train)",
                self.what,
                versions[versions.len() - 1],
                String::from_utf8_lossy(m)
            ));
        }
        Ok(v)
    }
    fn pair(&mut self, n: usize) -> Result<(Vec<f32>, Vec<f32>), String> {
        Ok((self.f32s(n)?, self.f32s(n)?))
    }
    fn done(&self) -> Result<(), String> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(format!("{}: {} bytes too many", self.what, self.bytes.len() - self.at))
        }
    }
}

pub fn read_embeddings(bytes: &[u8]) -> Result<Embeddings, String> {
    let mut r = Reader { bytes, at: 0, what: "static.bin" };
    r.magic(b"BSDE", &[1])?;
    let (n, dim, vbytes) = (r.u32()?, r.u32()?, r.u32()?);
    let vocab = std::str::from_utf8(r.take(vbytes)?).map_err(|e| format!("static.bin: vocabulary: {e}"))?;
    let tokens: Vec<&str> = vocab.split('\n').collect();
    if tokens.len() != n {
        return Err(format!("static.bin: {} tokens listed, {n} declared", tokens.len()));
    }
    let scales = r.f32s(n)?;
    let rows = r.take(n.checked_mul(dim).ok_or("size overflows")?)?.iter().map(|&b| b as i8).collect();
    r.done()?;
    Embeddings::new(Vocab::new(tokens), dim, scales, rows)
}

pub fn read_head(bytes: &[u8]) -> Result<Head, String> {
    let mut r = Reader { bytes, at: 0, what: "head.bin" };
    let version = r.magic(b"BSDH", &[2, 3])?;
    let (input, hidden, outputs) = (r.u32()?, r.u32()?, r.u32()?);
    if outputs != OUTPUTS {
        return Err(format!("head.bin: {outputs} outputs, {OUTPUTS} expected"));
    }
    let encoder = if version >= 3 && r.u32()? == 1 { Some(read_encoder(&mut r)?) } else { None };
    let width = encoder.as_ref().map_or(0, Encoder::width) + input;
    let w1 = r.f32s(width.checked_mul(hidden).ok_or("size overflows")?)?;
    let b1 = r.f32s(hidden)?;
    let w2 = r.f32s(OUTPUTS * hidden)?;
    let b2 = r.f32s(OUTPUTS)?;
    let arr = |v: Vec<f32>| -> [f32; OUTPUTS] { std::array::from_fn(|i| v[i]) };
    let platt_a = arr(r.f32s(OUTPUTS)?);
    let platt_b = arr(r.f32s(OUTPUTS)?);
    let thresholds = arr(r.f32s(OUTPUTS)?);
    let vetoes = arr(r.f32s(OUTPUTS)?);
    r.done()?;
    let head = Head { encoder, input, hidden, w1, b1, w2, b2, platt_a, platt_b, thresholds, vetoes };
    head.validate()?;
    Ok(head)
}

fn read_encoder(r: &mut Reader<'_>) -> Result<Encoder, String> {
    let mut dims = [0usize; 7];
    for v in &mut dims {
        *v = r.u32()?;
    }
    let [dim_in, d, heads, ffn, draft_max, ctx_max, layers] = dims;
    if d == 0 || d > 1024 || ffn > 8192 || layers > 12 || dim_in > 4096 || draft_max + ctx_max > 4096 {
        return Err(format!("head.bin: an encoder of d {d}, ffn {ffn}, {layers} layers is out of range"));
    }
    let proj_w = r.f32s(d * dim_in)?;
    let proj_b = r.f32s(d)?;
    let pos = r.f32s((draft_max + ctx_max) * d)?;
    let seg = r.f32s(2 * d)?;
    let ln0 = r.pair(d)?;
    let mut ls = Vec::with_capacity(layers);
    for _ in 0..layers {
        ls.push(Layer {
            in_w: r.f32s(3 * d * d)?,
            in_b: r.f32s(3 * d)?,
            out_w: r.f32s(d * d)?,
            out_b: r.f32s(d)?,
            ln1: r.pair(d)?,
            ff1_w: r.f32s(ffn * d)?,
            ff1_b: r.f32s(ffn)?,
            ff2_w: r.f32s(d * ffn)?,
            ff2_b: r.f32s(d)?,
            ln2: r.pair(d)?,
        });
    }
    Ok(Encoder { dim_in, d, heads, ffn, draft_max, ctx_max, proj_w, proj_b, pos, seg, ln0, layers: ls })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(v: &[u32]) -> Vec<u8> {
        v.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    #[test]
    fn reads_what_it_declares_and_names_what_is_wrong() {
        let vocab = b"[PAD]\n[UNK]\nhi";
        let mut b = b"BSDE".to_vec();
        b.extend(le(&[1, 3, 2, vocab.len() as u32]));
        b.extend(vocab);
        for s in [1.0f32, 1.0, 0.5] {
            b.extend(s.to_le_bytes());
        }
        b.extend([0u8, 0, 0, 0, 2, 254]);
        let e = read_embeddings(&b).unwrap();
        let mut sum = vec![0.0; 2];
        e.add_row(2, 1.0, &mut sum);
        assert_eq!(sum, [1.0, -1.0]);
        assert!(read_embeddings(&b[..b.len() - 1]).unwrap_err().contains("cut short"));
        let mut long = b.clone();
        long.push(0);
        assert!(read_embeddings(&long).unwrap_err().contains("too many"));
        assert!(read_head(&b).unwrap_err().contains("BSDH"));
    }
}
