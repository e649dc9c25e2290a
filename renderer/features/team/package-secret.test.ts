/**
 * What the package form's choices do to the file written through the app's path
 * (`savePackageFile` with the real .awpkg codec, real vaults on fake IndexedDB): a generated
 * passphrase, unedited, gets the low scrypt work factor, a typed one log2 N = 16.
 */
import { describe, expect, it } from 'vitest';
import {
  GENERATED_PASSPHRASE_LOG_N,
  headerWorkFactor,
  newPackagePassphrase,
  SCRYPT_LOG_N,
} from '../../../shared/package';
import { awpkgCodec } from './awpkg-codec';
import { prepareHandout } from './handout';
import { savePackageFile } from './package-file';
import { prepareReturn } from './send-back';
import { auditorVault, fakeHost, leadVault } from './testing';

describe('the package passphrase', () => {
  it('writes a package with a generated passphrase at the low work factor, a typed one at 16', async () => {
    const lead = await leadVault();
    const host = fakeHost();
    const generated = newPackagePassphrase();
    await savePackageFile(host.platform, await prepareHandout(lead, '林甲', []), {
      passphrase: generated,
      generated: true,
      signing: null,
    });
    expect(GENERATED_PASSPHRASE_LOG_N).toBe(10);
    expect(headerWorkFactor(host.lastSaved())).toBe(GENERATED_PASSPHRASE_LOG_N);
    const read = await awpkgCodec.read(host.lastSaved(), generated);
    expect(read.contents.meta.auditor).toBe('林甲');

    const auditor = await auditorVault(lead);
    const typed = 'a typed passphrase 2025';
    await savePackageFile(host.platform, await prepareReturn(auditor), {
      passphrase: typed,
      generated: false,
      signing: null,
    });
    expect(SCRYPT_LOG_N).toBe(16);
    expect(headerWorkFactor(host.lastSaved())).toBe(SCRYPT_LOG_N);
    await expect(awpkgCodec.read(host.lastSaved(), typed)).resolves.toMatchObject({
      contents: { meta: { kind: 'return' } },
    });
  });

  it('keeps 16 for a passphrase said to be generated that is not of the generated form', async () => {
    const lead = await leadVault();
    const host = fakeHost();
    await savePackageFile(host.platform, await prepareHandout(lead, '林甲', []), {
      passphrase: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAA',
      generated: true,
      signing: null,
    });
    expect(headerWorkFactor(host.lastSaved())).toBe(SCRYPT_LOG_N);
  });
});
