//! Bedside's core: finds, in a social-media draft, what would identify or disparage a
//! patient, or answer a patient's personal approach, and says why.
//!
//! Pure Rust, no DOM. The same code runs natively (tests, benches, the `bedside` CLI) and
//! in the browser extension through the thin wasm layer in `wasm.rs`.
//!
//! ```
//! let report = bedside::check("my patient in bed 4 today, 84yo retired headteacher", "");
//! assert_eq!(report.verdict, bedside::Verdict::Warn);
//! ```

pub mod category;
pub mod detect;
pub mod engine;
pub mod evaluate;
pub mod message;
pub mod policy;
pub mod report;
pub mod rules;
pub mod score;
pub mod text;
pub mod thread;
pub mod model;

#[cfg(target_arch = "wasm32")]
mod wasm;

use std::sync::LazyLock;

pub use category::{Category, Class};
pub use engine::Engine;
pub use policy::{Policy, PolicyError};
pub use report::{ByKind, Citation, Finding, Kind, Report, Verdict};

static DEFAULT: LazyLock<Engine> = LazyLock::new(Engine::default);

/// Checks a draft under the default policy. `context` is the message it replies to, or "".
pub fn check(text: &str, context: &str) -> Report {
    DEFAULT.check(text, context)
}
