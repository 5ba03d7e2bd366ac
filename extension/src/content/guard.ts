/**
 * Keeps the content script from ever throwing into the page: every callback the page
 * or the browser calls goes through `guard`, and errors are logged quietly. Once this
 * copy of the script has stood down (`lifetime.ts`), guarded callbacks do nothing.
 */
import { alive } from "./lifetime";

/** Logs an error the page should never see. */
export function swallow(e: unknown): void {
  try {
    console.debug("Bedside:", e);
  } catch {
    // Even logging may fail on hostile pages; there is nothing left to do.
  }
}

/** Wraps `fn` so that it never throws. */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      if (alive()) fn(...args);
    } catch (e) {
      swallow(e);
    }
  };
}
