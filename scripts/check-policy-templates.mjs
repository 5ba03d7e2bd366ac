// Checks that every policy template in admin/ names exactly the settings that
// extension/managed_schema.json declares (no more, no fewer), uses Bedside's fixed
// extension id, and force-installs it. Run by `npm test`; exits non-zero with one line per
// mismatch. Node built-ins only: the templates are parsed just enough to read setting names.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/run.mjs";
import { siteIds, siteSentence } from "./lib/sites.mjs";

const ID = "fmdgpdahincfpdeoehgfmjackncahpcj";
const GECKO_ID = "bedside@bedside.example";
const ADMIN = join(ROOT, "admin");
const read = (f) => readFileSync(join(ADMIN, f), "utf8");
const schema = JSON.parse(readFileSync(join(ROOT, "extension", "managed_schema.json"), "utf8"));
const expected = Object.keys(schema.properties).sort();
const problems = [];

function compare(template, names) {
  const got = new Set(names);
  for (const k of expected) if (!got.has(k)) problems.push(`${template}: missing setting "${k}"`);
  for (const k of got) if (!expected.includes(k)) problems.push(`${template}: "${k}" is not in managed_schema.json`);
}
function need(template, ok, what) {
  if (!ok) problems.push(`${template}: ${what}`);
}

// Chrome / Edge on Linux: a managed policy JSON file.
{
  const f = "chromium-linux/bedside.json";
  const j = JSON.parse(read(f));
  need(f, j.ExtensionSettings?.[ID]?.installation_mode === "force_installed", `ExtensionSettings must force-install ${ID}`);
  compare(f, Object.keys(j["3rdparty"]?.extensions?.[ID] ?? {}));
}

// Google Admin console: {"setting": {"Value": …}}.
{
  const f = "google-admin/bedside.json";
  const j = JSON.parse(read(f));
  need(f, Object.values(j).every((v) => v && typeof v === "object" && "Value" in v), 'every setting must be {"Value": …}');
  compare(f, Object.keys(j));
}

// Firefox: policies.json, 3rdparty.Extensions.<gecko id>.
{
  const f = "firefox/policies.json";
  const j = JSON.parse(read(f)).policies ?? {};
  need(f, j.ExtensionSettings?.[GECKO_ID]?.installation_mode === "force_installed", `ExtensionSettings must force-install ${GECKO_ID}`);
  compare(f, Object.keys(j["3rdparty"]?.Extensions?.[GECKO_ID] ?? {}));
}

// Windows .reg: value names under …\policy, and list subkeys …\policy\<name>.
for (const f of ["windows/bedside-chrome.reg", "windows/bedside-edge.reg"]) {
  const text = read(f);
  need(f, text.startsWith("Windows Registry Editor Version 5.00"), "must start with the .reg header");
  need(f, /"ExtensionSettings"="\{\\"fmdgpdahincfpdeoehgfmjackncahpcj\\":\{\\"installation_mode\\":\\"force_installed\\"/.test(text), `must force-install ${ID}`);
  const names = new Set();
  let section = "";
  const base = `\\3rdparty\\extensions\\${ID}\\policy`;
  for (const line of text.split(/\r?\n/)) {
    const sec = line.match(/^\[(.*)\]$/);
    if (sec) {
      section = sec[1];
      const i = section.indexOf(base);
      if (i >= 0) {
        const rest = section.slice(i + base.length).split("\\").filter(Boolean);
        if (rest[0]) names.add(rest[0]);
      }
      continue;
    }
    const val = line.match(/^"([^"]+)"=/);
    if (val && section.endsWith(base)) names.add(val[1]);
  }
  compare(f, [...names]);
}

// ADMX: every policy writes one setting (valueName, or a list's key); ADML defines every string.
{
  const f = "windows/bedside.admx";
  const admx = read(f);
  const adml = read("windows/en-US/bedside.adml");
  for (const browser of ["Google\\Chrome", "Microsoft\\Edge"]) {
    const key = `Software\\Policies\\${browser}\\3rdparty\\extensions\\${ID}\\policy`;
    const names = new Set();
    for (const m of admx.matchAll(/<policy [^>]*key="([^"]+)"[^>]*>([\s\S]*?)<\/policy>/g)) {
      if (m[1] !== key) continue;
      const head = m[0].slice(0, m[0].indexOf(">"));
      const own = head.match(/valueName="([^"]+)"/);
      if (own) names.add(own[1]);
      for (const v of m[2].matchAll(/valueName="([^"]+)"/g)) names.add(v[1]);
      for (const l of m[2].matchAll(/<list [^>]*key="([^"]+)"/g)) {
        need(f, l[1].startsWith(`${key}\\`), `list key ${l[1]} must be under ${key}`);
        names.add(l[1].slice(key.length + 1));
      }
    }
    compare(`${f} (${browser})`, [...names]);
  }
  const defined = new Set([...adml.matchAll(/<string id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of admx.matchAll(/\$\(string\.([^)]+)\)/g)) need("windows/en-US/bedside.adml", defined.has(m[1]), `no string "${m[1]}"`);
  const presented = new Set([...adml.matchAll(/<presentation id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of admx.matchAll(/\$\(presentation\.([^)]+)\)/g)) need("windows/en-US/bedside.adml", presented.has(m[1]), `no presentation "${m[1]}"`);
}

// macOS .mobileconfig: the keys of the com.google.Chrome.extensions.<id> payload (and Edge's).
{
  const f = "macos/bedside.mobileconfig";
  const text = read(f);
  for (const domain of [`com.google.Chrome.extensions.${ID}`, `com.microsoft.Edge.extensions.${ID}`]) {
    // The payload <dict> whose PayloadType is `domain`: its top-level keys.
    const at = text.indexOf(`<string>${domain}</string>`);
    need(f, at >= 0, `no payload for ${domain}`);
    if (at < 0) continue;
    const start = text.lastIndexOf("\t\t<dict>", at);
    const end = text.indexOf("\n\t\t</dict>", at);
    const keys = [...text.slice(start, end).matchAll(/^\t\t\t<key>([^<]+)<\/key>/gm)].map((m) => m[1]).filter((k) => !k.startsWith("Payload"));
    compare(`${f} (${domain})`, keys);
  }
  for (const domain of ["com.google.Chrome", "com.microsoft.Edge"]) {
    need(f, text.includes(`<string>${domain}</string>`) && text.includes("<string>force_installed</string>"), `${domain} must force-install ${ID}`);
  }
}

// The site ids an administrator reads (the Windows template's help text) are those of
// settings/sites.ts, and every site has its name in the locale the options page shows.
{
  const f = "windows/en-US/bedside.adml";
  const explain = read(f).match(/<string id="enabledSites_Explain">([^<]*)<\/string>/)?.[1] ?? "";
  need(f, explain.includes(siteSentence()), `enabledSites_Explain must say "${siteSentence()}"`);
  const messages = JSON.parse(readFileSync(join(ROOT, "extension", "_locales", "en", "messages.json"), "utf8"));
  for (const id of siteIds()) need("extension/_locales/en/messages.json", `site_${id}` in messages, `no site_${id}`);
  need("extension/managed_schema.json", schema.properties.enabledSites.description.includes("{SITE_IDS}"),
    "enabledSites.description must carry {SITE_IDS}, which the build fills from settings/sites.ts");
}

if (problems.length) {
  for (const p of problems) console.error(`bedside: ${p}`);
  process.exit(1);
}
console.log(`policy templates: all name the ${expected.length} settings of managed_schema.json`);
