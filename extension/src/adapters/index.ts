/**
 * Picks the adapters for the current page: the site adapters whose `matches` accepts the
 * URL (by host), then those that recognise a site by its markup (Mastodon, on any
 * instance), then the generic one. The first non-empty context wins; an adapter that
 * throws (a site changed its markup) is skipped, so the draft is still checked.
 */
import type { Context } from "../protocol";
import type { Adapter } from "./adapter";
import { bluesky } from "./bluesky";
import { fit } from "./dom";
import { discord } from "./discord";
import { facebook } from "./facebook";
import { generic } from "./generic";
import { instagram } from "./instagram";
import { linkedin } from "./linkedin";
import { mastodon } from "./mastodon";
import { messenger } from "./messenger";
import { reddit } from "./reddit";
import { threads } from "./threads";
import { whatsapp } from "./whatsapp";
import { x } from "./x";
import { youtube } from "./youtube";

/** Site adapters chosen by host. Messenger comes before Facebook: it also reads
 * facebook.com's chats, and answers "" for a box that is not in one. */
const SITES: Adapter[] = [messenger, facebook, instagram, whatsapp, x, linkedin, discord, bluesky, reddit, youtube, threads];
/** Adapters that recognise their site by its markup, on any host. */
const BY_MARKUP: Adapter[] = [mastodon];

export function adapterFor(url: URL): Adapter {
  const chain = [...SITES, ...BY_MARKUP].filter((a) => a.matches(url));
  if (!chain.length) return generic;
  chain.push(generic);
  const notCompose = chain.map((a) => a.notCompose).filter(Boolean).join(", ");
  return {
    name: chain.map((a) => a.name).join("+"),
    matches: () => true,
    notCompose: notCompose || undefined,
    findContext(box: Element): Context {
      for (const a of chain) {
        try {
          const context = fit(a.findContext(box));
          if (context.length) return context;
        } catch {
          // A site's markup changed under the adapter: try the next one.
        }
      }
      return "";
    },
  };
}
