/** What a command may touch, passed in so tests run commands in-process without spawning. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  readFile: (path: string) => Promise<Uint8Array>;
  /** The clock for the sample's dates and the export time; default the system clock. */
  now?: () => Date;
}

export const EXIT_OK = 0;
/** The file cannot be trusted or read, or the command failed. */
export const EXIT_REFUSED = 1;
/** Usage errors and features that are not available. */
export const EXIT_USAGE = 2;

export const NO_PASSWORD_SUPPORT = 'password protection is not available yet';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
