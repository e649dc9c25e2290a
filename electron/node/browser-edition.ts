/** Starting the browser edition's server the way `npm start` wants it: a preferred port, or any. */
import { type StaticServer, startStaticServer } from './static-server';

export const DEFAULT_PORT = 5178;

/** The port from `AW_PORT`, or the default. Throws on anything that is not a port number. */
export function parsePort(value: string | undefined, fallback = DEFAULT_PORT): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`AW_PORT must be a port number from 0 to 65535, not "${value}"`);
  }
  return port;
}

/**
 * The port is taken. The browser keeps the vaults per origin (`http://127.0.0.1:PORT`), so the
 * edition never moves to another port: there, the user's vaults would seem to be gone (and new
 * ones would be kept apart from them).
 */
export class PortTakenError extends Error {
  override name = 'PortTakenError';
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use, perhaps by another copy of the workbench. ` +
        `The browser edition keeps its vaults under http://127.0.0.1:${port}/ and does not move to another port, ` +
        `where they would not be found. Open the copy that is running, or stop whatever holds the port and start again. ` +
        `(AW_PORT chooses the port; vaults made under one port are only found under that port.)`,
    );
  }
}

/** Serves `root` on the given port, or refuses with `PortTakenError` if it is taken. */
export async function serveBrowserEdition(root: string, port: number): Promise<StaticServer> {
  try {
    return await startStaticServer({ root, port });
  } catch (error) {
    if (isAddressInUse(error)) throw new PortTakenError(port);
    throw error;
  }
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}
