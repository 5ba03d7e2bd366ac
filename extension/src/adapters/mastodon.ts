/**
 * Mastodon, on any instance: recognised by the web app's markup, not the host — the
 * React root `#mastodon` (with `data-props`) or `body.app-body`, and the compose form
 * `.compose-form` (a `textarea.autosuggest-textarea__textarea`). When the user replies,
 * the form shows the post replied to in `.reply-indicator`; its text is
 * `.reply-indicator__content`. Custom and Unicode emoji are `<img class="emojione" alt>`.
 */
import type { Adapter } from "./adapter";
import { closestUp, textOf } from "./dom";

/** Whether the page is Mastodon's web app. */
function isMastodon(): boolean {
  return document.querySelector("#mastodon[data-props], body.app-body, .app-holder#mastodon") !== null;
}

export const mastodon: Adapter = {
  name: "mastodon",
  // Any host may run Mastodon: the markup decides, in findContext.
  matches: (url) => url.protocol === "https:" || url.protocol === "http:",
  findContext(box) {
    const form = closestUp(box, ".compose-form");
    if (!form || !isMastodon()) return "";
    const scope = form.parentElement ?? form;
    return textOf(scope.querySelector(".reply-indicator .reply-indicator__content, .reply-indicator .status__content"));
  },
};
