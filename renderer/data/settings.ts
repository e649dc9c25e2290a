/** Reading and writing the vault's sealed settings (see shared/domain/settings.ts). */
import type { z } from 'zod';
import type { VaultSession } from './vault-session';

/** The setting's value checked with `schema`, or null when unset or no longer valid. */
export async function readSetting<S extends z.ZodType>(
  session: VaultSession,
  key: string,
  schema: S,
): Promise<z.output<S> | null> {
  const found = (await session.list('settings')).find((setting) => setting.key === key);
  if (!found) return null;
  const parsed = schema.safeParse(found.value);
  return parsed.success ? parsed.data : null;
}

/** Creates or replaces the setting (one record per key). */
export async function writeSetting(
  session: VaultSession,
  key: string,
  value: z.core.util.JSONType,
): Promise<void> {
  const found = (await session.list('settings')).find((setting) => setting.key === key);
  if (found) await session.update('settings', found.id, found.rev, { key, value }, key);
  else await session.create('settings', { key, value }, key);
}
