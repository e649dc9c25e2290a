/**
 * The signer card (簽章收件卡): what a person hands colleagues so packages can be encrypted to
 * them, as `audit-workbench identity --age-recipient` prints it and 設定 → 簽章身分 saves it:
 *
 *   { "format": "aw-age-recipient", "name", "fingerprint", "publicKey",
 *     "recipient": "age1…", "recipientSignature": "<.minisig text>" }
 *
 * It holds nothing secret. It counts only if its recipient statement verifies against its own
 * public key, and the key is trusted only once the receiver has compared the fingerprint with
 * its owner (read out over the phone), as for a bare public key.
 */
import { z } from 'zod';
import {
  ageRecipientSchema,
  recipientSignatureSchema,
  recipientStatementProblem,
  type RecipientStatement,
} from './age-key';
import { fingerprintOf, fingerprintSchema, publicKeyLineSchema } from './identity';

export const RECIPIENT_CARD_FORMAT = 'aw-age-recipient';
/** A card is about 700 bytes; a longer text is not one. */
export const MAX_RECIPIENT_CARD_LENGTH = 8 * 1024;

export const recipientCardSchema = z.object({
  format: z.literal(RECIPIENT_CARD_FORMAT),
  name: z.string().trim().min(1).max(100),
  fingerprint: fingerprintSchema,
  publicKey: publicKeyLineSchema,
  recipient: ageRecipientSchema,
  recipientSignature: recipientSignatureSchema,
});
export type RecipientCard = z.infer<typeof recipientCardSchema>;

export class RecipientCardError extends Error {
  override name = 'RecipientCardError';
}

/** The card of an identity whose statement was just made (`recipientStatementOf`). */
export function recipientCardOf(
  identity: { name: string; fingerprint: string; publicKey: string },
  statement: RecipientStatement,
): RecipientCard {
  return {
    format: RECIPIENT_CARD_FORMAT,
    name: identity.name,
    fingerprint: identity.fingerprint,
    publicKey: identity.publicKey,
    ...statement,
  };
}

/** Pretty-printed JSON with a final newline; `extra` adds fields a reader ignores. */
export function recipientCardText(card: RecipientCard, extra: Record<string, string> = {}): string {
  return `${JSON.stringify({ ...card, ...extra }, null, 2)}\n`;
}

/** Whether a text looks like a card (a JSON object naming the card format), before checking it. */
export function looksLikeRecipientCard(text: string): boolean {
  return text.trimStart().startsWith('{') && text.includes(RECIPIENT_CARD_FORMAT);
}

/**
 * Reads a card: its fields, its fingerprint against its key, and its recipient statement
 * against that key; a `RecipientCardError` saying which part is wrong otherwise.
 */
export async function parseRecipientCard(text: string): Promise<RecipientCard> {
  if (text.length > MAX_RECIPIENT_CARD_LENGTH) {
    throw new RecipientCardError(
      `not a signer card (longer than ${MAX_RECIPIENT_CARD_LENGTH} bytes)`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new RecipientCardError('not a signer card (not JSON)');
  }
  const parsed = recipientCardSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RecipientCardError(
      `not a valid signer card (${issue?.path.join('.') || 'card'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  const card = parsed.data;
  if (fingerprintOf(card.publicKey) !== card.fingerprint) {
    throw new RecipientCardError(
      'the signer card was altered: its fingerprint does not match its key',
    );
  }
  const problem = await recipientStatementProblem(card);
  if (problem !== null) throw new RecipientCardError(`the signer card is refused: ${problem}`);
  return {
    format: card.format,
    name: card.name,
    fingerprint: card.fingerprint,
    publicKey: card.publicKey,
    recipient: card.recipient,
    recipientSignature: card.recipientSignature,
  };
}
