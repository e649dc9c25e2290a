/**
 * Interface preferences for this machine: language, calendar, idle-lock time. They hold no
 * engagement data, so they live in localStorage, validated on the way in.
 */
import { z } from 'zod';

export const IDLE_MINUTES = { min: 1, max: 240, default: 10 } as const;

export const preferencesSchema = z.object({
  language: z.enum(['zh-TW', 'en']).catch('zh-TW'),
  calendar: z.enum(['roc', 'iso']).catch('roc'),
  idleMinutes: z
    .number()
    .int()
    .min(IDLE_MINUTES.min)
    .max(IDLE_MINUTES.max)
    .catch(IDLE_MINUTES.default),
});
export type Preferences = z.infer<typeof preferencesSchema>;

const STORAGE_KEY = 'aw-preferences';

export function loadPreferences(storage: Pick<Storage, 'getItem'> = localStorage): Preferences {
  let raw: unknown = {};
  try {
    raw = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    // A damaged entry falls back to the defaults rather than blocking the app.
  }
  return preferencesSchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
}

export function savePreferences(
  prefs: Preferences,
  storage: Pick<Storage, 'setItem'> = localStorage,
): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(prefs));
}
