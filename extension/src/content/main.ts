/**
 * The content script's entry: wires discovery, sessions (one per compose box), the
 * Port client, the report cache, the site adapter, the card, the send gate, the keyboard
 * shortcut, settings and layout updates together. It takes charge of the page from any
 * earlier copy (`lifetime.ts`), and when it stands down it removes all it drew.
 */
import { adapterFor } from "../adapters/index";
import type { Box } from "./boxes";
import { installBridge, noteBox } from "./bridge";
import { ReportCache } from "./cache";
import { Card } from "./card";
import { CoreClient } from "./client";
import { discover } from "./discover";
import { setSiteQueries } from "./eligible";
import { installGate } from "./gate";
import { guard } from "./guard";
import { claim, onStandDown, reinjected } from "./lifetime";
import { onLayout } from "./layout";
import { removeOverlay } from "./overlay";
import { timed } from "./perf";
import { Session, type Deps } from "./session";
import { getMode, onModeChange } from "./settings";
import { installShortcut } from "./shortcut";

guard(() => {
  claim();
  const deps: Deps = {
    client: new CoreClient(),
    cache: new ReportCache(),
    adapter: adapterFor(new URL(location.href)),
    ui: { card: new Card(), owner: null },
  };
  setSiteQueries(deps.adapter.notCompose);
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

  onStandDown(() => {
    for (const s of sessions.values()) s.dispose();
    sessions.clear();
    deps.ui.card.hide();
    removeOverlay();
  });

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
    found(box, why, trusted) {
      timed(why, () => {
        noteBox(box);
        if (why === "focus") deps.client.prepare();
        const s = sessionFor(box);
        if (trusted) s.trust();
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

  // A copy put into an open tab after an update takes over the box the user was in.
  if (reinjected()) {
    for (const s of sessions.values()) {
      s.trust();
      s.schedule(0);
    }
  }

  installGate(() => sessions.values(), sessionOf);
  installShortcut(sessionOf);

  onLayout(() => {
    for (const s of sessions.values()) if (s.showing) s.place();
  });
})();
