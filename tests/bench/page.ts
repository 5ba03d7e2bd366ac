/**
 * The bench build's extension page (bench.html): wakes the worker the way a content
 * script does — a new "bedside" Port and one check request — and times the answer.
 */
interface Wake {
  ms: number;
  verdict: string | null;
  timeOrigin: number;
  marks: Record<string, number>;
}

const PORT_NAME = "bedside";

/** Sends one check on a fresh Port; resolves when its report arrives. */
function roundTrip(text: string): Promise<{ ms: number; verdict: string | null; t0: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const port = chrome.runtime.connect({ name: PORT_NAME });
    const timer = setTimeout(() => reject(new Error("no answer in 10 s")), 10000);
    port.onMessage.addListener((m: { report?: { verdict: string } }) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      port.disconnect();
      resolve({ ms, verdict: m.report?.verdict ?? null, t0: performance.timeOrigin + t0 });
    });
    port.postMessage({ id: 1, text, context: "" });
  });
}

async function wake(text: string): Promise<Wake> {
  const r = await roundTrip(text);
  const m = (await chrome.runtime.sendMessage("bedside:bench:marks")) as { timeOrigin: number; marks: Record<string, number> };
  return { ms: r.ms, verdict: r.verdict, timeOrigin: m.timeOrigin - r.t0, marks: m.marks };
}

(globalThis as unknown as { bedsideWake: typeof wake }).bedsideWake = wake;
