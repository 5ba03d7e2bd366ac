/**
 * Recovering from a wasm trap. A trap (a WebAssembly.RuntimeError: a Rust panic, an
 * out-of-bounds access, …) unwinds no Rust code: the instance's stack pointer, borrow
 * flags, heap and one-time initialisers are left mid-update, so every later call may fail.
 * The only safe way on is a fresh instance of the same compiled module, which the
 * wasm-bindgen glue makes when built with `--experimental-reset-state-function`
 * (`__wbg_reset_state`: objects of the old instance then refuse to be used).
 */
import * as glue from "bedside-wasm";

/** The glue's reset, looked up by name: glue built without the flag has none. */
const RESET = "__wbg_reset_state";

/** Whether `e`, thrown by a call into the core, is a trap. */
export function isTrap(e: unknown): e is WebAssembly.RuntimeError {
  return e instanceof WebAssembly.RuntimeError;
}

/** Replaces the wasm instance by a fresh one (synchronous: the module is compiled
 * already). Returns false when the glue cannot (then only its objects are renewed). */
export function resetInstance(): boolean {
  const reset = (glue as unknown as Record<string, unknown>)[RESET];
  if (typeof reset !== "function") return false;
  (reset as () => void)();
  return true;
}
