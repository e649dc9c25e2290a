/**
 * Test-only: makes every write to one table fail, as a full disk or the browser's storage quota
 * would, to show that a commit is all or nothing. It is a Dexie DBCore middleware that Dexie's
 * `addons` hook adds to each database constructed while it is installed: the vault store opens
 * its own database, so there is no instance to hand it to. Install it before the vault is
 * created or unlocked, arm it just before the write under test, and restore it after the test.
 */
import Dexie, { type DBCore, type Middleware } from 'dexie';

export interface WriteFailure {
  /** Writes (add, put, delete) to `table` fail from now on; null: none fail. */
  arm(table: string | null): void;
  /** Writes refused so far. */
  readonly refused: number;
  /** Removes the hook; databases opened later are left alone. */
  restore(): void;
}

export const INJECTED_FAILURE = 'QuotaExceededError';

export function installWriteFailure(): WriteFailure {
  let armed: string | null = null;
  let refused = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-write-failure',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              if (armed !== name) return table.mutate(req);
              refused++;
              return Promise.reject(
                new DOMException(`injected: no room left to write ${name}`, INJECTED_FAILURE),
              );
            },
          };
        },
      };
    },
  };
  const addon = (db: Dexie) => {
    db.use(middleware);
  };
  Dexie.addons.push(addon);
  return {
    arm(table) {
      armed = table;
    },
    get refused() {
      return refused;
    },
    restore() {
      armed = null;
      const at = Dexie.addons.indexOf(addon);
      if (at >= 0) Dexie.addons.splice(at, 1);
    },
  };
}
