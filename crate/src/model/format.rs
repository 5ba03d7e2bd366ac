//! The weight files, little-endian, written by `scripts/train/export.py`:
//!
//! `static.bin` (the embeddings): `BSDE`, u32 version 1, u32 tokens, u32 dim, u32 bytes of
//! vocabulary, the tokens in id order separated by `\n`, f32 scale per token, then i8
//! values (tokens × dim, row-major).
//!
//! `head.bin` (the trained head): `BSDH`, u32 version 2, u32 input, u32 hidden, u32
//! outputs (3), then f32: w1 (hidden × input), b1, w2 (outputs × hidden), b2, Platt a,
//! Platt b, thresholds, vetoes (outputs each).

use super::embeddings::Embeddings;
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
    fn magic(&mut self, m: &[u8; 4], version: usize) -> Result<(), String> {
        if self.take(4)? != m || self.u32()? != version {
            return Err(format!(
                "{}: not a version-{version} {} file (retrain: npm run train)",
                self.what,
                String::from_utf8_lossy(m)
            ));
        }
        Ok(())
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
    r.magic(b"BSDE", 1)?;
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
    r.magic(b"BSDH", 2)?;
    let (input, hidden, outputs) = (r.u32()?, r.u32()?, r.u32()?);
    if outputs != OUTPUTS {
        return Err(format!("head.bin: {outputs} outputs, {OUTPUTS} expected"));
    }
    let w1 = r.f32s(input.checked_mul(hidden).ok_or("size overflows")?)?;
    let b1 = r.f32s(hidden)?;
    let w2 = r.f32s(OUTPUTS * hidden)?;
    let b2 = r.f32s(OUTPUTS)?;
    let arr = |v: Vec<f32>| -> [f32; OUTPUTS] { std::array::from_fn(|i| v[i]) };
    let platt_a = arr(r.f32s(OUTPUTS)?);
    let platt_b = arr(r.f32s(OUTPUTS)?);
    let thresholds = arr(r.f32s(OUTPUTS)?);
    let vetoes = arr(r.f32s(OUTPUTS)?);
    r.done()?;
    let head = Head { input, hidden, w1, b1, w2, b2, platt_a, platt_b, thresholds, vetoes };
    head.validate()?;
    Ok(head)
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
