import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { readSetting, writeSetting } from '../../data/settings';
import type { VaultSession } from '../../data/vault-session';

/** One sealed vault setting, read with its schema (null when unset), and a save. */
export function useSetting<S extends z.ZodType>(session: VaultSession, key: string, schema: S) {
  const [value, setValue] = useState<z.output<S> | null | undefined>(undefined);
  const reload = useCallback(() => {
    readSetting(session, key, schema).then(setValue, () => setValue(null));
  }, [session, key, schema]);
  useEffect(reload, [reload]);
  const save = useCallback(
    async (next: z.core.util.JSONType) => {
      await writeSetting(session, key, next);
      reload();
    },
    [session, key, reload],
  );
  return { value, save, reload };
}
