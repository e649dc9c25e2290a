/** Remembered import mappings, one per import kind, kept sealed in the vault's settings. */
import { mappingPresetSchema, type MappingPreset } from '../../../shared/import';
import { readSetting, writeSetting } from '../../data/settings';
import type { VaultSession } from '../../data/vault-session';
import { importPresetKey } from './setting-keys';

export type ImportKind = 'roster' | 'agreements' | 'vendors' | 'disposals' | 'assets';

export function importPresets(session: VaultSession, kind: ImportKind) {
  const key = importPresetKey(kind);
  return {
    load: () => readSetting(session, key, mappingPresetSchema),
    save: (preset: MappingPreset) => writeSetting(session, key, { ...preset }),
  };
}
