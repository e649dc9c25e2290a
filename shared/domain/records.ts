/**
 * What every stored record carries, whatever its kind. Designed for merging several auditors'
 * vaults later: ids are globally unique and time-ordered (UUIDv7), revisions count edits,
 * and deletions are tombstones, so a merge can tell "deleted" from "never had it".
 */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

export type RecordId = string & { readonly __brand: 'RecordId' };
export type VaultId = string & { readonly __brand: 'VaultId' };

export function newRecordId(): RecordId {
  return uuidv7() as RecordId;
}

export function newVaultId(): VaultId {
  return uuidv7() as VaultId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function isRecordId(value: string): value is RecordId {
  return UUID.test(value);
}

export const recordMetaSchema = z.object({
  id: z
    .string()
    .regex(UUID)
    .transform((id) => id as RecordId),
  /** 1 on creation, +1 on every change including deletion. */
  rev: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
  deleted: z.boolean(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

/** A record as the application sees it once opened: its fields plus the metadata. */
export type Stored<T> = T & RecordMeta;

export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    readonly table: string,
    readonly id: string,
    readonly expectedRev: number,
    readonly actualRev: number,
  ) {
    super(
      `${table}/${id} was changed elsewhere (revision ${actualRev}, expected ${expectedRev}); reload it before saving.`,
    );
  }
}
