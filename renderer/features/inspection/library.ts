/** The built-in checklist library, indexed for the screens. */
import { CHECKLIST_LIBRARY, type ChecklistItem } from '../../../shared/catalog';

export const library = CHECKLIST_LIBRARY;

const byId = new Map(library.items.map((item) => [item.id, item]));

export function catalogItem(itemId: string): ChecklistItem | undefined {
  return byId.get(itemId);
}
