/**
 * The twelve social sites Bedside has a switch for, and which of them a page belongs to:
 * the one list of their hosts, which the per-site switches, the organisation's site lists
 * and the site adapters (`adapters/dom.ts` `onSites`) all go by. Every other http(s) page
 * is "other": always checked (unless paused).
 */

export const SITE_IDS = [
  "facebook", "x", "linkedin", "reddit", "instagram", "whatsapp",
  "messenger", "discord", "bluesky", "mastodon", "threads", "youtube",
] as const;

export type SiteId = (typeof SITE_IDS)[number];

/** Host names (and their subdomains) of each site. Mastodon is federated: the best-known
 * servers are listed; other instances count as "other". */
const HOSTS: Record<SiteId, readonly string[]> = {
  facebook: ["facebook.com", "fb.com"],
  x: ["x.com", "twitter.com"],
  linkedin: ["linkedin.com"],
  reddit: ["reddit.com"],
  instagram: ["instagram.com"],
  whatsapp: ["whatsapp.com"],
  messenger: ["messenger.com"],
  discord: ["discord.com", "discordapp.com"],
  bluesky: ["bsky.app"],
  mastodon: ["mastodon.social", "mastodon.online", "mstdn.social", "mas.to"],
  threads: ["threads.net", "threads.com"],
  youtube: ["youtube.com"],
};

export function isSiteId(s: unknown): s is SiteId {
  return typeof s === "string" && (SITE_IDS as readonly string[]).includes(s);
}

/** The site a host name belongs to, or "other". */
export function siteOf(hostname: string): SiteId | "other" {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  for (const id of SITE_IDS) {
    if (HOSTS[id].some((h) => host === h || host.endsWith(`.${h}`))) return id;
  }
  return "other";
}

/** The site of a URL string, or "other" when it has none (or is not a URL). */
export function siteOfUrl(url: string | undefined): SiteId | "other" {
  try {
    return url ? siteOf(new URL(url).hostname) : "other";
  } catch {
    return "other";
  }
}
