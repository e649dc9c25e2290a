/**
 * A Dexie DBCore middleware that refuses any write that would put plaintext on disk: every
 * row of a sealed table must consist of the allowed clear fields plus a well-formed sealed
 * envelope. Sealing itself happens before the transaction (awaiting WebCrypto inside an
 * IndexedDB transaction would end it); this guard makes sure nothing bypasses it.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { isSealed } from '../../shared/crypto';
import { isRecordId } from '../../shared/domain/records';
import { isManifestKey } from './manifest';
import { SEALED_RECORD_TABLES } from './tables';
import { ACTIVITY_ROW_FIELDS, BLOB_ROW_FIELDS, SEALED_ROW_FIELDS } from './rows';

export class PlaintextWriteError extends Error {
  override name = 'PlaintextWriteError';
}

const META_FIELDS: Record<string, readonly string[]> = {
  header: ['key', 'vaultId', 'formatVersion', 'createdAt'],
  'keyslot:passphrase': ['key', 'slot'],
  'keyslot:recovery': ['key', 'slot'],
  'keyslot:passphrase-pending': ['key', 'slot'],
  'activity-head': ['key', 'seq', 'sealed'],
  owner: ['key', 'sealed'],
};

function allowedFields(table: string, row: Record<string, unknown>): readonly string[] | null {
  if ((SEALED_RECORD_TABLES as readonly string[]).includes(table)) return SEALED_ROW_FIELDS;
  if (table === 'activity') return ACTIVITY_ROW_FIELDS;
  if (table === 'blobs' || table === 'staging') return BLOB_ROW_FIELDS;
  if (table === 'meta' && typeof row.key === 'string') {
    return META_FIELDS[row.key] ?? (isManifestKey(row.key) ? MANIFEST_FIELDS : null);
  }
  return null;
}

const MANIFEST_FIELDS = ['key', 'sealed'] as const;

export function checkRow(table: string, value: unknown): void {
  if (typeof value !== 'object' || value === null) {
    throw new PlaintextWriteError(`${table}: refusing to store a non-object row`);
  }
  const row = value as Record<string, unknown>;
  const allowed = allowedFields(table, row);
  if (!allowed)
    throw new PlaintextWriteError(`${table}: no storage rule for this row; refusing to write it`);
  for (const field of Object.keys(row)) {
    if (!allowed.includes(field)) {
      throw new PlaintextWriteError(`${table}: field "${field}" may not be stored in clear`);
    }
  }
  if (allowed.includes('sealed') && !isSealed(row.sealed)) {
    throw new PlaintextWriteError(`${table}: the row has no valid sealed envelope`);
  }
  if ('key' in row && typeof row.key !== 'string') {
    throw new PlaintextWriteError(`${table}: key must be a string`);
  }
  if (allowed === SEALED_ROW_FIELDS) {
    if (
      !Number.isInteger(row.rev) ||
      (row.rev as number) < 1 ||
      (row.deleted !== 0 && row.deleted !== 1)
    ) {
      throw new PlaintextWriteError(`${table}: rev must be a positive integer and deleted 0 or 1`);
    }
  }
  // Ids and parents are opaque UUIDs: nothing else (a name, a national ID) may hide in them.
  for (const field of ['id', 'parent'] as const) {
    if (field in row && (typeof row[field] !== 'string' || !isRecordId(row[field]))) {
      throw new PlaintextWriteError(`${table}: ${field} must be a record id (UUID)`);
    }
  }
}

function guardRequest(table: string, req: DBCoreMutateRequest): void {
  if (req.type === 'add' || req.type === 'put')
    for (const value of req.values) checkRow(table, value);
}

export const sealGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'seal-guard',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            try {
              guardRequest(name, req);
            } catch (error) {
              return Promise.reject(
                error instanceof Error ? error : new PlaintextWriteError(String(error)),
              );
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
