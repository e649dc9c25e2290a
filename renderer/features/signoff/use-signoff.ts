/**
 * The open inspection's sign-off state for its screens: loaded again whenever the inspection's
 * data reloads (so an edit shows as stale at once) or after a sign-off action.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import type { VaultSession } from '../../data/vault-session';
import { listSigningIdentities } from './identities';
import { loadSignoff, type LoadedSignoff } from './signoff-state';

export interface SignoffView {
  session: VaultSession;
  loaded: LoadedSignoff | null;
  identities: Stored<IdentityFile>[];
  error: unknown;
  reload: () => void;
}

export function useSignoff(session: VaultSession, inspectionId: RecordId, version: unknown) {
  const [loaded, setLoaded] = useState<LoadedSignoff | null>(null);
  const [identities, setIdentities] = useState<Stored<IdentityFile>[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    Promise.all([loadSignoff(session, inspectionId), listSigningIdentities(session)])
      .then(([next, ids]) => {
        setLoaded(next);
        setIdentities(ids.filter((i) => !i.deleted));
        setError(null);
      })
      .catch(setError);
  }, [session, inspectionId]);
  useEffect(reload, [reload, version]);
  return { session, loaded, identities, error, reload } satisfies SignoffView;
}

export const SignoffContext = createContext<SignoffView | null>(null);

/** The sign-off state of the inspection on screen, or null outside one. */
export function useSignoffView(): SignoffView | null {
  return useContext(SignoffContext);
}
