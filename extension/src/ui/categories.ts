/** A finding's category ("bed-number") in the user's words ("a bed, bay or room number"). */
import { t } from "./i18n";

export function categoryLabel(category: string): string {
  const key = `category_${category.replace(/[^a-z0-9]+/gi, "_")}`;
  const s = t(key);
  return s === key ? category.replace(/-/g, " ") : s;
}
