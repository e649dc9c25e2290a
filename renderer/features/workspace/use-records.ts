import { useCallback, useEffect, useState } from 'react';
import type { Stored } from '../../../shared/domain/records';
import type { Payloads, SealedRecordTable } from '../../data/tables';
import type { VaultSession } from '../../data/vault-session';

/** The live records of one table, decrypted, with a reload after each change. */
export function useRecords<T extends SealedRecordTable>(session: VaultSession, table: T) {
  const [records, setRecords] = useState<Stored<Payloads[T]>[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    session.list(table).then(setRecords, setError);
  }, [session, table]);
  useEffect(reload, [reload]);
  return { records, error, reload };
}
