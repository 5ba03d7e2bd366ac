//! The scorer's two inner loops, `dot` and `axpy`, in one place: written once as plain
//! Rust with sixteen accumulators, and once with wasm's 128-bit SIMD (four `f32x4`
//! accumulators) where the wasm is built with `simd128`. Both add the same products in
//! the same order (lane k sums the products at k, k + 16, k + 32, …; the sixteen lanes
//! fold to four as four vectors added in turn, the four are added 0 to 3, the tail last,
//! and no multiply-add is fused), so native and wasm give bit-identical sums;
//! `tests/model/wasm-parity.test.mjs` holds the verdicts equal.
//!
//! The plain version also lets LLVM vectorise it natively; the explicit one exists because
//! it does not for wasm (the built module had no `f32x4.mul` at all, and the model's pass
//! ran 6.5× slower than natively).

const LANES: usize = 16;

/// `a · b` over the shorter of the two.
#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let body = n - n % LANES;
    let q = lanes(&a[..body], &b[..body]);
    let sum = ((q[0] + q[1]) + q[2]) + q[3];
    let mut tail = 0.0f32;
    for (x, y) in a[body..].iter().zip(&b[body..]) {
        tail += x * y;
    }
    sum + tail
}

/// `out += w · x`, element by element.
#[inline]
pub(crate) fn axpy(w: f32, x: &[f32], out: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::*;
        let n = x.len().min(out.len());
        let body = n - n % 4;
        let wv = f32x4_splat(w);
        let mut i = 0;
        while i < body {
            // SAFETY: i + 4 <= body <= len of both slices; unaligned loads are allowed.
            unsafe {
                let o = out.as_mut_ptr().add(i) as *mut v128;
                let xv = v128_load(x.as_ptr().add(i) as *const v128);
                v128_store(o, f32x4_add(v128_load(o), f32x4_mul(wv, xv)));
            }
            i += 4;
        }
        for (o, &v) in out[body..n].iter_mut().zip(&x[body..n]) {
            *o += w * v;
        }
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for (o, &v) in out.iter_mut().zip(x) {
        *o += w * v;
    }
}

/// `a · b` in sixteen lane sums (`a.len()` a multiple of 16), folded to four: lane k of
/// the four is ((k + (k + 4)) + (k + 8)) + (k + 12), as four vectors added in turn.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline]
fn lanes(a: &[f32], b: &[f32]) -> [f32; 4] {
    let mut acc = [0.0f32; LANES];
    for (x, y) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for k in 0..LANES {
            acc[k] += x[k] * y[k];
        }
    }
    std::array::from_fn(|k| ((acc[k] + acc[k + 4]) + acc[k + 8]) + acc[k + 12])
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
fn lanes(a: &[f32], b: &[f32]) -> [f32; 4] {
    use core::arch::wasm32::*;
    let mut acc = [f32x4_splat(0.0); 4];
    let mut i = 0;
    while i < a.len() {
        for (j, acc) in acc.iter_mut().enumerate() {
            // SAFETY: a.len() == b.len() is a multiple of 16 and i + 16 <= a.len().
            unsafe {
                let x = v128_load(a.as_ptr().add(i + 4 * j) as *const v128);
                let y = v128_load(b.as_ptr().add(i + 4 * j) as *const v128);
                *acc = f32x4_add(*acc, f32x4_mul(x, y));
            }
        }
        i += LANES;
    }
    let v = f32x4_add(f32x4_add(f32x4_add(acc[0], acc[1]), acc[2]), acc[3]);
    [f32x4_extract_lane::<0>(v), f32x4_extract_lane::<1>(v), f32x4_extract_lane::<2>(v), f32x4_extract_lane::<3>(v)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_and_axpy_compute_by_hand() {
        assert_eq!(dot(&[1.0; 7], &[2.0; 7]), 14.0);
        let a: Vec<f32> = (0..37).map(|i| i as f32).collect();
        let b: Vec<f32> = (0..37).map(|i| (i % 5) as f32 - 2.0).collect();
        let want: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert_eq!(dot(&a, &b), want, "small integers sum exactly in any order");
        let mut out = vec![1.0; 6];
        axpy(2.0, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &mut out);
        assert_eq!(out, [3.0, 5.0, 7.0, 9.0, 11.0, 13.0]);
    }
}
