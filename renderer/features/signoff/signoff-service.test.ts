/**
 * The sign-off service through the real parts: sealed records in Dexie on fake-indexeddb, real
 * Ed25519 signatures under Argon2id-sealed identities, digests through shared/signoff. Order,
 * separation of duties, blocking review notes, stale on change (not on an unchanged save).
 */
import { describe, expect, it } from 'vitest';
import { SigningPassphraseError } from '../../../shared/signoff/identity';
import { NotePermissionError } from '../../../shared/signoff/state';
import { payloadOf } from '../../data/vault-session';
import { raiseReviewNote, clearReviewNote, respondToReviewNote } from './review-notes';
import { levelsOf, setPolicyRoles, staleCount } from './signoff-state';
import { SignoffRefusedError, signOff } from './sign';
import { signoffVault } from './testing';

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignoffRefusedError);
  return (error as SignoffRefusedError).problems.map((p) => p.code);
}

describe('signing off an inspection', () => {
  it('keeps the order: the reviewer waits for the preparer, the inspection for its items', async () => {
    const v = await signoffVault();
    const [item] = v.items;
    if (!item) throw new Error('no item');
    expect(await refusal(v.sign(1, [item], 2))).toContain('order');
    expect(await v.session.listChildren('signoffs', v.inspectionId)).toEqual([]);

    await v.sign(0, [item], 1);
    expect(await refusal(v.sign(0, [{ kind: 'inspection' }], 1))).toContain('items-unsigned');
    await v.sign(1, [item], 2);
    const levels = levelsOf(await v.load(), item);
    expect(levels.map((l) => [l.roleName, l.status])).toEqual([
      ['編製', 'valid'],
      ['覆核', 'valid'],
      ['核定', 'unsigned'],
    ]);
    const trail = (await v.session.activity()).filter((e) => e.action === 'signoff.signed');
    expect(trail).toHaveLength(2);
  });

  it('refuses a blank sign-off: an item with no result, and the inspection while one is left', async () => {
    const v = await signoffVault();
    const [item, other] = v.items;
    if (item?.kind !== 'item' || !other) throw new Error('no items');
    const [result] = (await v.session.listChildren('itemResults', v.inspectionId)).filter(
      (r) => r.itemId === item.itemId,
    );
    if (!result) throw new Error('no result');
    await v.session.update(
      'itemResults',
      result.id,
      result.rev,
      { ...payloadOf(result), result: null },
      'result cleared',
    );
    const before = (await v.session.activity()).length;
    expect(await refusal(v.sign(0, [item], 1))).toEqual(['untested']);
    // Signed with others in one go, nothing is signed at all.
    expect(await refusal(v.sign(0, [other, item], 1))).toEqual(['untested']);
    expect(await v.session.listChildren('signoffs', v.inspectionId)).toEqual([]);
    expect((await v.session.activity()).length).toBe(before);

    const rest = v.items.filter((s) => s !== item);
    await v.sign(0, rest, 1);
    expect(await refusal(v.sign(0, [{ kind: 'inspection' }], 1))).toEqual(['items-unsigned']);
    expect((await v.load()).state.untested).toEqual(new Set([item.itemId]));
  });

  it('refuses one person at two levels of the same thing (分工牽制)', async () => {
    const v = await signoffVault({ roles: [null, null, null] });
    const [item, other] = v.items;
    if (!item || !other) throw new Error('no items');
    await v.sign(0, [item], 1);
    expect(await refusal(v.sign(0, [item], 2))).toEqual(['separation']);
    // The same person may sign the same level of another item, and another person level 2.
    await v.sign(0, [other], 1);
    await v.sign(1, [item], 2);
  });

  it('refuses a wrong signing passphrase and writes nothing', async () => {
    const v = await signoffVault();
    const [item] = v.items;
    if (!item) throw new Error('no item');
    const before = (await v.session.activity()).length;
    await expect(
      signOff(v.session, {
        inspectionId: v.inspectionId,
        subjects: [item],
        level: 1,
        identityId: v.person(0).id,
        passphrase: 'not the signing passphrase',
      }),
    ).rejects.toBeInstanceOf(SigningPassphraseError);
    expect((await v.session.activity()).length).toBe(before);
  });

  it('blocks sign-off at and above the level of an open review note; only its author clears it', async () => {
    const v = await signoffVault();
    const [item] = v.items;
    if (!item || item.kind !== 'item') throw new Error('no item');
    await v.sign(0, [item], 1);
    const note = await raiseReviewNote(v.session, {
      inspectionId: v.inspectionId,
      target: { kind: 'finding', findingId: v.finding.id, itemId: item.itemId },
      level: 2,
      identityId: v.person(1).id,
      text: '請補充缺失之改善期限',
      now: v.now,
    });
    // A note on the item's finding counts for its item.
    expect(await refusal(v.sign(1, [item], 2))).toEqual(['open-notes']);

    await respondToReviewNote(v.session, note.id, {
      identityId: v.person(0).id,
      text: '已補充',
      now: v.now,
    });
    await expect(
      clearReviewNote(v.session, note.id, { identityId: v.person(0).id, now: v.now }),
    ).rejects.toBeInstanceOf(NotePermissionError);
    expect(await refusal(v.sign(1, [item], 2))).toEqual(['open-notes']);

    const cleared = await clearReviewNote(v.session, note.id, {
      identityId: v.person(1).id,
      now: v.now,
    });
    expect(cleared.cleared?.by.name).toBe('黃覆核');
    expect(cleared.responses.map((r) => r.text)).toEqual(['已補充']);
    await v.sign(1, [item], 2);
    // Cleared notes stay.
    expect(await v.session.listChildren('reviewNotes', v.inspectionId)).toHaveLength(1);
  });

  it('turns stale when the signed content changes, not when an unchanged record is saved', async () => {
    const v = await signoffVault();
    const [item] = v.items;
    if (!item || item.kind !== 'item') throw new Error('no item');
    await v.sign(0, [item], 1);
    const [result] = (await v.session.listChildren('itemResults', v.inspectionId)).filter(
      (r) => r.itemId === item.itemId,
    );
    if (!result) throw new Error('no result');

    const saved = await v.session.update(
      'itemResults',
      result.id,
      result.rev,
      payloadOf(result),
      'same',
    );
    expect(saved.rev).toBe(result.rev + 1);
    expect(levelsOf(await v.load(), item)[0]?.status).toBe('valid');
    expect(staleCount(await v.load())).toBe(0);

    await v.session.update(
      'itemResults',
      saved.id,
      saved.rev,
      { ...payloadOf(saved), workPerformed: `${saved.workPerformed}（補充）` },
      'edited',
    );
    const [level1] = levelsOf(await v.load(), item);
    expect(level1).toMatchObject({
      status: 'stale',
      staleBecause: 'changed',
      changed: ['workPerformed'],
    });
    expect(staleCount(await v.load())).toBe(1);
    // Signing again clears it.
    await v.sign(0, [item], 1);
    expect(levelsOf(await v.load(), item)[0]?.status).toBe('valid');
  });

  it('renames levels and sets 2 to 5 of them; only renames once anything is signed', async () => {
    const v = await signoffVault();
    const five = await setPolicyRoles(v.session, v.inspectionId, [
      '編製',
      '初核',
      '覆核',
      '複核',
      '核定',
    ]);
    expect(five.roles.map((r) => r.key)).toEqual([
      'preparer',
      'reviewer',
      'approver',
      'level-4',
      'level-5',
    ]);
    await expect(setPolicyRoles(v.session, v.inspectionId, ['一'])).rejects.toThrow(/2 to 5/);
    await setPolicyRoles(v.session, v.inspectionId, ['編製', '覆核', '核定']);
    const [item] = v.items;
    if (!item) throw new Error('no item');
    await v.sign(0, [item], 1);
    await expect(setPolicyRoles(v.session, v.inspectionId, ['編製', '核定'])).rejects.toThrow(
      /once anything is signed/,
    );
    const renamed = await setPolicyRoles(v.session, v.inspectionId, ['製表', '覆核', '核定']);
    expect(renamed.roles[0]).toEqual({ key: 'preparer', name: '製表' });
  });
});
