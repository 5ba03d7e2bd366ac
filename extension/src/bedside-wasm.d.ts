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
    /** Whether a scorer judges beside the rules. */
    readonly hasScorer: boolean;
    /** The rules and the scorer. */
    check(text: string, context: string | { from: "them" | "me"; text: string }[]): unknown;
    /** The rules pass alone (microseconds), a lower bound of `check`'s verdict. */
    checkRules(text: string, context: string | { from: "them" | "me"; text: string }[]): unknown;
    free(): void;
  }
  export default function init(options?: { module_or_path: string | URL | Response }): Promise<unknown>;
}
