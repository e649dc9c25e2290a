/** Small factories for IPC tests. */
import type { InvokeEvent } from './handle';

/** An invoke event as Electron delivers it; by default from our own page. */
export function invokeEvent(url: string | null = 'app://workbench/index.html'): InvokeEvent {
  return { senderFrame: url === null ? null : { url } };
}

export function bytes(...values: number[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(values);
}
