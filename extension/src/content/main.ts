/**
 * The content script's entry: wires discovery, sessions (one per compose box), the
 * Port client, the report cache, the site adapter and layout updates together.
 */
import { adapterFor } from "../adapters/index";
import type { Box } from "./boxes";
import { installBridge, noteBox } from "./bridge";
import { ReportCache } from "./cache";
import { CoreClient } from "./client";
import { discover } from "./discover";
import { guard } from "./guard";
import { onLayout } from "./layout";
import { Session, type Deps } from "./session";

guard(() => {
  const deps: Deps = {
    client: new CoreClient(),
    cache: new ReportCache(),
    adapter: adapterFor(new URL(location.href)),
  };
  const sessions = new Map<Element, Session>();

  const sessionFor = (box: Box): Session => {
    let s = sessions.get(box.el);
    if (!s) {
      s = new Session(box, deps);
      sessions.set(box.el, s);
    }
    return s;
  };

  installBridge({
    adapter: deps.adapter,
    recheck() {
      deps.cache.clear();
      for (const s of sessions.values()) s.schedule(0);
    },
  });

  discover({
    found(box, why) {
      noteBox(box);
      const s = sessionFor(box);
      if (why === "input") s.edited();
      s.schedule(why === "focus" ? 0 : undefined);
    },
    removed() {
      for (const [el, s] of sessions) {
        if (!el.isConnected) {
          s.dispose();
          sessions.delete(el);
        }
      }
    },
  });

  onLayout(() => {
    for (const s of sessions.values()) if (s.showing) s.place();
  });
})();
