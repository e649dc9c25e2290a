/**
 * The built command-line tool (`npm run build` writes build/cli/audit-workbench.mjs), run as a
 * third party would: a separate Node process on files the app saved.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const CLI = join(process.cwd(), 'build', 'cli', 'audit-workbench.mjs');

export function runCli(args: readonly string[]): Promise<CliRun> {
  return run(process.execPath, [CLI, ...args]);
}

/** Any program, with its exit code rather than an exception on a non-zero exit. */
export function run(program: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(program, [...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(new Error(`${program}: ${error.message}`));
        return;
      }
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}
