import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';
import { handle, isTrustedSender, RefusedError } from './handle';
import { bytes, invokeEvent } from './testing';

const appInfo = { version: '0.1.0', host: 'electron', hostVersion: '45.4.1' } as const;

describe('isTrustedSender', () => {
  it('accepts frames of app://workbench', () => {
    expect(isTrustedSender(invokeEvent('app://workbench/index.html'))).toBe(true);
    expect(isTrustedSender(invokeEvent('app://workbench/index.html#/engagements/1'))).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5178/',
    'file:///home/auditor/evil.html',
    'app://evil/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
  ])('rejects a frame on %s', (url) => {
    expect(isTrustedSender(invokeEvent(url))).toBe(false);
  });

  it('rejects a missing or disposed sender frame', () => {
    expect(isTrustedSender(invokeEvent(null))).toBe(false);
    expect(isTrustedSender({ senderFrame: undefined })).toBe(false);
    const disposed = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(disposed)).toBe(false);
  });
});

describe('handle', () => {
  it('answers { ok: true, value } for a trusted, valid request', async () => {
    const listener = handle('app:info', () => appInfo);
    expect(await listener(invokeEvent(), undefined)).toEqual({ ok: true, value: appInfo });
  });

  it('refuses a foreign sender before validating or running anything', async () => {
    const handler = vi.fn(() => appInfo);
    const listener = handle('app:info', handler);
    for (const event of [invokeEvent('https://evil.example/'), invokeEvent(null)]) {
      const result = await listener(event, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  describe('rejects malformed requests, naming the field', () => {
    const save = handle('file:save', () => ({ saved: true }));
    const open = handle('file:open', () => null);
    const valid = { suggestedName: 'workpaper.xlsx', data: bytes(1, 2, 3) };

    it.each([
      ['a path as suggestedName', { ...valid, suggestedName: '../x.xlsx' }, 'suggestedName'],
      ['a Windows path', { ...valid, suggestedName: 'C:\\temp\\x.xlsx' }, 'suggestedName'],
      ['an empty name', { ...valid, suggestedName: '' }, 'suggestedName'],
      ['a number as name', { ...valid, suggestedName: 42 }, 'suggestedName'],
      ['a string as data', { ...valid, data: 'AQID' }, 'data'],
      ['a plain array as data', { ...valid, data: [1, 2, 3] }, 'data'],
      ['an extra key', { ...valid, path: '/etc/passwd' }, '"path"'],
      [
        'a bad filter extension',
        { ...valid, filters: [{ name: 'Excel', extensions: ['.xlsx'] }] },
        'filters.0.extensions.0',
      ],
      ['no object at all', 'workpaper.xlsx', 'request'],
    ])('file:save with %s', async (_label, request, field) => {
      const result = await save(invokeEvent(), request);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(!result.ok && result.error.message).toContain(field);
    });

    it.each([
      ['an oversize maxBytes', { maxBytes: MAX_FILE_BYTES + 1 }, 'maxBytes'],
      ['a fractional maxBytes', { maxBytes: 1.5 }, 'maxBytes'],
      ['a negative maxBytes', { maxBytes: -1 }, 'maxBytes'],
      ['a string maxBytes', { maxBytes: '1000' }, 'maxBytes'],
      ['no maxBytes', {}, 'maxBytes'],
      ['an extra key', { maxBytes: 10, defaultPath: '/etc' }, '"defaultPath"'],
    ])('file:open with %s', async (_label, request, field) => {
      const result = await open(invokeEvent(), request);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(!result.ok && result.error.message).toContain(field);
    });

    it('says what came instead of bytes, without echoing the value', async () => {
      const result = await save(invokeEvent(), { ...valid, data: 'confidential finding' });
      expect(!result.ok && result.error.message).toBe('data: Invalid input (got string)');
    });

    it('app:info with an argument', async () => {
      const result = await handle('app:info', () => appInfo)(invokeEvent(), { version: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    });
  });

  it('turns a thrown error into { code: "failed" } without leaking its message', async () => {
    const log = vi.fn();
    const listener = handle(
      'app:info',
      () => {
        throw new Error('EACCES: /home/auditor/secret');
      },
      log,
    );
    const result = await listener(invokeEvent(), undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'app:info could not be completed' },
    });
    expect(log).toHaveBeenCalledOnce();
  });

  it('passes the message of a RefusedError through, and catches rejections too', async () => {
    const listener = handle('file:open', () =>
      Promise.reject(new RefusedError('big.csv is too large')),
    );
    expect(await listener(invokeEvent(), { maxBytes: 10 })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'big.csv is too large' },
    });
  });

  it('survives even a non-Error throw', async () => {
    const listener = handle(
      'app:info',
      () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
        throw 'a string';
      },
      () => undefined,
    );
    await expect(listener(invokeEvent(), undefined)).resolves.toMatchObject({ ok: false });
  });
});
