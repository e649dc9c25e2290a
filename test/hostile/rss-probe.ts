/**
 * Preloaded (`node --import`) into the command line's own bundle by `hostile.test.ts`: at exit
 * it writes the process's time and peak RSS to stderr, after whatever the command printed.
 */
import { writeSync } from 'node:fs';

export const PROBE_MARK = '@@aw-probe ';

process.on('exit', () => {
  const report = {
    ms: Math.round(performance.now()),
    // maxRSS is in KiB.
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  writeSync(2, `\n${PROBE_MARK}${JSON.stringify(report)}\n`);
});
