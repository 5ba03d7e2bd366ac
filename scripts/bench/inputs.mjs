// The bench inputs, the same as crate/benches/check.rs builds (keep the two in step), and
// the real-comment corpus.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/run.mjs";

export const POST = "Lady in bay 3 today, 84yo retired headteacher from Hexham, admitted with a fractured NOF after a fall at home. Her husband has dementia so she's been his carer. Lovely woman but the family keep ringing the ward every hour 🙄 #nursing";
const UNIT = "pt Mr K 943 476 5919 84yo bed 4 today 07700 900123 my patient 😂 frequent flyer coffee? you treated me 111111111111 J. Whitfield ";

/** The first `n` characters (Unicode scalar values, as Rust's `chars()`) of `s`. */
function chars(s, n) {
  return [...s].slice(0, n).join("");
}

/** Text that keeps every detector busy, cut to at most `bytes` of UTF-8 on a char boundary. */
export function adversarial(bytes) {
  const buf = Buffer.from(UNIT.repeat(Math.floor(bytes / Buffer.byteLength(UNIT)) + 1));
  let end = bytes;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString("utf8");
}

/** The inputs the budget names, keyed as the report shows them. */
export function inputs({ quick = false } = {}) {
  const all = {
    "280 chars": chars(POST.repeat(2), 280),
    "5,000 chars": chars(POST.repeat(30), 5000),
    "adversarial 10 KiB": adversarial(10 * 1024),
    "adversarial 100 KiB": adversarial(100 * 1024),
    "adversarial 1 MiB": adversarial(1024 * 1024),
  };
  if (quick) delete all["adversarial 1 MiB"];
  return all;
}

/** The real comments (../shared/corpus/reddit-healthcare.csv, column selftext). */
export const CORPUS = process.env.BEDSIDE_CORPUS ?? join(ROOT, "..", "shared", "corpus", "reddit-healthcare.csv");

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = "", i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ",") { row.push(field); field = ""; i++; continue; }
    if (c === "\r") { i++; continue; }
    if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; continue; }
    field += c; i++;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The corpus's texts, or null when the file is absent. */
export function corpusTexts(limit = 0) {
  if (!existsSync(CORPUS)) return null;
  const [header, ...rows] = parseCsv(readFileSync(CORPUS, "utf8"));
  const col = header.indexOf("selftext");
  const texts = rows.filter((r) => r.length === header.length).map((r) => r[col]);
  return limit ? texts.slice(0, limit) : texts;
}
