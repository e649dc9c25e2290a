/**
 * The plain-browser implementation (the browser edition and the end-to-end tests): saving is
 * a download, opening is a file picker, and there is no host to ask for a lock.
 */
import { type Platform, PlatformError, type TrailAnchor } from './platform';

const ANCHOR_PREFIX = 'aw-trail-anchor:';

function parseAnchor(text: string | null): TrailAnchor | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<TrailAnchor>;
    if (Number.isSafeInteger(value.seq) && typeof value.hash === 'string') {
      return { seq: value.seq as number, hash: value.hash };
    }
  } catch {
    // fall through: an anchor that does not parse cannot match any trail
  }
  return { seq: 1, hash: '0'.repeat(64) };
}

/**
 * The browser edition's anchors, in localStorage: only a sequence number and a hash per vault
 * (nothing personal, nothing secret). Same profile as the database, so weaker than the
 * desktop app's (see ARCHITECTURE.md).
 */
function localAnchors(storage: Storage | undefined): Platform['anchors'] {
  return {
    read: (vaultId) =>
      Promise.resolve(parseAnchor(storage?.getItem(ANCHOR_PREFIX + vaultId) ?? null)),
    write: (vaultId, anchor) => {
      storage?.setItem(ANCHOR_PREFIX + vaultId, JSON.stringify(anchor));
      return Promise.resolve();
    },
  };
}

/**
 * The file picker: every file is checked against the limits before any is read; an empty
 * list when the user cancels.
 */
function pickFiles(
  doc: Document,
  request: { filters?: { extensions: string[] }[]; maxBytes: number; maxFiles: number },
  multiple: boolean,
): Promise<{ name: string; data: Uint8Array<ArrayBuffer> }[]> {
  return new Promise((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = (request.filters ?? [])
      .flatMap((f) => f.extensions.map((e) => `.${e}`))
      .join(',');
    input.addEventListener('cancel', () => resolve([]));
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      if (files.length > request.maxFiles) {
        reject(new PlatformError(`${files.length} files chosen; at most ${request.maxFiles}.`));
        return;
      }
      const large = files.find((file) => file.size > request.maxBytes);
      if (large) {
        reject(new PlatformError(`${large.name} is larger than ${request.maxBytes} bytes.`));
        return;
      }
      Promise.all(
        files.map(async (file) => ({
          name: file.name,
          data: new Uint8Array(await file.arrayBuffer()),
        })),
      ).then(resolve, (error: unknown) =>
        reject(error instanceof Error ? error : new PlatformError(String(error))),
      );
    });
    input.click();
  });
}

export function browserPlatform(doc: Document = document): Platform {
  return {
    anchors: localAnchors(doc.defaultView?.localStorage),
    host: 'browser',
    appInfo: () =>
      Promise.resolve({
        version: __APP_VERSION__,
        host: 'browser',
        hostVersion: navigator.userAgent,
      }),
    saveFile(request) {
      const blob = new Blob([request.data]);
      const url = URL.createObjectURL(blob);
      const link = doc.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      link.rel = 'noopener';
      doc.body.append(link);
      link.click();
      link.remove();
      // Give the download a moment to start before the blob is released.
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      return Promise.resolve({ saved: true });
    },
    async openFile(request) {
      const [file] = await pickFiles(doc, { ...request, maxFiles: 1 }, false);
      return file ?? null;
    },
    openFiles: (request) => pickFiles(doc, request, true),
    onLockRequest: () => () => undefined,
  };
}
