import type { Context } from "../protocol";

/**
 * A site adapter knows, for one site, which message a compose box replies to.
 * Add one file per site and list it in `index.ts`; `generic` is the fallback.
 */
export interface Adapter {
  /** A short name, for logs. */
  readonly name: string;
  /** Whether this adapter is for the page at `url`. */
  matches(url: URL): boolean;
  /** What the draft in `box` replies to: "" for nothing, the message replied to, or, in
   * a conversation, its last few messages (`dom.ts` `threadOf`'s bounds). */
  findContext(box: Element): Context;
  /** A selector for this site's editable elements that are not compose boxes (searches
   * the generic rules of `content/eligible.ts` cannot tell from a composer). */
  readonly notCompose?: string;
}
