/** `sample --package OUT.awpkg` and `sample --returns DIR`: the sample engagement as packages. */
import { demoEngagement } from '../../../shared/sample/demo-engagement';
import { sampleHandout, sampleReturns, writePackage } from '../../../shared/package';
import { EXIT_OK, givenPassphrase, type CliIo } from '../io';

export interface SamplePackageArgs {
  package?: string | undefined;
  returns?: string | undefined;
  passphrase?: string | undefined;
}

/**
 * Writes the hand-out to `--package` and, with `--returns DIR`, the two auditors' returns of it
 * (`DIR/return-1.awpkg`, `DIR/return-2.awpkg`) plus the hand-out they started from
 * (`DIR/handout.awpkg` when `--package` is not given): a merge needs its base.
 */
export async function samplePackages(
  args: SamplePackageArgs,
  io: CliIo,
  appVersion: string,
): Promise<number> {
  const passphrase = givenPassphrase(args.passphrase, io);
  const now = io.now?.() ?? new Date();
  const options = io.scryptLogN === undefined ? {} : { logN: io.scryptLogN };
  const contents = sampleHandout(await demoEngagement(now), now, appVersion);
  const handout = await writePackage(contents, passphrase, options);
  const written: {
    file: string;
    kind: string;
    auditor: string;
    packageId: string;
    packageHash: string;
  }[] = [];
  const save = async (file: string, pkg: typeof handout) => {
    await io.writeFile(file, pkg.bytes);
    const m = pkg.manifest;
    written.push({
      file,
      kind: m.kind,
      auditor: m.auditor,
      packageId: m.packageId,
      packageHash: pkg.packageHash,
    });
  };
  if (args.returns !== undefined) await io.mkdir?.(args.returns);
  await save(args.package ?? `${args.returns ?? '.'}/handout.awpkg`, handout);
  if (args.returns !== undefined) {
    for (const [i, ret] of (await sampleReturns(contents, now, appVersion)).entries()) {
      await save(
        `${args.returns}/return-${i + 1}.awpkg`,
        await writePackage(ret, passphrase, options),
      );
    }
  }
  io.stdout(
    `${JSON.stringify({ engagementId: contents.engagementId, baseId: contents.baseId, packages: written })}\n`,
  );
  return EXIT_OK;
}
