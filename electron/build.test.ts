/**
 * Runs the real build script into a temporary folder and checks what it produced: a main process
 * that wires everything against a stand-in for 'electron', a preload that works with nothing but
 * a sandboxed preload's `require('electron')`, an export utility process that streams a
 * workbook in plain Node, and a launcher that never loads 'electron'.
 */
import { execFile, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeChannelNames } from '../shared/ipc/contract';
import { readBack, sheetNames } from '../shared/workpapers/testing/read-back';
import { sheetSpec, workbookSpec } from '../shared/workpapers/testing/specs';
import { fakeElectron } from './main/testing/fake-electron';

const buildScript = path.join(import.meta.dirname, 'build.mjs');

describe('electron/build.mjs', () => {
  let buildDir: string;
  let outDir: string;

  beforeAll(async () => {
    // Laid out like the real build/: electron/ beside renderer/.
    buildDir = await mkdtemp(path.join(os.tmpdir(), 'aw-build-'));
    outDir = path.join(buildDir, 'electron');
    await mkdir(path.join(buildDir, 'renderer'));
    await writeFile(path.join(buildDir, 'renderer', 'index.html'), '<title>AW</title>');
    await promisify(execFile)(process.execPath, [buildScript, '--outdir', outDir]);
  }, 60_000);
  afterAll(async () => {
    await rm(buildDir, { recursive: true, force: true });
  });

  /** Runs main.cjs as Electron would, with `electron` replaced by the given stand-in. */
  async function runMain(electron: ReturnType<typeof fakeElectron>): Promise<void> {
    const file = path.join(outDir, 'main.cjs');
    const code = await readFile(file, 'utf8');
    const nodeRequire = createRequire(file);
    const module = { exports: {} };
    const wrapper = vm.runInThisContext(
      `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
    ) as (...args: unknown[]) => void;
    wrapper(
      module.exports,
      (name: string): unknown =>
        name === 'electron' ? electron.module : (nodeRequire(name) as unknown),
      module,
      file,
      outDir,
    );
    await electron.ready();
  }

  it('builds a main process that hardens, registers and opens the window in order', async () => {
    const electron = fakeElectron();
    await runMain(electron);
    const { calls } = electron;

    expect(calls.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }) as unknown,
      },
    ]);
    expect(calls.registeredBeforeReady).toBe(true);
    expect(calls.sandboxEnabled).toBe(true);
    expect(calls.appEvents).toEqual(
      expect.arrayContaining(['web-contents-created', 'second-instance', 'window-all-closed']),
    );
    expect(calls.permissionHandlers).toEqual(['request', 'check']);
    expect([...calls.ipcChannels].sort()).toEqual([...invokeChannelNames].sort());
    expect(calls.powerEvents.sort()).toEqual(['lock-screen', 'suspend']);

    expect(calls.windows).toHaveLength(1);
    const [window] = calls.windows;
    expect(window?.options).toMatchObject({
      width: 1280,
      height: 800,
      show: false,
      webPreferences: {
        preload: path.join(outDir, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      },
    });
    expect(window?.loaded).toEqual(['app://workbench/index.html']);

    const serve = calls.protocolHandlers.get('app');
    const response = await serve?.(new Request('app://workbench/'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe('<title>AW</title>');
  });

  it('builds a main process that quits at once when another instance holds the lock', async () => {
    const electron = fakeElectron({ singleInstanceLock: false });
    await runMain(electron);
    expect(electron.calls.quit).toBe(true);
    expect(electron.calls.windows).toHaveLength(0);
    expect(electron.calls.ipcChannels).toHaveLength(0);
  });

  it('builds a preload that exposes the bridge using only contextBridge and ipcRenderer', async () => {
    const code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
    const exposeInMainWorld = vi.fn();
    const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };
    const required: string[] = [];
    const sandboxRequire = (name: string): unknown => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return { contextBridge: { exposeInMainWorld }, ipcRenderer };
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });

    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = exposeInMainWorld.mock.calls[0] as [string, { invoke: object }];
    expect(key).toBe('workbench');
    expect(Object.keys(bridge.invoke).sort()).toEqual([...invokeChannelNames].sort());
  });

  it('builds main.cjs as CommonJS that loads electron at run time, not bundled', async () => {
    const code = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
    expect(code).toContain('require("electron")');
    expect(code).not.toContain('downloadElectron');
  });

  it('builds an export utility that streams a workbook as a utility process, in plain Node', async () => {
    const utility = path.join(outDir, 'export-utility.cjs');
    const code = await readFile(utility, 'utf8');
    expect(code).not.toMatch(/require\(["']electron["']\)/);
    // Electron gives a utility process `process.parentPort`; Node's child IPC stands in for it,
    // with the same structured clone ('advanced' serialization) as utilityProcess messages.
    const shim = path.join(buildDir, 'parent-port-shim.cjs');
    await writeFile(
      shim,
      `process.parentPort = {
        on: (event, listener) => { process.on('message', (data) => listener({ data })); },
        postMessage: (message) => { process.send(message); },
      };`,
    );
    const filePath = path.join(buildDir, 'streamed.xlsx');
    const child = fork(utility, [], {
      execArgv: ['--require', shim],
      serialization: 'advanced',
      stdio: 'pipe',
    });
    const messages: { type: string; bytes?: number }[] = [];
    child.on('message', (message: { type: string }) => messages.push(message));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.send({ type: 'start', spec: workbookSpec([sheetSpec()]), filePath, password: null });
    expect(await exited).toBe(0);
    expect(messages.map((m) => m.type)).toEqual(['progress', 'progress', 'done']);
    const bytes = await readFile(filePath);
    expect(messages.at(-1)?.bytes).toBe(bytes.byteLength);
    expect(sheetNames(await readBack(new Uint8Array(bytes)))).toEqual(['工作表']);
  });

  it('builds an export utility that says what it is when started outside Electron', async () => {
    const run = promisify(execFile)(process.execPath, [path.join(outDir, 'export-utility.cjs')]);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Electron utility process') as unknown,
    });
  });

  it('builds a launcher that never touches electron', async () => {
    const code = await readFile(path.join(outDir, 'launch.mjs'), 'utf8');
    expect(code).not.toMatch(/from\s+["']electron["']|require\(["']electron["']\)/);
    expect(code).toContain('serving the browser edition instead');
  });
});
