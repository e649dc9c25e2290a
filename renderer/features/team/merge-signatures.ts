/**
 * The signatures a return carries (sign-offs and unlocks made in an auditor's or reviewer's
 * vault), checked before the merge: a record whose Ed25519 signature, statement or signed
 * content does not hold refuses the package. Whom the engagement trusts is decided after, by
 * the lead's own trusted signers (`countsFor` in shared/signoff/state.ts).
 */
import type { Bilingual } from '../../../shared/domain/inspection/text';
import type { RecordChange } from '../../../shared/merge';
import { signoffSchema, unlockSchema } from '../../../shared/signoff/records';
import { checkSignoff, checkUnlock } from '../../../shared/signoff/signing';

/** Why one of the return's signed records cannot be merged, or null when all of them hold. */
export async function forgedSignature(changes: readonly RecordChange[]): Promise<Bilingual | null> {
  for (const change of changes) {
    if (change.deleted || (change.table !== 'signoffs' && change.table !== 'unlocks')) continue;
    const check =
      change.table === 'signoffs'
        ? await checkSignedRecord(signoffSchema.safeParse(change.data), checkSignoff)
        : await checkSignedRecord(unlockSchema.safeParse(change.data), checkUnlock);
    if (check !== null) {
      return {
        'zh-TW': `繳回中的簽核紀錄 ${change.id} 簽章無效（${check}），未予合併`,
        en: `The return's signed record ${change.id} does not verify (${check}); it is not merged`,
      };
    }
  }
  return null;
}

async function checkSignedRecord<T>(
  parsed: { success: true; data: T } | { success: false },
  check: (record: T, signers: null) => Promise<{ ok: true } | { ok: false; detail: string }>,
): Promise<string | null> {
  if (!parsed.success) return 'malformed';
  const verdict = await check(parsed.data, null);
  return verdict.ok ? null : verdict.detail;
}
