/** Saves a copy of a sealed evidence file (a scan, a certificate) where the user chooses. */
import type { RecordId } from '../../../shared/domain/records';
import type { VaultSession } from '../../data/vault-session';
import type { Platform } from '../../platform';

export async function saveAttachmentCopy(
  session: VaultSession,
  platform: Platform,
  evidenceId: RecordId,
  fallbackName: string,
): Promise<void> {
  const evidence = await session.get('evidence', evidenceId);
  const { bytes } = await session.readAttachment(evidenceId);
  await platform.saveFile({ suggestedName: evidence?.name ?? fallbackName, data: bytes });
}
