/**
 * Where IndexedDB comes from. The app uses the browser's; unit tests pass fake-indexeddb's
 * factory per test, which keeps tests isolated without touching globals.
 */
export interface IdbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export function browserIdb(): IdbDeps {
  return { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange };
}
