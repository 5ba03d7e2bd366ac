// Site adapters, end to end: each fixture in tests/fixtures/sites/ reproduces one site's
// markup for a thread with a compose box, and is served at that site's real origin by
// request interception (every https request in this browser is fulfilled or aborted by
// the route: nothing reaches the network). Typing a warm reply into the box must warn
// about a reply to a personal approach, and the context the adapter found must end in
// exactly the patient's message (its length, recorded by the overlay as
// data-context-chars, never the text) — not the user's own message, nor an earlier
// unrelated one; a conversation goes as its last few messages, each marked the other
// person's or the user's own (the shape recorded as data-context-thread).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT } from "../../scripts/lib/run.mjs";
import { checks, drawn, start, typeInto, waitForCheck } from "./browser.mjs";

const REPLY = "Aw thank you, that's so kind! Would love to grab a coffee sometime 😊";
const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";
const HARMLESS = "Thanks so much, see you all at the party on Saturday!";

/** One fixture per site (`file`: a variant's, named for its markup), where it is served,
 * its compose box, the message replied to (the other person's last), and for a
 * conversation the shape of the thread sent (`thread`: "T" theirs, "M" the user's own). */
const SITES = [
  { site: "facebook", url: "https://www.facebook.com/sam.marsh/posts/1001", box: "#reply-box", variant: "feed post with data-ad markers, comments in ul > li, 2024–2025",
    context: "you were my midwife last year!! would love to take you for a drink to say thanks x" },
  { site: "facebook", file: "facebook-2025", url: "https://www.facebook.com/", box: "#translated-box",
    variant: "auto-translated post",
    context: "You were the nurse who looked after my father in the cardiac unit in January.\nFound you here! We would love to invite you to dinner to thank you." },
  { site: "facebook", file: "facebook-2025", url: "https://www.facebook.com/?sk=h_chr", box: "#birthday-box-2",
    variant: "aggregated birthday post",
    context: "Happy birthday to the best physio! My knee's never been better since you sorted it in June, drinks on me 🎉" },
  { site: "facebook", file: "facebook-layouts", url: "https://www.facebook.com/lucy.hart/posts/555", box: "#dialog-box",
    variant: "post viewer dialog",
    context: "You were my midwife at the Jessop in March and I still think about how calm you were 💕 can I take you for a coffee?" },
  { site: "facebook", file: "facebook-layouts", url: "https://www.facebook.com/jo.reed", box: "#profile-box-2",
    variant: "profile timeline",
    context: "Massive thank you to the paramedic who came out to my dad on Sunday, found you on here! Would love to buy you a drink" },
  { site: "facebook", file: "facebook-photo", url: "https://www.facebook.com/photo/?fbid=1001", box: "#photo-box",
    context: "Thank you to the amazing midwife who delivered our little one on Tuesday! Found you on here, we'd love to buy you lunch 💕" },
  { site: "messenger", url: "https://www.messenger.com/t/1234567890", box: "[role=textbox][aria-label=Message]", thread: "TMTTM", variant: "2022: h3 headings, bubble colours in the page",
    context: "Hi Dr Marsh, it's Lucy from your clinic on Tuesday 😊 found you on Facebook, hope that's ok. Fancy a coffee sometime?" },
  { site: "messenger", file: "messenger-2025", url: "https://www.messenger.com/t/2222222222", box: "[role=textbox][aria-label=Message]", thread: "MTTMM",
    context: "You did my stitches at the walk-in on Tuesday 😊 fancy a drink sometime?" },
  { site: "instagram", url: "https://www.instagram.com/direct/t/340282366841710300949128/", box: "[role=textbox][aria-label=Message]", thread: "TMTM", variant: "DM thread in Meta's messaging grid, 2025",
    context: "Is this the nurse from the eye clinic? You're gorgeous btw, are you single?" },
  { site: "instagram", file: "instagram-2026-post", url: "https://www.instagram.com/p/C9xyzAbC/", box: "textarea",
    context: "Back on the bike 🚴 huge shout out to the nurse on ward 9 who got me through March, found you on here 😊 drinks on me?" },
  { site: "instagram", file: "instagram-2025-post", url: "https://www.instagram.com/p/C7abcDEF/", box: "textarea",
    context: "First parkrun since the op 🏃‍♀️ massive thanks to the physio who got me through rehab at the Meadowbank clinic, found you on here!! coffee on me?" },
  { site: "whatsapp", file: "whatsapp-2025", url: "https://web.whatsapp.com/?chat=2025", box: "footer [role=textbox]", thread: "MTT",
    context: "Hi it's Priya, you were my midwife at the Royal in May 😊 would love to take you for lunch to say thank you" },
  { site: "whatsapp", url: "https://web.whatsapp.com/", box: "footer [role=textbox]", thread: "TMTM", variant: "2024: #main role=application, quoted reply in a bubble",
    context: "Hiya it's Dave, you were my nurse on ward 9 in March 😊 can I take you out for dinner to say thank you?" },
  { site: "x", url: "https://x.com/messages/111-222", box: "[data-testid=dmComposerTextInput]", thread: "MTTM", variant: "DM conversation; no real capture found, from selector lists",
    context: "You treated me in A&E last month, found you on here! Can I buy you a coffee?" },
  { site: "x", file: "x-status", url: "https://x.com/dan_ok/status/1790000000000000001", box: "[data-testid=tweetTextarea_0]",
    context: "Shoutout to the nurse who looked after me at St Vincent's last week, found you on here!! Let me buy you a coffee ☕" },
  { site: "linkedin", file: "linkedin-overlay", url: "https://www.linkedin.com/feed/", box: "#bubble-priya", thread: "TM",
    context: "Hi! You were my nurse on the orthopaedic ward in June 🙂 would love to take you for lunch to say thanks" },
  { site: "linkedin", url: "https://www.linkedin.com/messaging/thread/2-ABCDEF==/", box: ".msg-form__contenteditable", thread: "TMTM", variant: "full-page messaging thread",
    context: "Hi! Saw your profile here, you did my knee replacement last year 🙂 would love to connect and maybe grab lunch?" },
  { site: "discord", url: "https://discord.com/channels/@me/1100000000000000001", box: "[data-slate-editor]", thread: "TMTTM", variant: "DM channel; no real capture found, from the client's markup and selector lists",
    context: "omg you're the physio who did my rehab after my ACL!! found you on here, we should hang out sometime" },
  { site: "bluesky", url: "https://bsky.app/messages/3kxyzconvo", box: "textarea", thread: "TMTM", variant: "chat (React Native Web); no real capture found",
    context: "Hi, you were my GP when I was pregnant, found you on here 😊 would love to meet up for a drink" },
  { site: "reddit", url: "https://www.reddit.com/r/nursing/comments/1abcd2/finally_qualified/", box: "#reply-box", variant: "new Reddit (shreddit-comment); no real capture found",
    context: "Wait, are you the nurse from the cardiac ward at the Royal? You looked after me in May, I'd love to buy you dinner to say thanks" },
  { site: "youtube", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", box: "#contenteditable-root", variant: "comment thread (ytd-comment-view-model); no real capture found",
    context: "You were my midwife at St Mary's last year!! You're gorgeous, can I take you out for a drink?" },
  { site: "threads", url: "https://www.threads.net/@ellie_r/post/C3", box: "[role=dialog] [role=textbox]", variant: "reply dialog; no real capture found, from selector lists",
    context: "found you on here! you were my dentist last year 😊 fancy a coffee sometime?" },
  // Any instance: recognised by the web app's markup, not the host.
  { site: "mastodon", url: "https://mastodon.example/home", box: "#compose-box", variant: "web app compose form with reply indicator; no real capture found",
    context: "Hello! You treated me at the surgery in June, found you on here. Would love to take you for lunch sometime?" },
];

let env;
/** Fixture pages by URL, and every https request seen and how the route answered it. */
const pages = new Map();
const answered = new Set();
const seen = [];

before(async () => {
  env = await start();
  for (const s of SITES) pages.set(s.url, readFileSync(join(ROOT, "tests", "fixtures", "sites", `${s.file ?? s.site}.html`), "utf8"));
  pages.set("https://web.whatsapp.com/send?phone=447700900456", readFileSync(join(ROOT, "tests", "fixtures", "sites", "whatsapp-thread.html"), "utf8"));
  pages.set("https://web.whatsapp.com/?chat=own", readFileSync(join(ROOT, "tests", "fixtures", "sites", "whatsapp-own.html"), "utf8"));
  env.context.on("request", (r) => {
    if (/^https?:/.test(r.url()) && !r.url().startsWith(env.url)) seen.push(r.url());
  });
  // Every request to any site: the fixture for a page we open, nothing for the rest.
  await env.context.route((url) => url.protocol === "https:" || (url.protocol === "http:" && !url.href.startsWith(env.url)), async (route) => {
    const url = route.request().url();
    answered.add(url);
    const body = pages.get(url);
    if (body) await route.fulfill({ contentType: "text/html; charset=utf-8", body });
    else await route.abort("blockedbyclient");
  });
});
after(() => env?.close());

/** The reply-context length recorded by the overlay for the last check: the other
 * person's last message in it. */
function contextChars(page) {
  return page.evaluate(() => Number(document.documentElement.dataset.bedsideContextChars ?? -1));
}

/** The shape of the thread sent as context ("T" theirs, "M" the user's own, oldest
 * first; "" for a single message). */
function contextThread(page) {
  return page.evaluate(() => document.documentElement.dataset.bedsideContextThread ?? null);
}

/** Opens `url` in a new tab, runs `fn` with it, and closes it whatever happens. */
async function onPage(url, fn) {
  const page = await env.context.newPage();
  try {
    await page.goto(url);
    await fn(page);
  } finally {
    await page.close();
  }
}

for (const s of SITES) {
  test(`${s.file ?? s.site}${s.variant ? ` (${s.variant})` : ""}: a reply to the patient's approach warns, with that message as context`, async () => {
    await onPage(s.url, async (page) => {
      await typeInto(page, s.box, REPLY);
      const d = await drawn(page, s.box);
      assert.equal(d.value.replace(/\n$/, ""), REPLY, "the box holds exactly what was typed");
      assert.equal(await contextChars(page), s.context.length, "the context is the patient's message, whole");
      assert.equal(await contextThread(page), s.thread ?? "", "a conversation is sent as its thread, each message marked");
      assert.equal(d.verdict, "warn");
      assert.match(d.kinds ?? "", /approach/);
      assert.ok(d.focused, "focus stays in the box");
    });
  });
}

test("facebook: the top-level comment box replies to the post, not to a comment", async () => {
  await onPage(SITES[0].url, async (page) => {
    await typeInto(page, "#comment-box", REPLY);
    assert.equal(await contextChars(page), "Finally qualified as a midwife after three years of hard work! 🎉".length);
    assert.equal((await drawn(page, "#comment-box")).verdict, null, "a friend's post is no approach");
  });
});

test("whatsapp-own: a chat of the user's own messages only replies to nobody", async () => {
  await onPage("https://web.whatsapp.com/?chat=own", async (page) => {
    await typeInto(page, "footer [role=textbox]", REPLY);
    assert.equal(await contextChars(page), 0, "no message of someone else's is sent");
    assert.equal(await contextThread(page), "", "nor a thread of the user's own");
  });
});

test("whatsapp-thread: the care link in an earlier message reaches the check with the invitation", async () => {
  // The last message alone ("fancy a drink on friday to say thanks?") does not say who is
  // asking; the thread does ("you stitched my hand up at the walk-in").
  await onPage("https://web.whatsapp.com/send?phone=447700900456", async (page) => {
    await typeInto(page, "footer [role=textbox]", "Aw that's so kind of you! Friday sounds lovely 😊");
    assert.equal(await contextThread(page), "TMT");
    const d = await drawn(page, "footer [role=textbox]");
    assert.equal(d.verdict, "warn");
    assert.match(d.kinds ?? "", /approach/);
  });
});

test("facebook-2025 (aggregated birthday post): each sub-post's box replies to that sub-post, never to the owner's own comment", async () => {
  await onPage("https://www.facebook.com/?sk=h_chr", async (page) => {
    await typeInto(page, "#birthday-box-1", HARMLESS);
    assert.equal(await contextChars(page), "Happy birthday Sam!! Have the best day, see you at netball xx".length);
  });
});

test("with no reply context, the draft alone is checked", async () => {
  await onPage(SITES[0].url, async (page) => {
    await typeInto(page, "#post-box", PATIENT);
    assert.equal(await contextChars(page), 0, "a new post replies to nothing");
    const d = await drawn(page, "#post-box");
    assert.equal(d.verdict, "warn");
    assert.match(d.kinds ?? "", /patient/);

    // Replace the draft with a harmless one: nothing is shown.
    const n = await checks(page);
    await page.locator("#post-box").press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(HARMLESS);
    await waitForCheck(page, n, HARMLESS.length);
    assert.equal(await contextChars(page), 0);
    const h = await drawn(page, "#post-box");
    assert.equal(h.verdict, null, "no badge for a harmless draft");
    assert.deepEqual(h.highlighted, []);
  });
});

// Site searches that look like composers (a Lexical editor in WhatsApp's side pane, a
// plain text input in Instagram's inbox): typing there is never checked — a patient's
// details typed there show nothing, though the compose box's draft typed after them
// (whose check queues behind any of the search's) has been checked and drawn.
for (const [i, search] of [[SITES.findIndex((s) => s.site === "whatsapp"), "#side [contenteditable]"],
  [SITES.findIndex((s) => s.site === "instagram"), "input[name=searchInput]"]]) {
  test(`${SITES[i].site}: the search box ${search} is not a compose box`, async () => {
    await onPage(SITES[i].url, async (page) => {
      await page.click(search);
      await page.keyboard.type(PATIENT);
      await typeInto(page, SITES[i].box, PATIENT);
      assert.equal((await drawn(page, SITES[i].box)).verdict, "warn", "the compose box was checked");
      assert.equal((await drawn(page, search)).verdict, null, "the search was not");
    });
  });
}

test("every request to a site was answered by the route, none went to the network", () => {
  assert.ok(seen.length >= SITES.length, `pages were requested (${seen.length})`);
  const unanswered = seen.filter((u) => !answered.has(u));
  assert.deepEqual(unanswered, []);
});
