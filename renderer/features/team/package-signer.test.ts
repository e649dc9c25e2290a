/**
 * The merge screen's signer column: returns written through the app's path (signed by a key
 * the lead trusts, by one it does not, by a retired one, unsigned), read back by the real
 * codec, checked by `prepareMerge` against the lead vault's trusted signers, and labelled.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n';
import { addTrustedSigner, exportPublicKey, retireTrustedSigner } from '../signoff/identities';
import { prepareMerge } from './merge';
import { signerLine } from './package-signer';
import { auditorVault, identityIn, leadVault, returnSignedBy } from './testing';

async function translator(lng: 'zh-TW' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('the signer of each return on the merge screen', () => {
  it('is trusted, not trusted, retired or unsigned against the lead vault’s trusted signers', async () => {
    const lead = await leadVault();
    const auditor = await auditorVault(lead);
    const lin = await identityIn(auditor, '林甲');
    const stranger = await identityIn(auditor, '林甲'); // same name claimed, another key
    // The lead trusts 林甲's key under the name the lead's vault gives it.
    const trusted = await addTrustedSigner(lead, {
      publicKey: exportPublicKey(lin),
      name: '林甲（查核員）',
      role: null,
    });

    const signed = await returnSignedBy(auditor, 'signed.awpkg', lin);
    const other = await returnSignedBy(auditor, 'other.awpkg', stranger);
    const unsigned = await returnSignedBy(auditor, 'unsigned.awpkg', null);
    await retireTrustedSigner(lead, trusted.id);
    const late = await returnSignedBy(auditor, 'late.awpkg', lin);
    const returns = [signed, other, unsigned, late];

    const prepared = await prepareMerge(lead, returns);
    const rows = returns.map((r) => {
      const trust = prepared.trust.get(r.hash);
      if (!trust) throw new Error(`no trust for ${r.fileName}`);
      return { signer: r.signer, trust };
    });
    const zh = await translator('zh-TW');
    const lines = rows.map(({ signer, trust }) => signerLine(signer, trust, zh));
    expect(lines.map((l) => l.status)).toEqual(['trusted', 'untrusted', 'unsigned', 'retired']);
    expect(lines.map((l) => l.label)).toEqual([
      '受信任（林甲（查核員））',
      '非受信任簽章者',
      '未簽署',
      '非受信任簽章者（金鑰已停用）',
    ]);
    // Who signed: the claimed name and the fingerprint, which tells the two 林甲 apart.
    expect(lines.map((l) => l.who)).toEqual([
      `林甲 · ${lin.fingerprint}`,
      `林甲 · ${stranger.fingerprint}`,
      null,
      `林甲 · ${lin.fingerprint}`,
    ]);
    const en = await translator('en');
    expect(rows.map(({ signer, trust }) => signerLine(signer, trust, en).label)).toEqual([
      'Trusted (林甲（查核員）)',
      'Not a trusted signer',
      'Unsigned',
      'Not a trusted signer (key retired)',
    ]);
    // Shown, not enforced: every one of them is still accepted for the merge.
    expect(prepared.refusals).toEqual([]);
  });
});
