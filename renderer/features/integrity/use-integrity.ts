import { useCallback, useSyncExternalStore } from 'react';
import type { IntegrityProblem } from '../../data/integrity';
import type { VaultSession } from '../../data/vault-session';

const NONE: readonly IntegrityProblem[] = [];

/** The problems the session has found so far; updated whenever a read finds more. */
export function useIntegrityProblems(session: VaultSession | null): readonly IntegrityProblem[] {
  const subscribe = useCallback(
    (changed: () => void) => session?.onIntegrityProblems(changed) ?? (() => undefined),
    [session],
  );
  return useSyncExternalStore(subscribe, () => session?.integrityProblems ?? NONE);
}
