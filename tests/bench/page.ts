/**
 * The bench build's extension page (bench.html): wakes the worker the way a content
 * script does — a new "bedside" Port and one check request — and times the answer.
 */
interface Wake {
  /** To the first report (the rules' answer). */
  ms: number;
  /** To the final report (the rules and the scorer). */
  finalMs: number;
  verdict: string | null;
  timeOrigin: number;
  marks: Record<string, number>;
}

const PORT_NAME = "bedside";

/** Sends one check on a fresh Port; resolves when its final report arrives, with the
 * time to the first report (the rules' answer) and to the final one (rules and scorer). */
function roundTrip(text: string): Promise<{ ms: number; finalMs: number; verdict: string | null; t0: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first: number | null = null;
    const port = chrome.runtime.connect({ name: PORT_NAME });
    const timer = setTimeout(() => reject(new Error("no answer in 10 s")), 10000);
    port.onMessage.addListener((m: { report?: { verdict: string }; final?: boolean }) => {
      const ms = performance.now() - t0;
      first ??= ms;
      if (m.report && m.final === false) return;
      clearTimeout(timer);
      port.disconnect();
      resolve({ ms: first, finalMs: ms, verdict: m.report?.verdict ?? null, t0: performance.timeOrigin + t0 });
    });
    port.postMessage({ id: 1, text, context: "" });
  });
}

async function wake(text: string): Promise<Wake> {
  const r = await roundTrip(text);
  const m = (await chrome.runtime.sendMessage("bedside:bench:marks")) as { timeOrigin: number; marks: Record<string, number> };
  return { ms: r.ms, finalMs: r.finalMs, verdict: r.verdict, timeOrigin: m.timeOrigin - r.t0, marks: m.marks };
}

(globalThis as unknown as { bedsideWake: typeof wake }).bedsideWake = wake;
