// One source, three browsers. The build bundles once into dist/chromium/ (Chromium and
// Edge); this module derives dist/firefox/ from it, with a manifest computed from the ONE
// source manifest (extension/manifest.json), so whatever is added there (popup, options,
// icons, managed schema, …) reaches every build without touching this file. Then it packs
// a zip per store: dist/bedside-chromium.zip (Chrome Web Store and Edge Add-ons) and
// dist/bedside-firefox.zip (addons.mozilla.org; a zip is what an .xpi is).
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ROOT } from "./run.mjs";

/** Bedside's add-on id in Firefox: stable forever (AMO, policies and storage key on it). */
export const GECKO_ID = "bedside@bedside.example";
/** The oldest Firefox the build claims: 140 ESR, the first with everything Bedside uses
 * (module event pages 112, 'wasm-unsafe-eval' 102, CSS Custom Highlight API 140,
 * `data_collection_permissions` 140). The e2e tests run on Debian's firefox-esr. */
export const FIREFOX_MIN = "140.0";
/** Firefox for Android reads `data_collection_permissions` from 142 on. */
export const FIREFOX_ANDROID_MIN = "142.0";

export const SOURCE_MANIFEST = join(ROOT, "extension", "manifest.json");
export const CHROMIUM_DIR = join(ROOT, "dist", "chromium");
export const FIREFOX_DIR = join(ROOT, "dist", "firefox");
export const PACKAGES = {
  chromium: join(ROOT, "dist", "bedside-chromium.zip"),
  firefox: join(ROOT, "dist", "bedside-firefox.zip"),
};

/** Manifest keys only Chromium reads. Firefox logs "unexpected property" for `key`
 * (Chromium's public key that pins the unpacked id) and for `storage`
 * (`managed_schema`: Firefox does not validate managed storage against a schema; it
 * hands an add-on its `3rdparty` policy as given), and ignores `minimum_chrome_version`. */
const CHROMIUM_ONLY = ["key", "minimum_chrome_version", "storage"];

/** The Firefox manifest for the source manifest `m`. */
export function firefoxManifest(m) {
  const out = structuredClone(m);
  for (const k of CHROMIUM_ONLY) delete out[k];
  // Firefox MV3 has no background service worker: the same ES module runs as an event
  // page (`scripts` + `type: "module"`), which it also suspends when idle.
  if (m.background?.service_worker) {
    const { service_worker: worker, ...rest } = m.background;
    out.background = { ...rest, scripts: [worker] };
  }
  const bss = out.browser_specific_settings ?? {};
  out.browser_specific_settings = {
    ...bss,
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN,
      // Nothing the user types leaves the device: declared to Firefox and AMO as such.
      data_collection_permissions: { required: ["none"] },
      ...bss.gecko,
    },
    gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN, ...bss.gecko_android },
  };
  return out;
}

/** The manifest uploaded to the Chrome Web Store and Edge Add-ons: the stores refuse a
 * `key` (they assign the id, from their own key, on first upload). */
export function storeManifest(m) {
  const { key: _key, ...rest } = m;
  return rest;
}

function json(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Derives dist/firefox from dist/chromium (just built): same files, Firefox manifest.
 * Built in a temporary directory and renamed into place, like dist/chromium. */
export function buildFirefox() {
  const source = JSON.parse(readFileSync(SOURCE_MANIFEST, "utf8"));
  const tmp = join(ROOT, "dist", `.firefox-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    cpSync(CHROMIUM_DIR, tmp, { recursive: true });
    writeFileSync(join(tmp, "manifest.json"), json(firefoxManifest(source)));
    rmSync(FIREFOX_DIR, { recursive: true, force: true });
    renameSync(tmp, FIREFOX_DIR);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every file under `dir`, as sorted paths relative to it with "/" separators. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

// Entries get one fixed timestamp (SOURCE_DATE_EPOCH's, else 2024-01-01), so the same
// sources give a byte-identical package, as reviewers who rebuild from source expect. Zip
// stores local wall-clock fields, so the UTC fields are rebuilt as a local Date: the bytes
// do not depend on the time zone.
const EPOCH = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.UTC(2024, 0, 1));
const MTIME = new Date(EPOCH.getUTCFullYear(), EPOCH.getUTCMonth(), EPOCH.getUTCDate(),
  EPOCH.getUTCHours(), EPOCH.getUTCMinutes(), EPOCH.getUTCSeconds());

/** Zips `dir` into `file` (manifest.json at the root), replacing its manifest by
 * `manifest` when given. Written to a temporary file and renamed into place. */
export async function pack(dir, file, manifest) {
  const { zipSync } = await import("fflate");
  const entries = {};
  for (const path of filesUnder(dir)) {
    const data = path === "manifest.json" && manifest
      ? new TextEncoder().encode(json(manifest))
      : readFileSync(join(dir, path));
    entries[path] = [data, { level: 9, mtime: MTIME }];
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, zipSync(entries));
  renameSync(tmp, file);
  return statSync(file).size;
}

/** Builds dist/firefox and both store packages; dist/chromium must be built already. */
export async function buildTargets() {
  if (!existsSync(join(CHROMIUM_DIR, "manifest.json"))) throw new Error("dist/chromium is not built");
  buildFirefox();
  const chromiumManifest = JSON.parse(readFileSync(join(CHROMIUM_DIR, "manifest.json"), "utf8"));
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const c = await pack(CHROMIUM_DIR, PACKAGES.chromium, storeManifest(chromiumManifest));
  const f = await pack(FIREFOX_DIR, PACKAGES.firefox);
  console.log(`  dist/firefox/ (gecko id ${GECKO_ID}); packages: dist/bedside-chromium.zip ${kb(c)} (Chrome, Edge), dist/bedside-firefox.zip ${kb(f)} (Firefox)`);
}
