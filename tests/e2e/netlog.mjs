// Reads a Chromium net log (`--log-net-log=<file> --net-log-capture-mode=Everything`,
// written from launch by the network service for every process: pages, frames, extension
// pages, the extension's service worker, WebSockets included) into what left the browser
// or tried to: each request's URL, method and initiator, each host looked up, and the
// bytes sent on each socket (TCP and UDP: DNS queries too). The file is complete once the browser
// has closed; a log cut off mid-write is read up to its last whole event.
import { readFileSync } from "node:fs";

/** Parses the log at `path`: { requests: [{url, method, initiator, type}], hosts: [name],
 * sent: [bytes as latin1 text] }. */
export function readNetLog(path) {
  const raw = readFileSync(path, "utf8");
  let log;
  try {
    log = JSON.parse(raw);
  } catch {
    // Cut off: close the events array after the last complete event.
    const cut = raw.slice(0, raw.lastIndexOf("},") + 1);
    log = JSON.parse(`${cut}]}`);
  }
  const names = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const out = { requests: [], hosts: [], sent: [] };
  for (const e of log.events) {
    const name = names[e.type];
    const p = e.params ?? {};
    // Every URL request, WebSockets' handshakes included, starts a job: with the origin
    // that asked for it ("not an origin" for the browser's own and for navigations).
    if (name === "URL_REQUEST_START_JOB" && p.url) {
      out.requests.push({ url: p.url, method: p.method ?? "GET", initiator: p.initiator ?? "", type: p.request_type ?? "" });
    }
    if (name === "HOST_RESOLVER_MANAGER_REQUEST" && p.host) out.hosts.push(hostOf(String(p.host)));
    if ((name === "SOCKET_BYTES_SENT" || name === "UDP_BYTES_SENT") && p.bytes) out.sent.push(decode(p.bytes));
  }
  return out;
}

/** The host name in a resolver's "scheme://host:port" or "host:port". */
function hostOf(h) {
  try {
    return new URL(h.includes("://") ? h : `x://${h}`).hostname;
  } catch {
    return h;
  }
}

/** Whether `r` is a request the browser makes for itself (its sign-in, updater, autofill
 * and spelling services): no page, frame or extension asked for it and it loads no frame.
 * Everything a page, a content script, an extension page or the extension's worker asks
 * for carries that origin as its initiator. */
export function browsersOwn(r) {
  return r.initiator === "not an origin" && r.type === "other";
}

/** Net-log binary values are base64 (older builds wrote hex). */
function decode(bytes) {
  const s = String(bytes);
  const buf = /^[0-9A-F\s]+$/.test(s) && s.length % 2 === 0 ? Buffer.from(s.replace(/\s/g, ""), "hex") : Buffer.from(s, "base64");
  return buf.toString("latin1");
}

/** `text` folded for a word search that ignores case and URL escapes. */
export function fold(text) {
  let t = text;
  try {
    t = decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    // Not URL-encoded throughout: search it as it is.
  }
  return t.toLowerCase();
}

/** What in `log` breaks the privacy rules: any typed word in `words` (ignoring case and
 * URL escapes) in any request or any byte sent; any request but the browser's own to
 * somewhere other than the fixture server `base`, or there for anything but a GET of a
 * file it serves (`served(path)`); a host looked up that is neither the fixture server's
 * nor one the browser asked for itself. Empty when the log is clean. */
export function netViolations(log, { base, served, words }) {
  const origin = new URL(base);
  const bad = [];
  const wordIn = (text) => words.find((w) => fold(text).includes(w.toLowerCase()));
  const own = new Set();
  for (const r of log.requests) {
    const w = wordIn(r.url);
    if (w) bad.push(`${r.url}: carries the typed word ${w}`);
    const u = new URL(r.url);
    if (browsersOwn(r)) {
      own.add(u.hostname);
      continue;
    }
    if (u.host !== origin.host) bad.push(`${r.url} (asked by ${r.initiator}): off the fixture server`);
    else if (u.protocol !== "http:" || r.method !== "GET" || u.search || !served(decodeURIComponent(u.pathname))) {
      bad.push(`${r.method} ${r.url} (asked by ${r.initiator}): not a fixture file`);
    }
  }
  for (const h of new Set(log.hosts)) if (h !== origin.hostname && !own.has(h)) bad.push(`looked up ${h}`);
  for (const bytes of log.sent) {
    const w = wordIn(bytes);
    if (w) bad.push(`sent the typed word ${w}: ${JSON.stringify(bytes.slice(0, 120))}`);
  }
  return bad;
}
