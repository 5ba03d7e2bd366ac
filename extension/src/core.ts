/**
 * Loads the Rust core (wasm) and the learned scorer's weights (two files of the
 * extension package, never fetched from the network) once per worker life, behind ready
 * promises, and checks drafts with them: the rules as soon as the core is compiled, the
 * scorer once its weights are read. The worker is killed when idle; the next
 * connection starts it again. A wasm trap during a check fails that check (the caller
 * answers with an error) and drops the instance: the next check runs on a fresh one
 * (`wasm-reset.ts`), with the policy and the weights loaded again.
 */
import init, { Checker, Scorer } from "bedside-wasm";
import type { Context, Report } from "./protocol";
import { isTrap, resetInstance } from "./wasm-reset";

let scorer: Promise<Scorer | null> | null = null;
/** Set once the weights have failed to load: the rules judge alone from then on. */
let scorerFailed = false;
/** A draft that reaches every detector, including those that read the reply context. */
const WARM_UP = "warm up";
/** The policy the next checker compiles (see settings/policy.ts); undefined = defaults. */
let policy: Promise<unknown> = Promise.resolve(undefined);
/** Set by a trap: the next checker is made on a fresh wasm instance. */
let trapped = false;

async function packageBytes(path: string): Promise<Uint8Array> {
  const r = await fetch(chrome.runtime.getURL(path));
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** The scorer, read once. Without its weights the rules judge alone (and say so). */
export function loadScorer(): Promise<Scorer | null> {
  if (scorer) return scorer;
  scorerFailed = false;
  scorer = Promise.all([packageBytes("model/static.bin"), packageBytes("model/head.bin")])
    .then(([s, h]) => guarded(() => new Scorer(s, h)))
    .catch((e: unknown) => {
      console.warn(`Bedside: the learned scorer did not load (${String(e)}); the rules judge alone`);
      scorerFailed = true;
      return null;
    });
  return scorer;
}

/** A compiled checker, and its scorer: attached when the weights have loaded (null if
 * they did not). The rules answer at once; only the model's pass waits for the weights. */
interface Loaded {
  checker: Checker;
  scorer: Promise<Scorer | null>;
}

let ready: Promise<Loaded> | null = null;

/** Runs `f`, a call into the core; on a trap, drops the instance and everything made in
 * it (checker, scorer), so that the next call starts afresh, and throws an error saying
 * so: the trapped call itself gets no report. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!isTrap(e)) throw e;
    trapped = true;
    ready = null;
    scorer = null;
    scorerFailed = false;
    console.error("Bedside: the core trapped; it restarts for the next check", e);
    throw new Error(`the core stopped (${e.message}); it restarts for the next check`);
  }
}

/** Makes the wasm instance usable: the first time, compiles and instantiates the module;
 * after a trap, replaces the instance by a fresh one. */
async function instance(): Promise<void> {
  if (trapped) {
    trapped = false;
    if (!resetInstance()) console.warn("Bedside: this build's core cannot be re-instantiated; only the checker is renewed");
  }
  await init({ module_or_path: chrome.runtime.getURL("bedside_bg.wasm") });
}

/** The checker, compiled on first use. A failed load is retried on the next call. */
function checker(): Promise<Loaded> {
  ready ??= instance()
    .then(() => policy)
    .then((p) => guarded(() => {
      const c = new Checker(p);
      // The core compiles its patterns on first use: do it now, at worker start, not
      // on the user's first draft. Later checkers (a new policy) reuse them.
      c.checkRules(WARM_UP, WARM_UP);
      const scorer = loadScorer().then((s) => {
        if (s) guarded(() => c.useScorer(s));
        return s;
      });
      return { checker: c, scorer };
    }))
    .catch((e: unknown) => {
      ready = null;
      throw e;
    });
  return ready;
}

/** Checks a draft that replies to `context` ("" when it replies to nothing), with the
 * rules and the scorer (once its weights have loaded). */
export async function check(text: string, context: Context): Promise<Report> {
  const { checker: c, scorer } = await checker();
  await scorer;
  return guarded(() => c.check(text, context) as Report);
}

/**
 * The two passes over a draft: `rules` (microseconds, drawn at once; it never waits for
 * the scorer's weights) and `full`, the rules and the scorer (milliseconds). The rules
 * pass warns only on what warns whatever the scorer says (the scorer may veto a rules
 * warning: `Engine::check_rules`), so a warning drawn first never falls. If the weights
 * did not load, `full` is the rules' own verdict, uncapped; when that is already known
 * it is the only pass (`full` null).
 */
export async function checkInPasses(
  text: string,
  context: Context,
): Promise<{ rules: Report; full: (() => Promise<Report>) | null }> {
  const { checker: c, scorer } = await checker();
  if (scorerFailed) return { rules: guarded(() => c.check(text, context) as Report), full: null };
  const rules = guarded(() => c.checkRules(text, context) as Report);
  return {
    rules,
    full: async () => {
      await scorer;
      return guarded(() => c.check(text, context) as Report);
    },
  };
}

/** Compiles `next` (a policy object, or a promise of one) for every later check, and
 * resolves to the settings the core could not use. The old checker is garbage-collected. */
export async function usePolicy(next: unknown): Promise<{ field: string; reason: string }[]> {
  policy = Promise.resolve(next);
  ready = null;
  return (await checker()).checker.errors ?? [];
}
