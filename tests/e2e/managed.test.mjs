// Organisation-wide managed install, in real Chromium reading a real policy file: each
// scenario writes /etc/chromium/policies/managed/bedside.json inside a private mount
// namespace (a tmpfs over /etc/chromium, so the machine's own is never touched) and runs
// tests/e2e/managed/run-in-namespace.mjs there, which prints what it observed as JSON.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { ROOT } from "../../scripts/lib/run.mjs";
import { buildEditors } from "../fixtures/editors/build.mjs";
import { EXTENSION_ID } from "./browser.mjs";

const RUNNER = join(ROOT, "tests", "e2e", "managed", "run-in-namespace.mjs");
const ORG = "St Elsewhere NHS Trust";

/** The organisation's settings, from the Linux template in admin/ with `over` applied. */
function policy(over) {
  const template = JSON.parse(readFileSync(join(ROOT, "admin", "chromium-linux", "bedside.json"), "utf8"));
  const settings = { ...template["3rdparty"].extensions[EXTENSION_ID], ...over };
  // Only the extension's settings: force-installing from an update URL needs the network.
  return { "3rdparty": { extensions: { [EXTENSION_ID]: settings } } };
}

function why() {
  if (process.getuid?.() !== 0) return "needs root for a private mount namespace";
  if (spawnSync("unshare", ["-m", "--propagation", "private", "true"]).status !== 0) return "`unshare -m` does not work here";
  if (!existsSync("/etc/chromium")) return "/etc/chromium is missing (nothing to mount over)";
  return null;
}
const SKIP = why();

/** Runs one scenario under `settings` and resolves to the runner's observations. */
function run(scenario, settings) {
  const dir = mkdtempSync(join(tmpdir(), "bedside-policy-"));
  const file = join(dir, "bedside.json");
  writeFileSync(file, JSON.stringify(policy(settings), null, 2));
  const script = 'mount -t tmpfs tmpfs /etc/chromium && mkdir -p /etc/chromium/policies/managed && cp "$1" /etc/chromium/policies/managed/bedside.json && exec "$2" "$3" "$4"';
  return new Promise((resolve, reject) => {
    const child = spawn("unshare", ["-m", "--propagation", "private", "sh", "-c", script, "sh", file, process.execPath, RUNNER, scenario],
      { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("error", reject);
    child.on("close", (code) => {
      rmSync(dir, { recursive: true, force: true });
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        const out = JSON.parse(line);
        if (out.error) reject(new Error(`runner (${scenario}): ${out.error}`));
        else resolve(out);
      } catch {
        reject(new Error(`runner (${scenario}) exited ${code} without JSON: ${stdout}`));
      }
    });
  });
}

const machineBefore = existsSync("/etc/chromium") ? readdirSync("/etc/chromium").sort() : null;
const PATIENT_FINDING = /headteacher/;
const IDENTIFYING_FINDING = /gardening/;
/** The reason categories the card offers, in order (settings/justification.ts). */
const REASONS = ["notPatient", "consented", "public", "handover", "other"];

// The send gate's scenarios type into tests/fixtures/editors/gate.html.
before(async () => {
  if (!SKIP) await buildEditors();
});

const buttons = (card) => card.buttons.map((b) => b.cls.split(" ")[0]);

test("block mode, a custom pattern and a hospital name from policy take effect, locked", { skip: SKIP ?? false }, async () => {
  const o = await run("block", {
    mode: "block",
    jurisdiction: "uk",
    organisationName: ORG,
    supportContact: "ext 4242",
    allowPause: false,
    hospitalNames: ["St Elsewhere"],
    customPatterns: [{ label: "Trust number", pattern: "RX\\d{6}" }, { label: "Broken", pattern: "(unclosed" }],
    enabledSites: ["facebook"],
    disabledSites: ["reddit", "myspace"],
    allowUserOverride: "yes", // the wrong type
  });
  assert.deepEqual(o.policyFiles, ["bedside.json"]);
  assert.equal(o.managed.mode, "block", "Chromium read the policy into storage.managed");
  // Chromium itself drops a value of the wrong type (checked against managed_schema.json)
  // before the extension sees it; Bedside's own type checks cover the rest (options test).
  assert.equal(o.managed.allowUserOverride, undefined, "Chromium dropped the wrong-typed value");
  assert.equal(o.managed.organisationName, ORG, "and kept the others");

  // Options: locked, with the organisation's name; the broken pattern is reported, named.
  assert.equal(o.options.bannerHidden, false);
  assert.match(o.options.banner, new RegExp(`set by ${ORG}`));
  assert.match(o.options.banner, /ext 4242/);
  assert.equal(o.options.modeChecked, "block");
  assert.ok(o.options.modeDisabled, "mode radios are disabled");
  assert.equal(o.options.modeLockNote, `Set by ${ORG}`);
  assert.equal(o.options.jurisdiction, "uk");
  assert.ok(o.options.jurisdictionDisabled);
  assert.deepEqual(o.options.sites.reddit, { on: false, locked: true });
  assert.deepEqual(o.options.sites.facebook, { on: true, locked: true });
  assert.deepEqual(o.options.sites.x, { on: true, locked: false });
  assert.ok(o.options.wordsEditable, "the user's own words stay editable");
  assert.ok(o.wordsRedrawn, "the settings page drew the saved words");
  assert.equal(o.wordsAfter.ignore, "St Elsewhere\nRX123456\nheadteacher", "the user saved their words");
  assert.ok(o.wordsAfter.lockHidden && !o.wordsAfter.saveDisabled);
  const fields = o.options.problems.map((p) => p.field);
  assert.ok(fields.includes("customPatterns[1].pattern"), `the broken pattern is named: ${JSON.stringify(o.options.problems)}`);
  assert.match(o.options.problems.find((p) => p.field === "customPatterns[1].pattern").text, /not a valid regular expression/);
  assert.match(o.options.problems.find((p) => p.field === "customPatterns[1].pattern").text, new RegExp(ORG));
  assert.ok(fields.includes("disabledSites[1]"), "an unknown site id is named");
  assert.match(o.options.orgWords, /St Elsewhere/);
  assert.match(o.options.orgWords, /Trust number/);

  // The user cannot change a locked setting, even with the control re-enabled.
  assert.match(o.override.status, /Not changed: mode is set by St Elsewhere NHS Trust/);
  assert.equal(o.override.modeChecked, "block");
  assert.deepEqual(o.override.userStorage, {}, "nothing was written");

  // The compose box: the valid custom pattern applies (the broken one did not stop it).
  assert.equal(o.numberBox.verdict, "warn", "block mode shows warnings");
  assert.ok(o.numberBox.marks.length >= 1);
  assert.equal(o.badge, "!");
  assert.ok(o.popup.findings.some((f) => /organisation's identifier/.test(f) && f.includes("RX123456")), JSON.stringify(o.popup.findings));
  assert.ok(o.popup.citations.some((c) => /NMC/.test(c)), "the UK rules are cited");
  // The user ignores "RX123456" and "St Elsewhere": the organisation's pattern and
  // hospital name are flagged all the same. The hospital name is an identifying place
  // (see the control in the unknown-mode scenario).
  assert.equal(o.hospitalBox.verdict, "warn", "the hospital name makes the draft identifying");
  assert.ok(o.hospitalBox.highlighted.some((h) => h.text === "st elsewhere"), JSON.stringify(o.hospitalBox.highlighted));
  assert.ok(o.popupHospital.findings.some((f) => /Where it happened/.test(f) && f.includes("st elsewhere")), JSON.stringify(o.popupHospital.findings));
  // The popup shows who manages it, and pausing is not allowed.
  assert.equal(o.popup.managedHidden, false);
  assert.match(o.popup.managed, new RegExp(`Managed by ${ORG}.*Mode: Block`));
  assert.ok(o.popup.pauseDisabled);
  assert.match(o.popup.pauseNote, /does not allow pausing/);

  // The user's ignored word quiets a soft built-in finding; their identifying word counts.
  assert.ok(!o.popupWords.findings.some((f) => PATIENT_FINDING.test(f)), `the ignored occupation is quiet: ${JSON.stringify(o.popupWords.findings)}`);
  assert.ok(o.popupWords.findings.some((f) => IDENTIFYING_FINDING.test(f)), `the identifying word is flagged: ${JSON.stringify(o.popupWords.findings)}`);

  // Control for the override scenarios: overriding is allowed, without a reason.
  assert.deepEqual(o.gate.sentAfterEnter, [], "Enter on the warned draft was held");
  assert.match(o.gate.held.heldText, /held this post so you can check it first/);
  assert.ok(buttons(o.gate.held).includes("post-anyway"), JSON.stringify(o.gate.held.buttons));
  assert.equal(o.gate.held.buttons.find((b) => b.cls === "post-anyway").text, "Post anyway");
  assert.deepEqual(o.gate.held.reasons, [], "no reason is asked for");
  assert.equal(o.gate.afterPost.open, false, "post anyway closed the card");
  assert.equal(o.gate.sent.length, 1, "the next Enter sent");
  assert.equal(o.reasons.hidden, true, "no reasons counted");
  assert.equal(o.auditStored.bedsideAudit?.reasons, undefined);
});

test("allowUserOverride false: a held send stays held, with no post-anyway; lockUserWords: the user's lists are not used", { skip: SKIP ?? false }, async () => {
  const o = await run("locked", {
    mode: "block",
    organisationName: ORG,
    allowUserOverride: false,
    lockUserWords: true,
    hospitalNames: ["St Elsewhere"],
    customPatterns: [{ label: "Trust number", pattern: "RX\\d{6}" }],
  });
  assert.equal(o.managed.allowUserOverride, false);

  // The card: held, says why, and offers to fix or edit, never to post.
  assert.deepEqual(o.gate.sentAfterEnter, [], "Enter on the warned draft was held");
  assert.equal(o.gate.held.held, true);
  assert.match(o.gate.held.heldText, /your organisation does not allow posting it/);
  const offered = buttons(o.gate.held);
  assert.ok(!offered.includes("post-anyway") && !offered.includes("justify-post"), `no post-anyway control: ${JSON.stringify(o.gate.held.buttons)}`);
  assert.ok(!o.gate.held.buttons.some((b) => /post/i.test(b.text)), JSON.stringify(o.gate.held.buttons));
  assert.ok(offered.includes("redact-all") && offered.includes("dismiss"), "fixing is offered");
  assert.deepEqual(o.gate.sentAfterRetry, [], "Enter again and the form's submit button are held too");
  assert.equal(o.gate.again.held, true);

  // The user's lists: shown read-only, with who locked them, and not used.
  assert.equal(o.managed.lockUserWords, true, "Chromium passed lockUserWords on (it is in managed_schema.json)");
  for (const w of [o.wordsLockedBefore, o.wordsAfter]) {
    assert.ok(w.ignoreDisabled && w.identifyingDisabled && w.saveDisabled, JSON.stringify(w));
    assert.equal(w.lockHidden, false);
    assert.match(w.lockNote, new RegExp(`turned off by ${ORG}`));
  }
  assert.ok(o.wordsRedrawn, "the worker applied the stored words");
  assert.equal(o.wordsAfter.ignore, "St Elsewhere\nRX123456\nheadteacher", "the stored words are shown");
  assert.ok(o.popupWords.findings.some((f) => PATIENT_FINDING.test(f)), `the ignored word is not used: ${JSON.stringify(o.popupWords.findings)}`);
  assert.ok(!o.popupWords.findings.some((f) => IDENTIFYING_FINDING.test(f)), `the identifying word is not used: ${JSON.stringify(o.popupWords.findings)}`);
  assert.equal(o.numberBox.verdict, "warn");
  assert.equal(o.hospitalBox.verdict, "warn");
});

test("requireJustification: post anyway asks for a reason first, and only its category is counted", { skip: SKIP ?? false }, async () => {
  const o = await run("justify", {
    mode: "block",
    organisationName: ORG,
    requireJustification: true,
    customPatterns: [{ label: "Trust number", pattern: "RX\\d{6}" }],
  });
  assert.equal(o.managed.requireJustification, true);
  assert.deepEqual(o.gate.sentAfterEnter, [], "Enter on the warned draft was held");
  assert.equal(o.gate.held.buttons.find((b) => b.cls === "post-anyway")?.text, "Post anyway…", JSON.stringify(o.gate.held.buttons));
  assert.deepEqual(o.gate.held.reasons, [], "the reasons come after post anyway");

  // Post anyway shows the fixed reasons; posting waits for one.
  assert.deepEqual(o.gate.asked.reasons.map((r) => r.value), REASONS);
  assert.deepEqual(o.gate.asked.reasons.map((r) => r.label), [
    "Not a real patient (made up, or an example)", "The patient consented to this", "It is already public",
    "Clinical handover to a colleague", "Other",
  ]);
  assert.equal(o.gate.asked.buttons.find((b) => b.cls.startsWith("justify-post"))?.disabled, true, "no reason yet: posting is disabled");
  assert.ok(!buttons(o.gate.asked).includes("post-anyway"));
  assert.deepEqual(o.gate.sentBeforeReason, [], "Enter before a reason is still held");
  assert.equal(o.gate.stillAsked.reasons.length, REASONS.length, "the reasons stay up");
  assert.equal(o.gate.chosen.buttons.find((b) => b.cls.startsWith("justify-post"))?.disabled, false);
  assert.equal(o.gate.afterPost.open, false, "posting with a reason closed the card");
  assert.equal(o.gate.focusedBox, "post-box", "focus is back in the box");
  assert.equal(o.gate.sent.length, 1, "then the one send went through");

  // The count per category, on the settings page and in storage: no text, no site.
  assert.deepEqual(o.reasons.rows, { handover: { label: "Clinical handover to a colleague", count: 1 } });
  assert.deepEqual(o.auditStored.bedsideAudit.reasons, { handover: 1 });
  const stored = JSON.stringify(o.auditStored);
  for (const text of ["bed 4", "headteacher", "Hexham", "127.0.0.1", "gate"]) assert.ok(!stored.includes(text), `no text kept: ${text}`);
});

test("audit mode from policy shows nothing and counts per site and kind", { skip: SKIP ?? false }, async () => {
  const o = await run("audit", {
    mode: "audit",
    organisationName: ORG,
    hospitalNames: ["St Elsewhere"],
    customPatterns: [{ label: "Trust number", pattern: "RX\\d{6}" }],
  });
  assert.equal(o.options.modeChecked, "audit");
  assert.ok(o.options.modeDisabled);
  assert.equal(o.numberBox.verdict, null, "no warning in the box");
  assert.deepEqual(o.numberBox.marks, []);
  assert.equal(o.hospitalBox.verdict, null);
  assert.deepEqual(o.hospitalBox.highlighted, []);
  assert.equal(o.badge, "", "no toolbar badge");
  assert.equal(o.audit.other.patient, 2, `both drafts counted: ${JSON.stringify(o.audit)}`);
  const stored = JSON.stringify(o.auditStored);
  for (const text of ["RX123456", "elsewhere", "rude", "127.0.0.1"]) assert.ok(!stored.includes(text), `no text kept: ${text}`);
});

test("an unknown mode is reported and warn applies, locked; every other setting still applies", { skip: SKIP ?? false }, async () => {
  const o = await run("unknown-mode", {
    mode: "shout",
    organisationName: ORG,
    customPatterns: [{ label: "Trust number", pattern: "RX\\d{6}" }],
  });
  const mode = o.options.problems.find((p) => p.field === "mode");
  assert.ok(mode, `the mode is reported: ${JSON.stringify(o.options.problems)}`);
  assert.match(mode.text, /"shout" is not one of: audit, warn, block/);
  assert.equal(o.options.modeChecked, "warn", "the safe default applies");
  assert.ok(o.options.modeDisabled, "and stays locked");
  assert.equal(o.numberBox.verdict, "warn", "the custom pattern still applies");
  // Control: this policy's hospitalNames (the template's "St Elsewhere Hospital") do not
  // cover the draft, and the core alone sees no place in it (nor a warning).
  assert.ok(!o.popupHospital.findings.some((f) => /Where it happened/.test(f)), JSON.stringify(o.popupHospital.findings));
  assert.notEqual(o.popupHospital.verdict, "warn", "without the hospital name the draft does not identify");
});

test("a policy too big is cut to the caps: what is cut is reported by name, the rest applies", { skip: SKIP ?? false }, async () => {
  const long = "x".repeat(201);
  const o = await run("caps", {
    organisationName: ORG,
    // 600 names: "St Elsewhere" first, an over-long one second.
    hospitalNames: ["St Elsewhere", long, ...Array.from({ length: 598 }, (_, i) => `Quornhall ${i}`)],
    // 120 patterns: the trust number first, an over-long one sixth.
    customPatterns: [
      { label: "Trust number", pattern: "RX\\d{6}" },
      ...Array.from({ length: 119 }, (_, i) => ({ label: `P${i}`, pattern: i === 4 ? "a".repeat(501) : `QQ${i}-\\d{3}` })),
    ],
  });
  assert.equal(o.managed.hospitalNames.length, 600, "Chromium handed over the whole policy");
  const problem = (field) => o.options.problems.find((p) => p.field === field)?.text ?? "";
  assert.deepEqual(o.options.problems.map((p) => p.field).sort(), ["customPatterns", "customPatterns[5].pattern", "hospitalNames", "hospitalNames[1]"],
    JSON.stringify(o.options.problems));
  assert.match(problem("hospitalNames"), /600 entries, more than the 500 allowed: the last 100 were not used/);
  assert.match(problem("hospitalNames[1]"), /longer than 200 characters/);
  assert.match(problem("customPatterns"), /120 entries, more than the 100 allowed: the last 20 were not used/);
  assert.match(problem("customPatterns[5].pattern"), /longer than 500 characters/);
  assert.match(problem("hospitalNames"), new RegExp(ORG));
  // What was kept applies.
  assert.equal(o.numberBox.verdict, "warn", "the first pattern applies");
  assert.equal(o.hospitalBox.verdict, "warn", "the first hospital name applies");
});

test("the machine's /etc/chromium was not touched", { skip: SKIP ?? false }, () => {
  assert.deepEqual(readdirSync("/etc/chromium").sort(), machineBefore);
  assert.ok(!existsSync("/etc/chromium/policies/managed/bedside.json"), "no policy file left behind");
});
