/**
 * Evidence files: the record (name, size, SHA-256) is sealed like any record; the bytes are
 * sealed apart in `blobs` under additional data naming the evidence record, written and
 * deleted in the same transaction as the record, and checked against the SHA-256 when opened.
 */
import { type Bytes, openBytes, recordAad, sealBytes, sha256Hex } from '../../shared/crypto';
import { type Evidence, evidenceSchema } from '../../shared/domain/evidence';
import { newRecordId, type RecordId, type Stored } from '../../shared/domain/records';
import { CorruptRecordError, NotFoundError } from './errors';
import { commit } from './session-commit';
import type { SessionCore } from './session-core';
import { getRecord } from './session-read';
import { metaFor, sealWrite } from './session-write';

export interface AttachmentFile {
  name: string;
  mimeType: string;
  bytes: Bytes;
  description?: string;
}

/** Stores a file as evidence for `ownerId`: record and sealed bytes in one transaction. */
export async function attach(
  core: SessionCore,
  ownerId: string,
  file: AttachmentFile,
): Promise<Stored<Evidence>> {
  const keys = core.keys();
  const data = evidenceSchema.parse({
    ownerId,
    name: file.name,
    mimeType: file.mimeType,
    size: file.bytes.byteLength,
    sha256: await sha256Hex(file.bytes),
    description: file.description ?? '',
  });
  const meta = metaFor(core, newRecordId(), 1, false);
  const [write, content] = await Promise.all([
    sealWrite(core, 'evidence', [{ meta, data }]),
    sealBytes(keys.record, file.bytes, recordAad(core.vaultId, 'blobs', meta.id)),
  ]);
  await commit(
    core,
    { action: 'record.created', target: { table: 'evidence', id: meta.id }, summary: data.name },
    [write],
    { blob: { put: { id: meta.id, sealed: content } } },
  );
  return { ...data, ...meta };
}

/** The bytes of an evidence file, checked against the SHA-256 recorded when it was added. */
export async function readAttachment(
  core: SessionCore,
  evidenceId: RecordId,
): Promise<{ evidence: Stored<Evidence>; bytes: Bytes }> {
  const evidence = await getRecord(core, 'evidence', evidenceId);
  if (!evidence || evidence.deleted) throw new NotFoundError('evidence', evidenceId);
  const row = await core.db.blobs.get(evidenceId);
  if (!row) {
    core.integrity.report([
      { kind: 'removed', table: 'blobs', id: evidenceId, detail: 'the file bytes were removed' },
    ]);
    throw new NotFoundError('evidence', evidenceId);
  }
  let bytes: Bytes;
  try {
    bytes = await openBytes(
      core.keys().record,
      row.sealed,
      recordAad(core.vaultId, 'blobs', evidenceId),
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    core.integrity.report([{ kind: 'altered', table: 'blobs', id: evidenceId, detail }]);
    throw new CorruptRecordError('blobs', evidenceId, detail);
  }
  if ((await sha256Hex(bytes)) !== evidence.sha256) {
    const detail = 'its content does not match its recorded SHA-256';
    core.integrity.report([{ kind: 'altered', table: 'blobs', id: evidenceId, detail }]);
    throw new CorruptRecordError('blobs', evidenceId, detail);
  }
  return { evidence, bytes };
}

/** Removes an evidence file: its record becomes a tombstone and its bytes are deleted. */
export async function removeAttachment(
  core: SessionCore,
  evidenceId: RecordId,
  expectedRev: number,
): Promise<void> {
  const current = await getRecord(core, 'evidence', evidenceId);
  if (!current) throw new NotFoundError('evidence', evidenceId);
  const { id: _id, rev: _rev, updatedAt: _at, updatedBy: _by, deleted: _d, ...data } = current;
  const meta = metaFor(core, evidenceId, expectedRev + 1, true);
  const write = await sealWrite(core, 'evidence', [{ meta, data }]);
  await commit(
    core,
    { action: 'record.deleted', target: { table: 'evidence', id: evidenceId }, summary: data.name },
    [write],
    { blob: { remove: evidenceId } },
  );
}
