/** `sample --package OUT.awpkg` and `sample --returns DIR`: the sample engagement as packages. */
import { utf8 } from '../../../shared/crypto/bytes';
import { demoEngagement } from '../../../shared/sample/demo-engagement';
import {
  demoPackageSigners,
  trustedSignerRecords,
  withDemoSigner,
  type DemoPackageSigners,
} from '../../../shared/sample/demo-package-signers';
import type { DemoSigner } from '../../../shared/sample/demo-signoff';
import {
  sampleHandout,
  sampleReturns,
  writePackage,
  type PackageContents,
  type PackageLock,
  type WrittenPackage,
} from '../../../shared/package';
import { verifiedRecipients } from '../../../shared/signoff/age-key';
import { trustedSignersFileText } from '../../../shared/signoff/team-file';
import { EXIT_OK, UsageError, givenPassphrase, type CliIo } from '../io';
import { readSigners } from './signers';

export interface SamplePackageArgs {
  package?: string | undefined;
  returns?: string | undefined;
  passphrase?: string | undefined;
  keys?: string | undefined;
  to?: string | undefined;
}

/**
 * The demo signers' public keys (DIR/lead.pub, DIR/auditor-<n>.pub), their identity files
 * (sealed by the demo passphrases of `demo-package-signers.ts`, for `--identity`) and
 * DIR/team.json with their age recipients.
 */
async function writeKeys(io: CliIo, dir: string, signers: DemoPackageSigners): Promise<void> {
  await io.mkdir?.(dir);
  const people: [string, DemoSigner][] = [
    ['lead', signers.lead],
    ...signers.auditors.map((a, i): [string, DemoSigner] => [`auditor-${i + 1}`, a]),
  ];
  for (const [name, person] of people) {
    await io.writeFile(`${dir}/${name}.pub`, utf8(person.publicKeyFile));
    await io.writeFile(
      `${dir}/${name}.identity.json`,
      utf8(`${JSON.stringify(person.identity, null, 2)}\n`),
    );
  }
  await io.writeFile(`${dir}/team.json`, utf8(trustedSignersFileText(signers.trusted)));
}

/** `--to team.json`: its live signers' verified age recipients; else the passphrase. */
async function sampleLock(args: SamplePackageArgs, io: CliIo): Promise<PackageLock> {
  if (args.to === undefined) return givenPassphrase(args.passphrase, io);
  if (args.passphrase !== undefined) throw new UsageError('give either --passphrase or --to');
  const signers = await readSigners(io, args.to);
  const recipients = await verifiedRecipients(signers.filter((s) => s.retiredAt === null));
  if (recipients.length === 0) {
    throw new UsageError(
      `${args.to} has no age recipients: add them with \`identity --age-recipient F --add-to ${args.to}\``,
    );
  }
  return { recipients };
}

/**
 * Writes the hand-out to `--package` and, with `--returns DIR`, the two auditors' returns of it
 * (`DIR/return-1.awpkg`, `DIR/return-2.awpkg`) plus the hand-out they started from
 * (`DIR/handout.awpkg` when `--package` is not given): a merge needs its base. Each package is
 * signed by its author's demo identity; the hand-out carries the three as trusted signers.
 */
export async function samplePackages(
  args: SamplePackageArgs,
  io: CliIo,
  appVersion: string,
): Promise<number> {
  const lock = await sampleLock(args, io);
  const now = io.now?.() ?? new Date();
  const options = io.scryptLogN === undefined ? {} : { logN: io.scryptLogN };
  const signers = await demoPackageSigners(now, io.kdf === undefined ? {} : { kdf: io.kdf });
  const sample = sampleHandout(await demoEngagement(now), now, appVersion);
  const contents: PackageContents = {
    ...sample,
    records: [...sample.records, ...trustedSignerRecords(signers.trusted, sample.createdAt)],
  };
  const signed = (pkg: PackageContents, by: DemoSigner) =>
    withDemoSigner(by, (signer) => writePackage(pkg, lock, { ...options, signer }));
  const written: Record<string, unknown>[] = [];
  const save = async (file: string, pkg: WrittenPackage) => {
    await io.writeFile(file, pkg.bytes);
    const m = pkg.manifest;
    written.push({
      file,
      kind: m.kind,
      auditor: m.auditor,
      packageId: m.packageId,
      packageHash: pkg.packageHash,
      signer: { name: pkg.signer?.name, fingerprint: pkg.signer?.fingerprint },
    });
  };
  if (args.returns !== undefined) await io.mkdir?.(args.returns);
  await save(
    args.package ?? `${args.returns ?? '.'}/handout.awpkg`,
    await signed(contents, signers.lead),
  );
  if (args.returns !== undefined) {
    for (const [i, ret] of (await sampleReturns(contents, now, appVersion)).entries()) {
      const auditor = signers.auditors[i] ?? signers.lead;
      await save(`${args.returns}/return-${i + 1}.awpkg`, await signed(ret, auditor));
    }
  }
  if (args.keys !== undefined) await writeKeys(io, args.keys, signers);
  io.stdout(
    `${JSON.stringify({ engagementId: contents.engagementId, baseId: contents.baseId, packages: written, signers: signers.trusted.map((s) => ({ name: s.name, fingerprint: s.fingerprint })), ...(args.keys === undefined ? {} : { keys: args.keys }) })}\n`,
  );
  return EXIT_OK;
}
