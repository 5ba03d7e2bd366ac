// The wasm's size, raw and gzipped (level 9, as a store would serve it), as cargo builds
// it and as the extension ships it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../lib/run.mjs";

export function sizeOf(file) {
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function wasmSizes() {
  return {
    cargo: sizeOf(join(ROOT, "target", "wasm32-unknown-unknown", "release", "bedside.wasm")),
    shipped: sizeOf(join(ROOT, "dist", "chromium", "bedside_bg.wasm")),
    contentJs: sizeOf(join(ROOT, "dist", "chromium", "content.js")),
    backgroundJs: sizeOf(join(ROOT, "dist", "chromium", "background.js")),
  };
}
