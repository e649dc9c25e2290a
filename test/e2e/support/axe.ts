/**
 * Accessibility checks with axe-core (Deque's engine, the one browser devtools use), injected
 * into the page under test. A screen passes when axe finds no serious or critical violation;
 * everything it found, of any impact, is kept for the summary the spec prints at the end.
 */
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.0–2.2 levels A and AA, and axe's best practices. */
const RUN_OPTIONS: RunOptions = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  resultTypes: ['violations'],
};

/** Impacts that fail a screen; moderate and minor ones are reported, not failed. */
const BLOCKING: ReadonlySet<ImpactValue> = new Set(['serious', 'critical']);

export interface Violation {
  id: string;
  impact: ImpactValue | null;
  help: string;
  /** Each offending element's selector. */
  targets: string[];
  /** Each offending element: its selector and what axe says is wrong. */
  nodes: string[];
}

export interface ScreenReport {
  screen: string;
  passes: number;
  /** Rules axe could not decide (e.g. contrast over an image): ids, for a person to check. */
  incomplete: string[];
  violations: Violation[];
}

/** Runs axe on the whole page as it is now. */
export async function auditScreen(page: Page, screen: string): Promise<ScreenReport> {
  // A reload drops the injected script: inject it again whenever it is missing.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    RUN_OPTIONS,
  );
  return {
    screen,
    passes: results.passes.length,
    incomplete: results.incomplete.map((r) => r.id),
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
      nodes: v.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    })),
  };
}

export function blocking(report: ScreenReport): Violation[] {
  return report.violations.filter((v) => v.impact !== null && BLOCKING.has(v.impact));
}

/** One line per screen, then one per violation found (blocking or not), for the test output. */
export function summarise(reports: readonly ScreenReport[]): string {
  const lines = [`axe-core ${AXE_VERSION}: ${reports.length} screens checked`];
  for (const r of reports) {
    lines.push(
      `  ${r.screen}: ${r.passes} rules passed, ` +
        (r.incomplete.length ? `to review by hand: ${r.incomplete.join(', ')}, ` : '') +
        (r.violations.length ? `${r.violations.length} violated` : 'no violation'),
    );
    for (const v of r.violations) {
      const where = v.targets.slice(0, 3).join(' | ') + (v.targets.length > 3 ? ' | …' : '');
      lines.push(`    ${v.impact ?? '?'} ${v.id} (${v.targets.length}×: ${where}): ${v.help}`);
    }
  }
  return lines.join('\n');
}

const AXE_VERSION = (createRequire(import.meta.url)('axe-core/package.json') as { version: string })
  .version;
