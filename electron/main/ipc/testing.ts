/** Small factories for IPC tests. */
import type { InvokeEvent } from './handle';

/** A page's WebContents that records the events sent to it. */
export function fakeSender() {
  const sent: { channel: string; payload: unknown }[] = [];
  return {
    sent,
    destroyed: false,
    isDestroyed(): boolean {
      return this.destroyed;
    },
    send(channel: string, payload: unknown): void {
      sent.push({ channel, payload });
    },
  };
}

/** An invoke event as Electron delivers it; by default from our own page. */
export function invokeEvent(
  url: string | null = 'app://workbench/index.html',
  sender = fakeSender(),
): InvokeEvent & { sender: ReturnType<typeof fakeSender> } {
  return { senderFrame: url === null ? null : { url }, sender };
}

export function bytes(...values: number[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(values);
}
