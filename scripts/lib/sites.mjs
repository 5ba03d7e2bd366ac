// The site ids of extension/src/settings/sites.ts (SITE_IDS), for the scripts that write
// or check lists of them outside the bundle: the managed schema (build.mjs) and the
// policy templates (check-policy-templates.mjs). Read from the source, so the one list
// stays the only one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./run.mjs";

export function siteIds() {
  const src = readFileSync(join(ROOT, "extension", "src", "settings", "sites.ts"), "utf8");
  const m = src.match(/export const SITE_IDS = \[([^\]]*)\] as const;/);
  if (!m) throw new Error("extension/src/settings/sites.ts: no `export const SITE_IDS = [...] as const;`");
  return [...m[1].matchAll(/"([a-z]+)"/g)].map((x) => x[1]);
}

/** The sentence that names them, as the schema and the templates print it. */
export const siteSentence = () => `Site ids: ${siteIds().join(", ")}.`;
