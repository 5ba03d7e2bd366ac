//! The wasm layer: the only code that knows about JavaScript. Converts with
//! serde-wasm-bindgen; logs policy problems to the console of the worker that loads it.
//! The model's weights come from the extension package as bytes (`Scorer`), so they stay
//! out of the wasm module and are parsed once per worker life, whatever the policy.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use crate::engine::Engine;
use crate::model::Model;
use crate::policy::Policy;
use crate::thread::{self, Thread};

/// The learned scorer, loaded once from the package's two weight files.
#[wasm_bindgen]
pub struct Scorer {
    model: Arc<Model>,
}

#[wasm_bindgen]
impl Scorer {
    /// Reads `model/static.bin` and `model/head.bin`; a bad file is an error that names it.
    #[wasm_bindgen(constructor)]
    pub fn new(static_bin: &[u8], head_bin: &[u8]) -> Result<Scorer, JsValue> {
        Model::from_bytes(static_bin, head_bin)
            .map(|m| Scorer { model: Arc::new(m) })
            .map_err(|e| JsValue::from_str(&e))
    }
}

/// A compiled policy, held by the extension's background worker.
#[wasm_bindgen]
pub struct Checker {
    engine: Engine,
    errors: JsValue,
}

#[wasm_bindgen]
impl Checker {
    /// Compiles `policy` (a plain object of settings, or undefined). Invalid settings are
    /// logged, kept in `errors`, and fall back to their defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue) -> Checker {
        let value: serde_json::Value = if policy.is_undefined() || policy.is_null() {
            serde_json::Value::Null
        } else {
            serde_wasm_bindgen::from_value(policy)
                .unwrap_or(serde_json::Value::String("(not a plain object)".into()))
        };
        let (policy, errors) = Policy::from_value(&value);
        for e in &errors {
            web_sys::console::warn_1(&JsValue::from_str(&format!("Bedside: {e}")));
        }
        let errors = serde_wasm_bindgen::to_value(&errors).unwrap_or(JsValue::NULL);
        Checker {
            engine: Engine::new(policy),
            errors,
        }
    }

    /// Judges with `scorer` from now on (without one, the rules judge alone).
    #[wasm_bindgen(js_name = useScorer)]
    pub fn use_scorer(&mut self, scorer: &Scorer) {
        self.engine.set_model(Some(scorer.model.clone()));
    }

    /// The settings that could not be used: `[{field, reason}]`.
    #[wasm_bindgen(getter)]
    pub fn errors(&self) -> JsValue {
        self.errors.clone()
    }

    /// Checks a draft with the rules and the scorer; returns the report as a plain object.
    /// `context` is what the draft replies to: a string, or a thread
    /// `[{from: "them"|"me", text}]`, oldest first (crate::thread).
    pub fn check(&self, text: &str, context: JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.engine.check_thread(text, &thread_of(context)?))
    }

    /// The rules pass alone (microseconds): what the worker answers first, before the
    /// scorer's pass (`check`) lands.
    #[wasm_bindgen(js_name = checkRules)]
    pub fn check_rules(&self, text: &str, context: JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.engine.check_rules_thread(text, &thread_of(context)?))
    }

    /// Whether a scorer judges beside the rules (else `check` is the rules pass).
    #[wasm_bindgen(getter, js_name = hasScorer)]
    pub fn has_scorer(&self) -> bool {
        self.engine.model().is_some()
    }
}

/// The thread a JavaScript `context` holds: a string, a list of messages, or nothing.
fn thread_of(context: JsValue) -> Result<Thread, JsValue> {
    if context.is_undefined() || context.is_null() {
        return Ok(Thread::Empty);
    }
    let value: serde_json::Value =
        serde_wasm_bindgen::from_value(context).map_err(|e| JsValue::from_str(&e.to_string()))?;
    thread::from_value(Some(&value)).map_err(|e| JsValue::from_str(&e))
}

fn to_js(report: &crate::report::Report) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(report, &ser).map_err(|e| JsValue::from_str(&e.to_string()))
}
