/** Errors the data layer raises, each saying what went wrong in terms a user can act on. */
export class LockedError extends Error {
  override name = 'LockedError';
  constructor() {
    super('The vault is locked. Unlock it to continue.');
  }
}

export class CorruptRecordError extends Error {
  override name = 'CorruptRecordError';
  constructor(
    readonly table: string,
    readonly id: string,
    detail: string,
  ) {
    super(`${table}/${id} cannot be opened: ${detail}`);
  }
}

/**
 * The vault's own structure (keyslots, header, owner) is missing or does not validate: it was
 * damaged or altered outside the workbench. Nothing was changed by the attempt to open it.
 */
export type VaultPart = 'passphrase-keyslot' | 'recovery-keyslot' | 'owner';

export class DamagedVaultError extends Error {
  override name = 'DamagedVaultError';
  constructor(
    readonly part: VaultPart,
    detail: string,
  ) {
    super(
      `This vault's ${part.replace('-', ' ')} is damaged or was altered outside the workbench: ${detail}`,
    );
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(table: string, id: string) {
    super(`${table}/${id} does not exist in this vault.`);
  }
}

export class BackoffError extends Error {
  override name = 'BackoffError';
  constructor(
    readonly retryAt: Date,
    readonly failures: number,
  ) {
    super(`Too many wrong attempts (${failures}). Try again at ${retryAt.toISOString()}.`);
  }
}

export class VaultNotFoundError extends Error {
  override name = 'VaultNotFoundError';
  constructor(vaultId: string) {
    super(`There is no vault ${vaultId} on this machine.`);
  }
}

export interface BatchProblem {
  /** Position of the item in the batch, from 0. */
  index: number;
  message: string;
}

export class BatchValidationError extends Error {
  override name = 'BatchValidationError';
  constructor(
    readonly table: string,
    readonly problems: readonly BatchProblem[],
  ) {
    const first = problems
      .slice(0, 5)
      .map((p) => `item ${p.index + 1}: ${p.message}`)
      .join('; ');
    super(`${problems.length} of the ${table} items are invalid, nothing was saved (${first}).`);
  }
}
