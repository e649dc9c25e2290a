import { useCallback, useEffect, useState } from 'react';
import type { Evidence } from '../../../shared/domain/evidence';
import type {
  Inspection,
  StoredFinding,
  StoredItemResult,
} from '../../../shared/domain/inspections';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { VaultSession } from '../../data/vault-session';

export interface InspectionData {
  inspection: Stored<Inspection>;
  results: Stored<StoredItemResult>[];
  findings: Stored<StoredFinding>[];
  evidence: Stored<Evidence>[];
}

/** One inspection with its results, findings and evidence, decrypted; reload after a change. */
export function useInspection(session: VaultSession, inspectionId: RecordId) {
  const [data, setData] = useState<InspectionData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    Promise.all([
      session.get('inspections', inspectionId),
      session.listChildren('itemResults', inspectionId),
      session.listChildren('findings', inspectionId),
      session.listChildren('evidence', inspectionId),
    ])
      .then(([inspection, results, findings, evidence]) => {
        if (!inspection) throw new Error(`inspection ${inspectionId} is missing`);
        setData({ inspection, results, findings, evidence });
      })
      .catch(setError);
  }, [session, inspectionId]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}
