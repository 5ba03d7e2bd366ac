/**
 * The content script's end of the "bedside" Port. The worker may be killed when idle,
 * which disconnects the Port: the client then reconnects (waking the worker) and resends
 * whatever is still unanswered. If the extension is reloaded or removed, it goes quiet
 * and this copy of the content script stands down (`lifetime.ts`).
 */
import { PORT_NAME, type CheckReply, type CheckRequest, type Context, type Report } from "../protocol";
import { alive } from "./lifetime";

/** How many times one request is sent before giving up. */
const MAX_TRIES = 3;
/** How long after a disconnect to look again whether the extension is gone. */
const STAND_DOWN_CHECK_MS = 250;

interface Pending {
  req: CheckRequest;
  tries: number;
  /** Called with the rules' report, before the final one. */
  early?: (r: Report) => void;
  resolve: (r: Report) => void;
  reject: (e: Error) => void;
}

export class CoreClient {
  private port: chrome.runtime.Port | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private dead = false;

  /** Opens the Port now (a compose box got focus): the worker wakes and compiles the
   * core while the user starts typing, instead of at the first check. */
  prepare(): void {
    if (!this.dead) this.connect();
  }

  /** Asks the core to check `text`, which replies to `context`; resolves to the final
   * report (the rules and the scorer). `early` gets the rules' report first, if the
   * worker sends one. */
  check(text: string, context: Context, early?: (r: Report) => void): Promise<Report> {
    if (this.dead) return Promise.reject(new Error("Bedside was reloaded or removed"));
    return new Promise((resolve, reject) => {
      const req = { id: this.nextId++, text, context };
      this.pending.set(req.id, { req, tries: 0, resolve, reject, early });
      this.send(req.id);
    });
  }

  private send(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    if (++p.tries > MAX_TRIES) {
      this.pending.delete(id);
      p.reject(new Error("the Bedside worker did not answer"));
      return;
    }
    const port = this.connect();
    if (!port) return;
    try {
      port.postMessage(p.req);
    } catch {
      // The worker went away before onDisconnect fired: reconnect and try again.
      if (this.port === port) this.port = null;
      this.send(id);
    }
  }

  private connect(): chrome.runtime.Port | null {
    if (this.port) return this.port;
    try {
      if (!alive()) throw new Error("Bedside was reloaded or removed");
      const port = chrome.runtime.connect({ name: PORT_NAME });
      port.onMessage.addListener((m: CheckReply) => this.onReply(m));
      port.onDisconnect.addListener(() => this.onDisconnect(port));
      this.port = port;
      return port;
    } catch (e) {
      this.die(e instanceof Error ? e : new Error(String(e)));
      return null;
    }
  }

  private onReply(m: CheckReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if ("report" in m && !m.final) return p.early?.(m.report);
    this.pending.delete(m.id);
    if ("report" in m) p.resolve(m.report);
    else p.reject(new Error(m.error));
  }

  private onDisconnect(port: chrome.runtime.Port): void {
    void chrome.runtime.lastError;
    if (this.port === port) this.port = null;
    if (!alive()) return this.die(new Error("Bedside was reloaded or removed"));
    // A reload disconnects first and invalidates the context just after: look once more.
    setTimeout(() => alive() || this.die(new Error("Bedside was reloaded or removed")), STAND_DOWN_CHECK_MS);
    for (const id of [...this.pending.keys()]) this.send(id);
  }

  private die(e: Error): void {
    this.dead = true;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
