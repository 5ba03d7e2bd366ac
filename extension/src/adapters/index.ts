/** Picks the adapter for the current page: the first site adapter that matches, else generic. */
import type { Adapter } from "./adapter";
import { generic } from "./generic";

/** Site-specific adapters, most specific first (none yet). */
const SITES: Adapter[] = [];

export function adapterFor(url: URL): Adapter {
  return SITES.find((a) => a.matches(url)) ?? generic;
}
