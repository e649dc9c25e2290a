/**
 * 'anchor:read' and 'anchor:write': the newest trail head of each vault, kept outside the
 * vault's IndexedDB, in the user-data folder, sealed with `safeStorage` (the operating system's
 * key store: Keychain, DPAPI, the Secret Service). Someone who puts back an older copy of the
 * profile's database cannot put back a matching anchor without the user's OS login, so the
 * workbench notices the rollback at the next unlock.
 *
 * Where the OS offers no real key store (Linux without a keyring: `safeStorage` then "encrypts"
 * with a fixed key, backend `basic_text`), nothing is kept and the renderer is told so.
 * Files are written to a temporary name and renamed, one at a time per vault.
 */
import path from 'node:path';
import type { ChannelHandler } from './handle';

/** The parts of Electron's `safeStorage` used here. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  /** Linux only; absent elsewhere. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export interface AnchorFileSystem {
  readFile(filePath: string): Promise<Buffer>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export interface AnchorDeps {
  safeStorage: SafeStorage;
  anchorFs: AnchorFileSystem;
  /** `<userData>/trail-anchors` */
  anchorDir: string;
}

interface StoredAnchor {
  vaultId: string;
  seq: number;
  hash: string;
}

function usable(storage: SafeStorage): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  return storage.getSelectedStorageBackend?.() !== 'basic_text';
}

function isStoredAnchor(value: unknown, vaultId: string): value is StoredAnchor {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.vaultId === vaultId &&
    Number.isSafeInteger(v.seq) &&
    (v.seq as number) > 0 &&
    typeof v.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.hash)
  );
}

export function anchorHandlers(deps: AnchorDeps): {
  read: ChannelHandler<'anchor:read'>;
  write: ChannelHandler<'anchor:write'>;
} {
  // The ids are validated UUIDs (the contract), so they are safe as file names.
  const fileOf = (vaultId: string) => path.join(deps.anchorDir, `${vaultId}.anchor`);
  const queues = new Map<string, Promise<unknown>>();

  return {
    async read({ vaultId }) {
      if (!usable(deps.safeStorage)) return null;
      let sealed: Buffer;
      try {
        sealed = await deps.anchorFs.readFile(fileOf(vaultId));
      } catch {
        return null; // none kept yet
      }
      try {
        const value: unknown = JSON.parse(deps.safeStorage.decryptString(sealed));
        // An anchor that does not open, or names another vault, was tampered with: report it
        // as a head that cannot match (seq 1, a hash no entry has) rather than none at all.
        return isStoredAnchor(value, vaultId)
          ? { seq: value.seq, hash: value.hash }
          : { seq: 1, hash: '0'.repeat(64) };
      } catch {
        return { seq: 1, hash: '0'.repeat(64) };
      }
    },

    write({ vaultId, anchor }) {
      if (!usable(deps.safeStorage)) return { written: false };
      const target = fileOf(vaultId);
      const task = async () => {
        await deps.anchorFs.mkdir(deps.anchorDir, { recursive: true });
        const sealed = deps.safeStorage.encryptString(JSON.stringify({ vaultId, ...anchor }));
        const temporary = `${target}.${process.pid}.tmp`;
        await deps.anchorFs.writeFile(temporary, sealed);
        await deps.anchorFs.rename(temporary, target);
        return { written: true };
      };
      const previous = queues.get(vaultId) ?? Promise.resolve();
      const run = previous.then(task, task);
      queues.set(
        vaultId,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}
