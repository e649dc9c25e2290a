// Bundles the Electron main process, the preload, the export utility process and the
// `npm start` launcher with esbuild.
// Run after `vite build` (see package.json "build"); writes build/electron/, or the folder
// given as `--outdir <dir>` (the tests build into a temporary folder). `--cli-only` builds the
// command line alone (the hostile-file test runs it as shipped).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { outdir: { type: 'string' }, 'cli-only': { type: 'boolean' } },
});
const outDir = path.resolve(values.outdir ?? path.join(here, '..', 'build', 'electron'));

/** Fails the build if a bundle reaches for 'electron' where it must not. */
const forbidElectron = {
  name: 'forbid-electron',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^electron(\/.*)?$/ }, (args) => ({
      errors: [{ text: `${args.importer} imports electron; this bundle must run in plain Node.` }],
    }));
  },
};

const common = { bundle: true, logLevel: 'warning' };

const cliBundle = {
  ...common,
  entryPoints: [path.join(here, 'cli', 'main.ts')],
  outfile: path.join(outDir, '..', 'cli', 'audit-workbench.mjs'),
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [forbidElectron],
  // exceljs is CommonJS and require()s Node built-ins; an ESM bundle needs a real require.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __awCreateRequire } from 'node:module';\nconst require = __awCreateRequire(import.meta.url);",
  },
  define: {
    'process.env.AW_APP_VERSION': JSON.stringify(process.env.npm_package_version ?? '0.0.0-dev'),
  },
};

if (values['cli-only'] === true) {
  await build(cliBundle);
  console.log(
    `Built the CLI in ${path.relative(process.cwd(), path.join(outDir, '..', 'cli')) || '.'}`,
  );
  process.exit(0);
}

await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(here, 'main', 'index.ts')],
    outfile: path.join(outDir, 'main.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: 'linked',
  }),
  build({
    ...common,
    entryPoints: [path.join(here, 'preload', 'index.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    // A sandboxed preload has web APIs and a tiny require() for 'electron', not Node's modules;
    // the browser platform makes any node:* import fail here instead of at run time.
    platform: 'browser',
    format: 'cjs',
    target: 'es2023',
    external: ['electron'],
    // The contract's zod schemas come along; minified, every window parses less of them.
    minify: true,
    sourcemap: 'linked',
  }),
  build({
    ...common,
    // The utility process that streams large workpapers (utilityProcess.fork): plain Node
    // with exceljs bundled in, so it never imports 'electron'.
    entryPoints: [path.join(here, 'main', 'export-utility.ts')],
    outfile: path.join(outDir, 'export-utility.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    plugins: [forbidElectron],
    sourcemap: 'linked',
  }),
  build({
    ...common,
    entryPoints: [path.join(here, 'launch.ts')],
    outfile: path.join(outDir, 'launch.mjs'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [forbidElectron],
  }),
  build(cliBundle),
]);

console.log(
  `Built main.cjs, preload.cjs, export-utility.cjs, launch.mjs and the CLI (../cli/audit-workbench.mjs) in ${path.relative(process.cwd(), outDir) || '.'}`,
);
