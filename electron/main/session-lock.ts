/**
 * Asks every window to lock its vaults when the machine sleeps or the screen locks, so an
 * unattended laptop never shows decrypted audit findings.
 */
import type { EventChannel, IpcEvent } from '../../shared/ipc/contract';

/** The parts of Electron's `powerMonitor` we listen to. */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

export interface EventReceiver {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends a contract event; the channel and its payload are checked against the contract. */
export function sendEvent<C extends EventChannel>(
  target: EventReceiver,
  channel: C,
  payload: IpcEvent<C>,
): void {
  if (!target.isDestroyed()) target.send(channel, payload);
}

export function forwardLockEvents(
  power: PowerEvents,
  windows: () => readonly { webContents: EventReceiver }[],
): void {
  const lockAll = (reason: IpcEvent<'session:lock'>['reason']) => () => {
    for (const window of windows()) sendEvent(window.webContents, 'session:lock', { reason });
  };
  power.on('suspend', lockAll('suspend'));
  power.on('lock-screen', lockAll('lock-screen'));
}
