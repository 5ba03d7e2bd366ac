//! The wasm layer: the only code that knows about JavaScript. Converts with
//! serde-wasm-bindgen; logs policy problems to the console of the worker that loads it.

use wasm_bindgen::prelude::*;

use crate::engine::Engine;
use crate::policy::Policy;

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

    /// The settings that could not be used: `[{field, reason}]`.
    #[wasm_bindgen(getter)]
    pub fn errors(&self) -> JsValue {
        self.errors.clone()
    }

    /// Checks a draft; returns the report as a plain object.
    pub fn check(&self, text: &str, context: &str) -> Result<JsValue, JsValue> {
        let report = self.engine.check(text, context);
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        serde::Serialize::serialize(&report, &ser).map_err(|e| JsValue::from_str(&e.to_string()))
    }
}
