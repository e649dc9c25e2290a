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
  type WrittenPackage,
} from '../../../shared/package';
import { trustedSignersFileText } from '../../../shared/signoff/team-file';
import { EXIT_OK, givenPassphrase, type CliIo } from '../io';

export interface SamplePackageArgs {
  package?: string | undefined;
  returns?: string | undefined;
  passphrase?: string | undefined;
  keys?: string | undefined;
}

/** The demo signers' public keys (DIR/lead.pub, DIR/auditor-<n>.pub) and DIR/team.json. */
async function writeKeys(io: CliIo, dir: string, signers: DemoPackageSigners): Promise<void> {
  await io.mkdir?.(dir);
  await io.writeFile(`${dir}/lead.pub`, utf8(signers.lead.publicKeyFile));
  for (const [i, auditor] of signers.auditors.entries()) {
    await io.writeFile(`${dir}/auditor-${i + 1}.pub`, utf8(auditor.publicKeyFile));
  }
  await io.writeFile(`${dir}/team.json`, utf8(trustedSignersFileText(signers.trusted)));
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
  const passphrase = givenPassphrase(args.passphrase, io);
  const now = io.now?.() ?? new Date();
  const options = io.scryptLogN === undefined ? {} : { logN: io.scryptLogN };
  const signers = await demoPackageSigners(now, io.kdf === undefined ? {} : { kdf: io.kdf });
  const sample = sampleHandout(await demoEngagement(now), now, appVersion);
  const contents: PackageContents = {
    ...sample,
    records: [...sample.records, ...trustedSignerRecords(signers.trusted, sample.createdAt)],
  };
  const signed = (pkg: PackageContents, by: DemoSigner) =>
    withDemoSigner(by, (signer) => writePackage(pkg, passphrase, { ...options, signer }));
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
