/**
 * Types for the wasm-bindgen glue of the Rust core (generated at build time by
 * `wasm-bindgen --target web`; esbuild aliases "bedside-wasm" to it).
 */
declare module "bedside-wasm" {
  export class Scorer {
    constructor(staticBin: Uint8Array, headBin: Uint8Array);
    free(): void;
  }
  export class Checker {
    constructor(policy?: unknown);
    readonly errors: { field: string; reason: string }[];
    useScorer(scorer: Scorer): void;
    check(text: string, context: string): unknown;
    free(): void;
  }
  export default function init(options?: { module_or_path: string | URL | Response }): Promise<unknown>;
}
