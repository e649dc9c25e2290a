/**
 * Runs one benchmark case in a fresh Node process (tsx, `--expose-gc`) so its memory peak is
 * its own, and returns the JSON the child prints as its last line of output.
 */
import { spawn } from 'node:child_process';

export function runCaseInChild<T>(
  script: string,
  args: readonly string[],
  label: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    // tsx resolved from here, so the child finds it whatever the working directory.
    const tsx = import.meta.resolve('tsx');
    const child = spawn(process.execPath, ['--expose-gc', '--import', tsx, script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${label} exited with ${code}`));
        return;
      }
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as T);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
