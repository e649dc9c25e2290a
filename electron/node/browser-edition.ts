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

/** Serves `root` on the preferred port; if something else already holds it, on any free port. */
export async function serveBrowserEdition(
  root: string,
  preferredPort: number,
): Promise<StaticServer> {
  try {
    return await startStaticServer({ root, port: preferredPort });
  } catch (error) {
    if (preferredPort === 0 || !isAddressInUse(error)) throw error;
    return startStaticServer({ root, port: 0 });
  }
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}
