// The per-browser manifests derive from the one source manifest, and each store package
// holds exactly its build (no browser needed).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { unzipSync } from "fflate";
import {
  CHROMIUM_DIR, FIREFOX_DIR, FIREFOX_MIN, filesUnder, firefoxManifest, GECKO_ID, PACKAGES, SOURCE_MANIFEST, storeManifest,
} from "../../scripts/lib/targets.mjs";

const source = JSON.parse(readFileSync(SOURCE_MANIFEST, "utf8"));
const read = (dir, path) => readFileSync(join(dir, path));

test("the Firefox manifest is the source manifest made Firefox's", () => {
  const built = JSON.parse(read(FIREFOX_DIR, "manifest.json"));
  assert.deepEqual(built, firefoxManifest(source), "dist/firefox/manifest.json is derived from extension/manifest.json");
  assert.equal(built.manifest_version, 3);
  assert.deepEqual(built.background, { type: "module", scripts: [source.background.service_worker] });
  assert.equal(built.key, undefined, "no Chromium key");
  assert.equal(built.browser_specific_settings.gecko.id, GECKO_ID);
  assert.equal(built.browser_specific_settings.gecko.strict_min_version, FIREFOX_MIN);
  assert.deepEqual(built.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  assert.equal(built.content_security_policy.extension_pages, source.content_security_policy.extension_pages);
  // Everything else is the source's, as is.
  const { key: _k, minimum_chrome_version: _m, storage: _s, background: _b, ...common } = source;
  for (const [k, v] of Object.entries(common)) assert.deepEqual(built[k], v, `"${k}" carries over`);
});

test("later additions to the source manifest reach the Firefox build", () => {
  const grown = {
    ...source,
    action: { default_popup: "popup.html", default_icon: { 32: "icons/32.png" } },
    options_ui: { page: "options.html", open_in_tab: true },
    icons: { 128: "icons/128.png" },
    storage: { managed_schema: "managed_schema.json" },
    browser_specific_settings: { gecko: { strict_min_version: "141.0" } },
  };
  const m = firefoxManifest(grown);
  assert.deepEqual(m.action, grown.action);
  assert.deepEqual(m.options_ui, grown.options_ui);
  assert.deepEqual(m.icons, grown.icons);
  // Firefox has no manifest key for a managed schema (it hands the add-on its policy as
  // given); the schema file itself ships in both builds.
  assert.equal(m.storage, undefined);
  assert.equal(m.browser_specific_settings.gecko.id, GECKO_ID);
  assert.equal(m.browser_specific_settings.gecko.strict_min_version, "141.0", "the source's own gecko settings win");
});

test("both builds share every file but the manifest", () => {
  assert.deepEqual(filesUnder(FIREFOX_DIR), filesUnder(CHROMIUM_DIR));
  for (const path of filesUnder(CHROMIUM_DIR).filter((p) => p !== "manifest.json")) {
    assert.ok(read(CHROMIUM_DIR, path).equals(read(FIREFOX_DIR, path)), `${path} is the same in both`);
  }
  assert.deepEqual(JSON.parse(read(CHROMIUM_DIR, "manifest.json")), source, "dist/chromium has the source manifest");
});

test("dist/bedside-firefox.zip holds exactly dist/firefox", () => {
  const zip = unzipSync(readFileSync(PACKAGES.firefox));
  assert.deepEqual(Object.keys(zip).sort(), filesUnder(FIREFOX_DIR));
  for (const [path, bytes] of Object.entries(zip)) {
    assert.ok(Buffer.from(bytes).equals(read(FIREFOX_DIR, path)), `${path} is as built`);
  }
});

test("dist/bedside-chromium.zip holds dist/chromium, its manifest without the key", () => {
  const zip = unzipSync(readFileSync(PACKAGES.chromium));
  assert.deepEqual(Object.keys(zip).sort(), filesUnder(CHROMIUM_DIR));
  const manifest = JSON.parse(Buffer.from(zip["manifest.json"]).toString("utf8"));
  assert.equal(manifest.key, undefined, "the stores refuse a key");
  assert.deepEqual(manifest, storeManifest(source));
  for (const [path, bytes] of Object.entries(zip).filter(([p]) => p !== "manifest.json")) {
    assert.ok(Buffer.from(bytes).equals(read(CHROMIUM_DIR, path)), `${path} is as built`);
  }
});
