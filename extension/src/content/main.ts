/**
 * The content script's entry: wires discovery, sessions (one per compose box), the
 * Port client, the report cache, the site adapter, the card, the send gate, the keyboard
 * shortcut, settings and layout updates together.
 */
import { adapterFor } from "../adapters/index";
import type { Box } from "./boxes";
import { installBridge, noteBox } from "./bridge";
import { ReportCache } from "./cache";
import { Card } from "./card";
import { CoreClient } from "./client";
import { discover } from "./discover";
import { installGate } from "./gate";
import { guard } from "./guard";
import { onLayout } from "./layout";
import { timed } from "./perf";
import { Session, type Deps } from "./session";
import { getMode, onModeChange } from "./settings";
import { installShortcut } from "./shortcut";

guard(() => {
  const deps: Deps = {
    client: new CoreClient(),
    cache: new ReportCache(),
    adapter: adapterFor(new URL(location.href)),
    ui: { card: new Card(), owner: null },
  };
  const sessions = new Map<Element, Session>();
  const sessionOf = (el: Element) => sessions.get(el);

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
  void getMode();
  onModeChange(() => {
    for (const s of sessions.values()) s.schedule(0);
  });

  discover({
    found(box, why) {
      timed(why, () => {
        noteBox(box);
        const s = sessionFor(box);
        if (why === "input") s.edited();
        s.schedule(why === "focus" ? 0 : undefined);
      });
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

  installGate(() => sessions.values(), sessionOf);
  installShortcut(sessionOf);

  onLayout(() => {
    for (const s of sessions.values()) if (s.showing) s.place();
  });
})();
