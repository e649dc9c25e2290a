/**
 * Every invoke channel of the contract, registered as the main process registers it, is sent
 * malformed requests and requests from foreign pages: each is answered with a refusal and the
 * channel's handler (and every dependency it would touch: dialogs, files, export processes)
 * never runs. The channels come from the contract itself, so a new channel is covered as soon
 * as it has a valid example in `VALID` (the compiler asks for one).
 *
 * The malformed requests are made from the valid example: some are refused whatever the schema
 * says (not an object, extra keys, prototype-pollution keys, paths as file names, oversized
 * text and bytes); the others (a field missing, of another type, too large, at any depth) are
 * kept where the channel's schema refuses them, since null or a missing key may be legitimate
 * for one field and not another.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type InvokeChannel,
  invokeChannels,
  type IpcRequest,
  MAX_FILE_BYTES,
} from '../../../shared/ipc/contract';
import { workbookSpec } from '../../../shared/workpapers/testing/specs';
import type { ChannelHandler, InvokeEvent } from './handle';
import { createIpcHandlers, type IpcHandlerDeps } from './handlers';
import { registerIpc } from './register';
import { invokeEvent } from './testing';

const JOB = '0b0f1d7e-8c7a-4b8e-9d2a-3c4e5f607182';
const VAULT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const FILTERS = [{ name: 'Excel', extensions: ['xlsx'] }];

/** One well-formed request per channel: what the malformed ones are made from. */
const VALID: { [C in InvokeChannel]: IpcRequest<C> } = {
  'app:info': undefined,
  'file:save': {
    suggestedName: 'workpaper.xlsx',
    data: new Uint8Array([1, 2, 3]),
    filters: FILTERS,
  },
  'file:open': { maxBytes: 1024, filters: FILTERS },
  'files:open': { maxBytes: 1024, maxFiles: 20, filters: FILTERS },
  'workpaper:save': {
    jobId: JOB,
    suggestedName: 'workpaper.xlsx',
    spec: workbookSpec(),
    password: 'a workpaper password',
  },
  'workpaper:cancel': { jobId: JOB },
  'anchor:read': { vaultId: VAULT },
  'anchor:write': { vaultId: VAULT, anchor: { seq: 12, hash: 'ab'.repeat(32) } },
};

const CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];

type Listener = (event: InvokeEvent, request: unknown) => Promise<unknown>;

/** The real handlers behind spies, with dependencies that record any use and do nothing. */
function registered() {
  const work: string[] = [];
  const used =
    <A extends unknown[], R>(name: string, answer: (...args: A) => R) =>
    (...args: A): R => {
      work.push(name);
      return answer(...args);
    };
  const deps: IpcHandlerDeps = {
    app: { getVersion: used('app.getVersion', () => '0.1.0') },
    electronVersion: '45.4.1',
    dialog: {
      showSaveDialog: used('dialog.showSaveDialog', () => Promise.resolve({ canceled: true })),
      showOpenDialog: used('dialog.showOpenDialog', () =>
        Promise.resolve({ canceled: true, filePaths: [] }),
      ),
    },
    fs: {
      stat: used('fs.stat', () => Promise.reject(new Error('no file system here'))),
      readFile: used('fs.readFile', () => Promise.reject(new Error('no file system here'))),
      writeFile: used('fs.writeFile', () => Promise.reject(new Error('no file system here'))),
    },
    forkExportProcess: used('forkExportProcess', () => {
      throw new Error('no export process here');
    }),
    safeStorage: {
      isEncryptionAvailable: used('safeStorage.isEncryptionAvailable', () => true),
      encryptString: used('safeStorage.encryptString', (text: string) => Buffer.from(text)),
      decryptString: used('safeStorage.decryptString', (data: Buffer) => data.toString()),
    },
    anchorFs: {
      // Writes "succeed" and nothing is there to read, so the valid examples are answered.
      readFile: used('anchorFs.readFile', () => Promise.reject(new Error('no anchor kept'))),
      writeFile: used('anchorFs.writeFile', () => Promise.resolve()),
      rename: used('anchorFs.rename', () => Promise.resolve()),
      mkdir: used('anchorFs.mkdir', () => Promise.resolve(undefined)),
    },
    anchorDir: '/nonexistent/trail-anchors',
  };
  const real = createIpcHandlers(deps);
  const handlers = {} as Record<InvokeChannel, ChannelHandler<InvokeChannel>>;
  for (const channel of CHANNELS) {
    const handler = real[channel] as ChannelHandler<InvokeChannel>;
    handlers[channel] = vi.fn<ChannelHandler<InvokeChannel>>((request, event) =>
      handler(request, event),
    );
  }
  const listeners = new Map<string, Listener>();
  registerIpc(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    handlers,
    () => undefined,
  );
  const listener = (channel: InvokeChannel): Listener => {
    const found = listeners.get(channel);
    if (found === undefined) throw new Error(`${channel} is not registered`);
    return found;
  };
  return { work, handlers, listener };
}

interface Malformed {
  label: string;
  request: unknown;
  /** Refused whatever the schema says; otherwise kept only if the schema refuses it. */
  always: boolean;
}

type Path = (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);

/** A copy of `value` with `path` set to `next`, or removed when `next` is REMOVE. */
const REMOVE = Symbol('remove');
function withAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy: unknown = structuredClone(value);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (next === REMOVE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else Reflect.deleteProperty(parent, last);
  } else parent[last] = next;
  return copy;
}

/** Paths of the valid example down to `depth`, arrays by their first element. */
function pathsOf(value: unknown, depth: number, path: Path = []): Path[] {
  if (depth === 0) return [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.length > 0
      ? [[0, value[0]]]
      : []
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [
    [...path, key],
    ...pathsOf(child, depth - 1, [...path, key]),
  ]);
}

const describePath = (path: Path) => (path.length === 0 ? 'the request' : path.join('.'));

/** An object with an own key that, assigned carelessly, would reach Object.prototype. */
function withOwnKey(base: unknown, key: string, value: unknown): Record<string, unknown> {
  const copy = isRecord(base) ? { ...base } : {};
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

const NOT_OBJECTS: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a string', 'workpaper.xlsx'],
  ['an empty string', ''],
  ['a boolean', true],
  ['an array', []],
  ['bytes', new Uint8Array(4)],
  ['a date', new Date(0)],
];

const WRONG_VALUES: [string, unknown][] = [
  ['null', null],
  ['a number', 7],
  ['a negative number', -1],
  ['a fraction', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a string', 'x'],
  ['an empty string', ''],
  ['a boolean', false],
  ['an array', []],
  ['an object', {}],
  ['bytes', new Uint8Array(1)],
];

const PATH_NAMES = [
  '../../etc/passwd',
  '..\\..\\Windows\\System32\\config.xlsx',
  '/home/auditor/.ssh/id_ed25519',
  'C:\\Users\\auditor\\workpaper.xlsx',
  'work\u0000paper.xlsx',
  '..',
  '.',
];

function malformedRequests(valid: unknown): Malformed[] {
  const out: Malformed[] = [];
  const always = (label: string, request: unknown) => out.push({ label, request, always: true });
  const ifRefused = (label: string, request: unknown) =>
    out.push({ label, request, always: false });

  for (const [label, value] of NOT_OBJECTS) {
    if (value !== valid) always(`${label} instead of the request`, value);
  }
  always('an extra key', { ...(isRecord(valid) ? valid : {}), path: '/etc/passwd' });
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    always(`an own "${key}" key`, withOwnKey(valid, key, { polluted: true }));
  }
  if (!isRecord(valid)) return out;

  for (const [key, value] of Object.entries(valid)) {
    if (typeof value === 'string') {
      always(`${key} of 100,000 characters`, { ...valid, [key]: 'x'.repeat(100_000) });
      // A file name offered in a save dialog must never be able to name a path.
      if (/^[^/\\]+\.[a-z0-9]+$/i.test(value)) {
        for (const name of PATH_NAMES)
          always(`${key} ${JSON.stringify(name)}`, { ...valid, [key]: name });
      }
    }
    if (value instanceof Uint8Array) {
      // One byte over the limit: the pages are never touched, so this costs no memory.
      always(`${key} over 512 MiB`, { ...valid, [key]: new Uint8Array(MAX_FILE_BYTES + 1) });
    }
  }
  for (const path of pathsOf(valid, 3)) {
    const where = describePath(path);
    ifRefused(`${where} missing`, withAt(valid, path, REMOVE));
    for (const [label, value] of WRONG_VALUES)
      ifRefused(`${where} as ${label}`, withAt(valid, path, value));
    ifRefused(`${where} far too large`, withAt(valid, path, Number.MAX_SAFE_INTEGER));
    ifRefused(
      `${where} as a long list`,
      withAt(
        valid,
        path,
        Array.from({ length: 10_000 }, () => 'x'),
      ),
    );
  }
  return out;
}

/** The malformed requests of a channel that it must refuse: always, or by its own schema. */
function casesFor(channel: InvokeChannel): Malformed[] {
  const schema = invokeChannels[channel].request;
  return malformedRequests(VALID[channel]).filter(
    (m) => m.always || !schema.safeParse(m.request).success,
  );
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe.each(CHANNELS)('IPC channel %s', (channel) => {
  it('answers its valid example (so the refusals below are the malformations)', async () => {
    const { handlers, listener } = registered();
    const answer = await listener(channel)(invokeEvent(), VALID[channel]);
    expect(answer).toMatchObject({ ok: true });
    expect(handlers[channel]).toHaveBeenCalledOnce();
  });

  it('refuses every malformed request before its handler does any work', async () => {
    const { work, handlers, listener } = registered();
    const cases = casesFor(channel);
    // Enough to mean something even for a channel of one field.
    expect(cases.length).toBeGreaterThanOrEqual(VALID[channel] === undefined ? 10 : 20);
    const answers = [];
    for (const { label, request } of cases) {
      const answer = await listener(channel)(invokeEvent(), request);
      answers.push({ label, code: (answer as { error?: { code?: string } }).error?.code });
    }
    expect(answers).toEqual(cases.map(({ label }) => ({ label, code: 'invalid-request' })));
    expect(handlers[channel]).not.toHaveBeenCalled();
    expect(work).toEqual([]);
  });

  it('refuses a sender that is not the workbench page, even with a valid request', async () => {
    const { work, handlers, listener } = registered();
    const disposed = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: invokeEvent().sender,
    };
    const senders: InvokeEvent[] = [
      invokeEvent('https://evil.example/'),
      invokeEvent('http://127.0.0.1:5178/'),
      invokeEvent('file:///home/auditor/evil.html'),
      invokeEvent('app://evil/index.html'),
      invokeEvent('about:blank'),
      invokeEvent(null),
      disposed,
    ];
    for (const event of senders) {
      for (const request of [VALID[channel], { not: 'valid' }]) {
        expect(await listener(channel)(event, request)).toMatchObject({
          ok: false,
          error: { code: 'forbidden-sender' },
        });
      }
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
    expect(work).toEqual([]);
  });
});
