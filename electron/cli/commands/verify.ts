/**
 * `audit-workbench verify FILE.xlsx [--signers team.json] [--export DIR] [--json] [--password P]`
 * and `verify FILE.awpkg [--signers team.json] [--export DIR] [--json] [--passphrase P]` (`verify-package.ts`).
 */
import { parseArgs } from 'node:util';
import { utf8 } from '../../../shared/crypto/bytes';
import { PACKAGE_EXTENSION } from '../../../shared/package/format';
import { jcs } from '../../../shared/signoff/digest';
import { publicKeyFileOf } from '../../../shared/signoff/identity';
import { subjectKey } from '../../../shared/signoff/records';
import { isEncryptedOoxml, type WorkpaperMeta } from '../../../shared/workpapers';
import {
  verifySignedWorkpaper,
  type SignoffReport,
  type SignoffVerification,
} from '../../../shared/workpapers/signoff-verify';
import {
  EXIT_OK,
  EXIT_REFUSED,
  PASSPHRASE_ENV,
  PASSWORD_ENV,
  UsageError,
  givenPassword,
  type CliIo,
} from '../io';
import { Refused, checkHashes, decrypted, readInput, readWorkpaper, titleOf } from './inspect';
import { readSigners } from './signers';
import { IDENTITY_HELP, IDENTITY_OPTIONS } from '../package-key';
import { verifyPackageFile } from './verify-package';

export const VERIFY_HELP = `audit-workbench verify FILE.xlsx [--signers team.json] [--export DIR] [--json] [--password P]
audit-workbench verify FILE.awpkg [--signers team.json] [--export DIR] [--json] [--passphrase P | --identity F]

Checks every sign-off of a signed workpaper against the file's own cells: recomputes each
checklist item's and the inspection's digest (RFC 8785 canonical JSON, SHA-256) from the
visible cells, checks each Ed25519 signature (minisign format) and what it states (who, which
level, when), and prints who signed what, when, and what changed since. Exits 1 for an
invalid signature, a digest that no longer matches the file (naming the item), a sign-off
made stale by an edit or an unlock, a signer not in --signers, or a key used after its
retirement there.
  --signers FILE   the team's trusted signers ({"format":"aw-trusted-signers",…}, as
                   \`sample --signed --keys DIR\` writes it); without it any key is accepted
                   and only the signatures and digests are checked
  --export DIR     write the signed content and signatures for the stock minisign tool:
                   DIR/manifest.json (the inspection's signed content), manifest.json.minisig
                   (the final sign-off) and manifest.json.L<n>.minisig (each level),
                   DIR/items/<item>.json with their .L<n>.minisig, DIR/keys/<fingerprint>.pub;
                   then: minisign -Vm DIR/manifest.json -p DIR/keys/<fingerprint>.pub
  --json           print the full report as JSON
  --password P     the password of a password-protected file (or ${PASSWORD_ENV})

A package (.awpkg) is decrypted and checked whole (every part, record and the trail, as
package-info does), then its author signature (signature.minisig over manifest.json, by the
key in signer.pub) and every sign-off and unlock inside. Prints who signed the package and
whether they are trusted: by --signers, else by the package's own trusted signers (a
hand-out carries the engagement's; informative only). Exits 1 for a refused package or an
invalid signature, and, with --signers, for an unsigned package or a signer not in the list.
  --export DIR     write the signed manifest.json, signature.minisig and signer.pub as stored
                   (counts and digests, no records), then:
                   minisign -Vm DIR/manifest.json -x DIR/signature.minisig -p DIR/signer.pub
  --passphrase P   the package's passphrase (prefer ${PASSPHRASE_ENV})
${IDENTITY_HELP}
The same with the stock tools only: age -d -o p.zip FILE.awpkg (with -i KEYFILE for a
package encrypted to you: see \`identity --age-secret-key\`), then unzip p.zip
manifest.json signature.minisig signer.pub.`;

const MARK: Readonly<Record<SignoffReport['status'], string>> = {
  valid: '✓ valid',
  stale: '✗ stale (edited after sign-off)',
  superseded: '· superseded',
  altered: '✗ ALTERED',
  invalid: '✗ INVALID SIGNATURE',
  untrusted: '✗ NOT TRUSTED',
};

function describeSignoff(s: SignoffReport): string {
  const changed = s.changed.length === 0 ? '' : `; changed since: ${s.changed.join(', ')}`;
  const detail = s.detail === null ? '' : ` — ${s.detail}`;
  return `  L${s.level} ${s.role}  ${s.signer}  ${s.signedAt}  ${s.fingerprint}  ${MARK[s.status]}${detail}${changed}`;
}

function textReport(
  file: string,
  meta: WorkpaperMeta,
  title: string | null,
  result: SignoffVerification,
  notes: readonly string[],
  signersGiven: boolean,
): string {
  const lines: string[] = [];
  lines.push(`${file}: ${title ?? '(untitled)'} — inspection ${meta.header.inspectionId}`);
  const inspection = result.signoffs.filter((s) => s.subject === 'inspection');
  lines.push('Inspection sign-offs:');
  if (inspection.length === 0) lines.push('  (none)');
  lines.push(...inspection.map(describeSignoff));
  const bySubject = new Map<string, SignoffReport[]>();
  for (const s of result.signoffs) {
    if (s.subject === 'inspection') continue;
    bySubject.set(s.subject, [...(bySubject.get(s.subject) ?? []), s]);
  }
  lines.push(`Checklist items (${bySubject.size} signed):`);
  for (const [subject, reports] of bySubject) {
    const shown = reports.filter((r) => r.status !== 'superseded');
    const summary = shown
      .map((r) => `L${r.level} ${r.signer} ${r.status === 'valid' ? '✓' : `✗ ${r.status}`}`)
      .join('  ');
    lines.push(`  ${subject.replace(/^item:/, '')}  ${summary}`);
    for (const r of shown.filter((x) => x.status !== 'valid'))
      lines.push(`  ${describeSignoff(r)}`);
  }
  for (const unlock of result.unlocks) {
    lines.push(
      `Unlocked ${unlock.at} by ${unlock.signer} (${unlock.fingerprint}): ${unlock.reason} ${unlock.ok ? '✓' : '✗ INVALID SIGNATURE'}`,
    );
  }
  if (result.commitmentOnly > 0) {
    lines.push(
      `${result.commitmentOnly} text field(s) are shown masked: each is checked against its signed commitment, not against the masked text.`,
    );
  }
  if (!signersGiven)
    lines.push('No --signers given: signatures were checked, not whose keys they are.');
  lines.push(...notes.map((n) => `note: ${n}`));
  lines.push(
    result.problems.length === 0
      ? `OK: ${result.signoffs.filter((s) => s.status === 'valid').length} sign-offs verified.`
      : `FAILED: ${result.problems.length} problem(s):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  return `${lines.join('\n')}\n`;
}

const safeName = (text: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '_');

/** Writes what the stock minisign tool checks: the signed messages, signatures and keys. */
async function exportForMinisign(
  io: CliIo,
  dir: string,
  meta: WorkpaperMeta,
  result: SignoffVerification,
): Promise<string[]> {
  const signing = meta.signing;
  if (signing === undefined) return [];
  const written: string[] = [];
  const write = async (path: string, text: string) => {
    await io.writeFile(`${dir}/${path}`, utf8(text));
    written.push(path);
  };
  await io.mkdir?.(`${dir}/items`);
  await io.mkdir?.(`${dir}/keys`);
  const manifest = jcs(result.contents.inspection);
  await write('manifest.json', manifest);
  const levels = signing.signing.roles.length;
  const keys = new Map<string, { name: string; publicKey: string }>();
  const writtenItems = new Set<string>();
  const readme: string[] = [
    'Check these signatures with minisign (https://jedisct1.github.io/minisign/):',
    '',
  ];
  for (const [i, entry] of signing.signoffs.entries()) {
    const report = result.signoffs[i];
    keys.set(entry.signer.fingerprint, {
      name: entry.signer.name,
      publicKey: entry.signer.publicKey,
    });
    const key = `keys/${entry.signer.fingerprint}.pub`;
    const level = `L${entry.level}`;
    if (entry.content === undefined && report?.status === 'valid') {
      if (entry.subject.kind === 'inspection') {
        await write(`manifest.json.${level}.minisig`, entry.signature);
        if (entry.level === levels) await write('manifest.json.minisig', entry.signature);
        readme.push(
          `minisign -Vm manifest.json -x manifest.json.${level}.minisig -p ${key}   # ${level} ${entry.roleName} ${entry.signer.name}`,
        );
      } else {
        const item = `items/${safeName(entry.subject.itemId)}.json`;
        const content = result.contents.items.get(entry.subject.itemId);
        if (content !== undefined && !writtenItems.has(item)) {
          await write(item, jcs(content));
          writtenItems.add(item);
        }
        await write(`${item}.${level}.minisig`, entry.signature);
      }
    } else {
      // Stale or superseded: the content it signed, kept in the file.
      if (!written.some((path) => path.startsWith('history/'))) await io.mkdir?.(`${dir}/history`);
      const base = `history/${i + 1}-${safeName(subjectKey(entry.subject))}-${level}.json`;
      await write(base, entry.content ?? '');
      await write(`${base}.minisig`, entry.signature);
    }
  }
  for (const [fingerprint, key] of keys) {
    await write(
      `keys/${fingerprint}.pub`,
      publicKeyFileOf({ name: key.name, publicKey: key.publicKey }),
    );
  }
  readme.push(
    '',
    'minisign -Vm manifest.json -p keys/<final approver>.pub   # uses manifest.json.minisig',
    'minisign -Vm items/<item>.json -x items/<item>.json.L<n>.minisig -p keys/<fingerprint>.pub',
    '',
    'Each trusted comment is the sign-off statement (who, level, time, digest). The digest is',
    'the SHA-256 of the .json file, which is RFC 8785 canonical JSON (see ARCHITECTURE.md).',
  );
  await write('README.txt', `${readme.join('\n')}\n`);
  return written;
}

export async function verifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      signers: { type: 'string' },
      export: { type: 'string' },
      json: { type: 'boolean' },
      password: { type: 'string' },
      passphrase: { type: 'string' },
      ...IDENTITY_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    io.stdout(`${VERIFY_HELP}\n`);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('verify takes exactly one FILE.xlsx or FILE.awpkg');
  if (file.toLowerCase().endsWith(PACKAGE_EXTENSION)) {
    if (values.password !== undefined) {
      throw new UsageError('--password is for a workpaper (.xlsx); a package takes --passphrase');
    }
    return verifyPackageFile(file, values, io);
  }
  if (values.passphrase !== undefined || values.identity !== undefined)
    throw new UsageError('--passphrase and --identity are for a package (.awpkg), not a workpaper');
  const password = givenPassword(values.password, io);
  const read = await readInput(io, file);
  if (read === null) return EXIT_REFUSED;
  let bytes = read;
  try {
    const signers = values.signers === undefined ? null : await readSigners(io, values.signers);
    if (isEncryptedOoxml(bytes)) bytes = await decrypted(bytes, password);
    const { meta, sheets } = await readWorkpaper(bytes);
    if (meta.signing === undefined)
      throw new Refused('not-signed: the workpaper carries no sign-offs');
    const result = await verifySignedWorkpaper(meta, sheets, signers);
    // Visible sheets that are not signed content (the list of sign-offs, the cover's other
    // rows) are covered by the export's hashes: a change there is a failure too.
    const notes: string[] = [];
    for (const problem of await checkHashes(meta, sheets)) {
      const role = meta.sheets.find((s) => s.name === problem.sheet)?.role;
      const where = 'row' in problem ? `${problem.sheet} row ${problem.row}` : problem.sheet;
      if (role === 'cover' || role === 'signoffs') {
        result.problems.push(`${where}: ${problem.problem} since export`);
      } else if (!('row' in problem)) {
        notes.push(
          `${where}: ${problem.problem} since export (not signed content unless named above)`,
        );
      }
    }
    if (values.export !== undefined) {
      await io.mkdir?.(values.export);
      const written = await exportForMinisign(io, values.export, meta, result);
      notes.push(`wrote ${written.length} files to ${values.export} (see its README.txt)`);
    }
    if (values.json === true) {
      const { contents: _contents, ...report } = result;
      io.stdout(
        `${JSON.stringify({ file, inspection: meta.header.inspectionId, ...report, notes }, null, 2)}\n`,
      );
    } else {
      io.stdout(textReport(file, meta, titleOf(meta, sheets), result, notes, signers !== null));
    }
    return result.problems.length === 0 ? EXIT_OK : EXIT_REFUSED;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.stderr(`${file}: refused: ${error.message}\n`);
    return EXIT_REFUSED;
  }
}
