/**
 * The plain-browser implementation (the browser edition and the end-to-end tests): saving is
 * a download, opening is a file picker, and there is no host to ask for a lock.
 */
import { type Platform, PlatformError } from './platform';

export function browserPlatform(doc: Document = document): Platform {
  return {
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
    openFile(request) {
      return new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = (request.filters ?? [])
          .flatMap((f) => f.extensions.map((e) => `.${e}`))
          .join(',');
        input.addEventListener('cancel', () => resolve(null));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) {
            resolve(null);
            return;
          }
          if (file.size > request.maxBytes) {
            reject(new PlatformError(`${file.name} is larger than ${request.maxBytes} bytes.`));
            return;
          }
          file.arrayBuffer().then(
            (buffer) => resolve({ name: file.name, data: new Uint8Array(buffer) }),
            (error: unknown) =>
              reject(error instanceof Error ? error : new PlatformError(String(error))),
          );
        });
        input.click();
      });
    },
    onLockRequest: () => () => undefined,
  };
}
