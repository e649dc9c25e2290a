/** Serves the built renderer exactly as the browser edition of `npm start` does. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStaticServer, type StaticServer } from '../../../electron/node/static-server';

export type ServedApp = StaticServer;

export const RENDERER_BUILD = resolve(import.meta.dirname, '../../../build/renderer');

export async function serveBuiltApp(): Promise<ServedApp> {
  if (!existsSync(resolve(RENDERER_BUILD, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_BUILD}: run \`npm run build\` first.`);
  }
  return startStaticServer({ root: RENDERER_BUILD, port: 0 });
}
