import { describe, expect, it } from 'vitest';
import { exportPublicKey, addTrustedSigner, createSigningIdentity } from './identities';
import { nextLevelFor } from './next-level';
import { fastKdf } from '../../../shared/signoff/testing';
import { PASSPHRASE, signoffVault } from './testing';

describe('the level an identity signs at', () => {
  it('is the level of the role it is trusted for', async () => {
    const v = await signoffVault();
    const loaded = await v.load();
    const [item] = v.items;
    if (!item) throw new Error('no item');
    expect(v.people.map((p) => nextLevelFor(loaded, p.fingerprint, item))).toEqual([1, 2, 3]);
  });

  it('for a signer trusted for any role, is the first level without a valid sign-off', async () => {
    const v = await signoffVault();
    const { record } = await createSigningIdentity(v.session, {
      name: '王任一',
      passphrase: PASSPHRASE,
      kdf: fastKdf(),
      now: v.now,
    });
    await addTrustedSigner(v.session, {
      publicKey: exportPublicKey(record),
      name: '王任一',
      role: null,
      now: v.now,
    });
    const [item] = v.items;
    if (!item) throw new Error('no item');
    expect(nextLevelFor(await v.load(), record.fingerprint, item)).toBe(1);
    await v.sign(0, [item], 1);
    expect(nextLevelFor(await v.load(), record.fingerprint, item)).toBe(2);
  });

  it('is none for a signer whose role the policy does not have', async () => {
    const v = await signoffVault({ roles: ['preparer', 'reviewer', 'partner'] });
    const loaded = await v.load();
    const [item] = v.items;
    if (!item) throw new Error('no item');
    expect(nextLevelFor(loaded, v.person(2).fingerprint, item)).toBeNull();
  });
});
