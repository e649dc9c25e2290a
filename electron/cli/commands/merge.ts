/** `audit-workbench merge --base lead.awpkg --out merged.awpkg [--report R] [--decisions D] RETURNS…` */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { fromUtf8, utf8, type Bytes } from '../../../shared/crypto/bytes';
import { engagementPolicyOf } from '../../../shared/domain/engagement-policy';
import { newRecordId } from '../../../shared/domain/records';
import {
  applyMergeResult,
  openConflicts,
  planMerge,
  resolveMerge,
  type MergeDecisions,
  type ReturnPackage,
} from '../../../shared/merge';
import {
  currentStateOf,
  handoutContents,
  mergeBaseOf,
  PACKAGE_TABLE_SCHEMAS,
  PackageError,
  returnPackageOf,
  signerTrust,
  writePackage,
  type PackageKey,
  type PackageLock,
  type ReadPackage,
} from '../../../shared/package';
import { untrustedReturn } from '../../../shared/package/trusted-returns';
import { verifiedRecipients, type AgeIdentity } from '../../../shared/signoff/age-key';
import { EXIT_OK, EXIT_REFUSED, PASSPHRASE_ENV, UsageError, errorMessage, type CliIo } from '../io';
import { IDENTITY_HELP, IDENTITY_OPTIONS, withPackageKey } from '../package-key';
import { mergeReport, type RefusedFile } from './merge-report';
import { openPackageFile } from './package-file';
import { signerLine, signerReport, trustedSignersOf, type SignerReport } from './signers';

export const MERGE_HELP = `audit-workbench merge --base lead.awpkg --out merged.awpkg [--report merge.json]
                      [--decisions decisions.json] [--require-trusted-signer]
                      [--passphrase P | --identity F] RETURN.awpkg…

Merges auditors' return packages (繳回) into the hand-out they were made from (分派), with the
workbench's merge engine (ARCHITECTURE.md, "Merge rules"). Every package is verified first; a
refused one (altered, an invalid author signature, of another engagement, another hand-out…)
is listed with its reason. Each return's author signature is printed: who signed it and
whether they are one of the engagement's trusted signers (the base's trustedSigners records);
an unsigned or untrusted return is shown as such, and refused when the base's engagement
setting 僅接受受信任簽章者簽署的繳回 is on or with --require-trusted-signer. A return merged
before (named in the base's merged packages) or given twice changes nothing. The merged
package is not signed (the CLI holds no signing identity).
  --base FILE       the lead's hand-out package the returns started from (required)
  --out FILE        where to write the merged state, as a new hand-out package (required);
                    written only when nothing is refused and every conflict is decided
  --report FILE     write what the merge does as JSON: per package added / changed / deleted /
                    identical, refused packages, conflicts (with option ids, without values),
                    each return's signer and trust ("signers")
  --decisions FILE  JSON {"conflicts": {"<conflict id>": {"pick": "<option id>"} or
                    {"value": …}}, "duplicates": {"<group id>": {"action": "keep-all"} or
                    {"action": "merge", "keep": "<record id>"}}}
  --require-trusted-signer
                    refuse every return not signed by one of the base's trusted signers (as
                    the base's own engagement setting does when it is on)
  --passphrase P    the packages' passphrase, also for the merged package (prefer ${PASSPHRASE_ENV})
${IDENTITY_HELP}
                   The merged package is then encrypted to you and to every trusted signer
                   of the base (not retired) whose age recipient it carries, each checked
                   against its signing key first.
Exit 1 while a package is refused or a conflict is open.`;

const decisionsSchema = z.object({
  conflicts: z.record(
    z.string(),
    z.union([z.object({ pick: z.string() }).strict(), z.object({ value: z.unknown() }).strict()]),
  ),
  duplicates: z
    .record(
      z.string(),
      z.union([
        z.object({ action: z.literal('keep-all') }),
        z.object({ action: z.literal('merge'), keep: z.string() }),
      ]),
    )
    .optional(),
});

async function readDecisions(io: CliIo, file: string | undefined): Promise<MergeDecisions> {
  if (file === undefined) return { conflicts: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8((await io.readFile(file)) as Bytes));
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${errorMessage(error)}`);
  }
  const parsed = decisionsSchema.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(
      `${file} is not a decisions file: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return parsed.data;
}

function parse(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      base: { type: 'string' },
      out: { type: 'string', short: 'o' },
      report: { type: 'string' },
      decisions: { type: 'string' },
      passphrase: { type: 'string' },
      'require-trusted-signer': { type: 'boolean' },
      ...IDENTITY_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  return { values, returns: positionals };
}

/** The returns read and turned into the engine's input; refused files are collected. */
async function readReturns(
  io: CliIo,
  files: readonly string[],
  base: ReadPackage,
  key: PackageKey,
  requireTrusted: boolean,
) {
  const returns: ReturnPackage[] = [];
  const names = new Map<string, string>();
  const evidence = new Map<string, ReadPackage['files']>();
  const refused: RefusedFile[] = [];
  const signers: (SignerReport & { file: string; packageId: string })[] = [];
  const trusted = trustedSignersOf(base);
  for (const file of files) {
    const opened = await openPackageFile(io, file, key);
    if (!opened.ok) {
      refused.push({ file, code: opened.code, reason: opened.reason, where: opened.where });
      continue;
    }
    signers.push({
      file,
      packageId: opened.pkg.packageId,
      ...signerReport(
        opened.pkg,
        trusted,
        `the engagement's trusted signers (${trusted.length}, from --base)`,
      ),
    });
    const trust = signerTrust(opened.pkg.signer, trusted, opened.pkg.createdAt);
    const untrusted = requireTrusted ? untrustedReturn(file, opened.pkg.signer, trust) : null;
    if (untrusted) {
      refused.push({ file, code: 'untrusted-signer', reason: untrusted.en, where: {} });
      continue;
    }
    try {
      returns.push(returnPackageOf(opened.pkg, base));
      if (!names.has(opened.pkg.packageId)) names.set(opened.pkg.packageId, file);
      evidence.set(opened.pkg.packageHash, opened.pkg.files);
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      refused.push({ file, code: error.code, reason: error.message, where: error.where });
    }
  }
  return { returns, names, evidence, refused, signers };
}

export async function mergeCommand(
  args: readonly string[],
  io: CliIo,
  appVersion: string,
): Promise<number> {
  const { values, returns: files } = parse(args);
  if (values.help === true) {
    io.stdout(`${MERGE_HELP}\n`);
    return EXIT_OK;
  }
  if (values.base === undefined || values.out === undefined)
    throw new UsageError('merge needs --base FILE and --out FILE');
  if (files.length === 0) throw new UsageError('merge needs at least one return package');
  const decisions = await readDecisions(io, values.decisions);
  return withPackageKey(io, values, (key, age) =>
    mergeWith(
      {
        ...values,
        base: values.base as string,
        out: values.out as string,
        requireTrustedSigner: values['require-trusted-signer'] === true,
      },
      files,
      {
        io,
        appVersion,
        decisions,
        key,
        age,
      },
    ),
  );
}

/**
 * The merged hand-out's encryption: the passphrase the packages were opened with, or the
 * merging identity and the base's trusted signers that carry a (verified) age recipient.
 */
async function mergedLock(
  base: ReadPackage,
  key: PackageKey,
  age: AgeIdentity | null,
): Promise<PackageLock> {
  if (typeof key === 'string') return key;
  if (age === null) throw new Error('an identity key without its age identity');
  const live = trustedSignersOf(base).filter((s) => s.retiredAt === null);
  const recipients = await verifiedRecipients(live);
  return { recipients: [age.recipient, ...recipients.filter((r) => r !== age.recipient)] };
}

interface MergeContext {
  io: CliIo;
  appVersion: string;
  decisions: MergeDecisions;
  key: PackageKey;
  age: AgeIdentity | null;
}

async function mergeWith(
  values: {
    base: string;
    out: string;
    report?: string | undefined;
    requireTrustedSigner: boolean;
  },
  files: readonly string[],
  { io, appVersion, decisions, key, age }: MergeContext,
): Promise<number> {
  const opened = await openPackageFile(io, values.base, key);
  if (!opened.ok || opened.pkg.kind !== 'handout') {
    const reason = opened.ok ? 'it is a return package, not a hand-out' : opened.reason;
    io.stderr(`${values.base}: refused as the base: ${reason}\n`);
    return EXIT_REFUSED;
  }
  const base = opened.pkg;
  const { returns, names, evidence, refused, signers } = await readReturns(
    io,
    files,
    base,
    key,
    values.requireTrustedSigner || engagementPolicyOf(base.records).requireTrustedSigner,
  );
  const own = trustedSignersOf(base);
  const baseSigner = signerReport(base, own, `its own trusted signers (${own.length})`);
  io.stdout(`${values.base}: base ${signerLine(baseSigner)}\n`);
  for (const s of signers) io.stdout(`${s.file}: ${signerLine(s)}\n`);
  const now = (io.now?.() ?? new Date()).toISOString();
  const stamp = { mergeId: newRecordId(), at: now, by: base.author };
  const input = { base: mergeBaseOf(base), current: currentStateOf(base), returns };
  const plan = await planMerge(input, { ...stamp, schemas: PACKAGE_TABLE_SCHEMAS });
  const open = openConflicts(plan, decisions);
  const report = { ...mergeReport(plan, names, refused, open), signers };
  if (values.report !== undefined)
    await io.writeFile(values.report, utf8(`${JSON.stringify(report, null, 2)}\n`));
  for (const p of report.packages)
    io.stdout(`${p.file ?? p.packageId}: ${p.status} ${JSON.stringify(p.counts)}\n`);
  for (const r of report.refused) io.stderr(`${r.file ?? '?'}: refused (${r.code}): ${r.reason}\n`);
  if (!report.complete) {
    if (open.length > 0)
      io.stderr(`${open.length} conflict(s) open: decide them with --decisions (see --report)\n`);
    return EXIT_REFUSED;
  }
  const result = await resolveMerge(plan, decisions, { schemas: PACKAGE_TABLE_SCHEMAS });
  const merged = applyMergeResult(input.current, result);
  // The evidence files of the base and of every package merged now.
  const allFiles = new Map(base.files);
  for (const { packageHash } of result.merged) {
    for (const [sha, bytes] of evidence.get(packageHash) ?? []) allFiles.set(sha, bytes);
  }
  const written = await writePackage(
    handoutContents(merged, {
      packageId: newRecordId(),
      baseId: newRecordId(),
      engagementId: base.engagementId,
      auditor: base.auditor,
      author: base.author,
      createdAt: now,
      appVersion,
      files: allFiles,
      trailHead: base.trailHead,
    }),
    await mergedLock(base, key, age),
    io.scryptLogN === undefined ? {} : { logN: io.scryptLogN },
  );
  await io.writeFile(values.out, written.bytes);
  io.stdout(
    `${JSON.stringify({ file: values.out, packageId: written.manifest.packageId, packageHash: written.packageHash, writes: result.writes.length, merged: result.merged.map((m) => m.packageId) })}\n`,
  );
  return EXIT_OK;
}
