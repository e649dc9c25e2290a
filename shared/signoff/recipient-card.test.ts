import { describe, expect, it } from 'vitest';
import { asIsoInstant } from '../domain/dates';
import { recipientStatementOf } from './age-key';
import { createIdentity } from './identity';
import {
  looksLikeRecipientCard,
  parseRecipientCard,
  recipientCardOf,
  recipientCardText,
  RecipientCardError,
} from './recipient-card';
import { fastKdf } from './testing';

const NOW = asIsoInstant('2026-03-04T02:00:00.000Z');
const PASS = '我的簽章密碼 correct horse';

async function card(name: string) {
  const { identity } = await createIdentity({ name, passphrase: PASS, now: NOW, kdf: fastKdf() });
  return recipientCardOf(identity, await recipientStatementOf(identity, PASS));
}

describe('the signer card', () => {
  it('reads back what it writes, extra fields ignored', async () => {
    const made = await card('林甲');
    const text = recipientCardText(made, { addedTo: 'team.json' });
    expect(looksLikeRecipientCard(text)).toBe(true);
    expect(looksLikeRecipientCard(`untrusted comment: minisign public key\nRWQ…`)).toBe(false);
    expect(await parseRecipientCard(text)).toEqual(made);
  });

  it('refuses a card whose recipient, key or fingerprint was changed, naming what', async () => {
    const a = await card('林甲');
    const b = await card('冒名者');
    const read = (value: object) => parseRecipientCard(JSON.stringify(value));
    await expect(read({ ...a, recipient: b.recipient })).rejects.toThrow(/does not verify/);
    await expect(read({ ...a, publicKey: b.publicKey })).rejects.toThrow(/fingerprint/);
    await expect(
      read({ ...a, publicKey: b.publicKey, fingerprint: b.fingerprint }),
    ).rejects.toThrow(/does not verify/);
    await expect(read({ ...a, recipient: 'age1short' })).rejects.toThrow(/recipient/);
    await expect(parseRecipientCard('{"format":"aw-age-recipient"')).rejects.toThrow(/not JSON/);
    await expect(parseRecipientCard(' '.repeat(9000))).rejects.toThrow(RecipientCardError);
  });
});
