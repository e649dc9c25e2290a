import { describe, expect, it } from 'vitest';
import { asIsoInstant } from '../domain/dates';
import { lockingSignoff } from './lockdown';
import { signUnlock } from './signing';
import {
  InspectionLockedError,
  NotePermissionError,
  assertEditable,
  clearNote,
  isLocked,
  levelStatus,
  raiseNote,
  respondToNote,
  signProblems,
  unlockProblems,
} from './state';
import { PASSPHRASE, signoffFixture, type Fixture, must } from './testing';

const t = (minute: number) =>
  asIsoInstant(`2026-03-04T02:${String(minute).padStart(2, '0')}:00.000Z`);

function problemsOf(
  f: Fixture,
  who: number,
  subject: Parameters<typeof signProblems>[1]['subject'],
  level: number,
  at = t(59),
) {
  const person = must(f.people[who]);
  return signProblems(f.state(), {
    subject,
    level,
    fingerprint: person.fingerprint,
    publicKey: person.publicKey,
    at,
  }).map((p) => p.code);
}

describe('the sign-off state machine', () => {
  it('keeps the order of levels: a level waits for the ones it requires', async () => {
    const f = await signoffFixture();
    const item = { kind: 'item' as const, itemId: must(f.records.itemIds[0]) };
    expect(problemsOf(f, 1, item, 2)).toEqual(['order']);
    expect(problemsOf(f, 2, item, 3)).toEqual(['order']);
    expect(problemsOf(f, 0, item, 1)).toEqual([]);
    await f.sign(0, item, 1, t(1));
    expect(problemsOf(f, 1, item, 2)).toEqual([]);
    expect(problemsOf(f, 2, item, 3)).toEqual(['order']);
    // The inspection at a level waits for every item at that level.
    expect(problemsOf(f, 0, { kind: 'inspection' }, 1)).toEqual(['items-unsigned']);
    // A renamed or reordered policy: level 3 may require only level 1.
    f.policy.roles[2] = { key: 'approver', name: '總經理核定', requires: [1] };
    expect(problemsOf(f, 2, item, 3)).toEqual([]);
  });

  it('keeps separation of duties: one person signs one level of a thing, even with a new key', async () => {
    const f = await signoffFixture(['甲', '乙', '丙']);
    const item = { kind: 'item' as const, itemId: must(f.records.itemIds[0]) };
    f.trusted[1] = { ...must(f.trusted[1]), role: null };
    await f.sign(1, item, 1, t(1));
    expect(problemsOf(f, 1, item, 2)).toContain('separation');
    // Person 1's replacement key counts as the same person.
    f.trusted[2] = { ...must(f.trusted[2]), personId: must(f.trusted[1]).personId, role: null };
    expect(problemsOf(f, 2, item, 2)).toContain('separation');
    // Someone else may; and the role each signer holds is checked.
    f.trusted[2] = { ...must(f.trusted[2]), personId: 'other', role: 'approver' };
    expect(problemsOf(f, 2, item, 2)).toEqual(['wrong-role']);
    f.trusted[2] = { ...must(f.trusted[2]), role: null };
    expect(problemsOf(f, 2, item, 2)).toEqual([]);
  });

  it('lets open review notes block at and above their level, and only their author clear them', async () => {
    const f = await signoffFixture();
    const [first, second] = f.records.itemIds;
    const item = { kind: 'item' as const, itemId: must(first) };
    await f.sign(0, item, 1, t(1));
    const reviewer = { name: must(f.people[1]).name, fingerprint: must(f.people[1]).fingerprint };
    const preparer = { name: must(f.people[0]).name, fingerprint: must(f.people[0]).fingerprint };
    let note = raiseNote({
      inspectionId: f.policy.inspectionId,
      target: { kind: 'item', itemId: must(first) },
      level: 2,
      author: reviewer,
      text: '請補充抽樣方法',
      at: t(2),
    });
    f.notes.push(note);
    expect(problemsOf(f, 1, item, 2)).toEqual(['open-notes']);
    // Not below its level, not on other items.
    expect(problemsOf(f, 0, { kind: 'item', itemId: must(second) }, 1)).toEqual([]);
    // A note on a finding counts for the finding's item; the inspection sees every note.
    const findingNote = raiseNote({
      inspectionId: f.policy.inspectionId,
      target: { kind: 'finding', findingId: must(f.records.findings[0]).id, itemId: must(second) },
      level: 2,
      author: reviewer,
      text: '風險說明不足',
      at: t(2),
    });
    f.notes.push(findingNote);
    await f.sign(0, { kind: 'item', itemId: must(second) }, 1, t(3));
    expect(problemsOf(f, 1, { kind: 'item', itemId: must(second) }, 2)).toEqual(['open-notes']);

    note = respondToNote(note, preparer, '已補充', t(4));
    expect(() => clearNote(note, preparer, t(5))).toThrow(NotePermissionError);
    const cleared = clearNote(note, reviewer, t(5));
    expect(cleared.cleared).toEqual({ by: reviewer, at: t(5) });
    expect(cleared.responses).toHaveLength(1);
    expect(() => respondToNote(cleared, preparer, 'x', t(6))).toThrow(NotePermissionError);
    f.notes[0] = cleared;
    expect(problemsOf(f, 1, item, 2)).toEqual([]);
  });

  it('refuses a blank sign-off: no level signs an item without a result', async () => {
    const f = await signoffFixture();
    const first = must(f.records.itemResults[0]);
    const item = { kind: 'item' as const, itemId: first.itemId };
    f.records = {
      ...f.records,
      itemResults: [{ ...first, result: null }, ...f.records.itemResults.slice(1)],
    };
    expect(f.state().untested.has(first.itemId)).toBe(true);
    expect(problemsOf(f, 0, item, 1)).toEqual(['untested']);
    // 不適用 is a result: it can be signed.
    f.records = {
      ...f.records,
      itemResults: [{ ...first, result: 'not-applicable' }, ...f.records.itemResults.slice(1)],
    };
    expect(f.state().untested.has(first.itemId)).toBe(false);
    expect(problemsOf(f, 0, item, 1)).toEqual([]);
  });

  it('stales a sign-off when its content changes, not on an unchanged save', async () => {
    const f = await signoffFixture();
    const first = must(f.records.itemResults[0]);
    const item = { kind: 'item' as const, itemId: first.itemId };
    await f.sign(0, item, 1, t(1));
    expect(levelStatus(f.state(), item, 1).status).toBe('valid');

    const savedUnchanged = {
      ...f.records,
      itemResults: [{ ...first, rev: first.rev + 1 }, ...f.records.itemResults.slice(1)],
    };
    expect(levelStatus(f.state(savedUnchanged), item, 1).status).toBe('valid');

    // A change, however it arrives (the screen, an import, a merge), is a changed digest.
    const merged = {
      ...f.records,
      itemResults: [
        { ...first, rev: first.rev + 1, workPerformed: '合併後之內容' },
        ...f.records.itemResults.slice(1),
      ],
    };
    expect(levelStatus(f.state(merged), item, 1)).toMatchObject({
      status: 'stale',
      staleBecause: 'changed',
    });
    // Signing again clears it; the old sign-off stays in the history.
    f.records = merged;
    expect(problemsOf(f, 0, item, 1)).toEqual([]);
    await f.sign(0, item, 1, t(2));
    expect(levelStatus(f.state(), item, 1).status).toBe('valid');
    expect(f.signoffs).toHaveLength(2);
  });

  it("locks on the approver's final sign-off, and unlocks with their signature and a reason", async () => {
    const f = await signoffFixture();
    await f.signItems(0, 1, t(1));
    await f.sign(0, { kind: 'inspection' }, 1, t(2));
    await f.signItems(1, 2, t(3));
    await f.sign(1, { kind: 'inspection' }, 2, t(4));
    await f.signItems(2, 3, t(5));
    expect(isLocked(f.state())).toBe(false);
    await f.sign(2, { kind: 'inspection' }, 3, t(6));
    expect(isLocked(f.state())).toBe(true);
    const lockRecords = () => ({
      inspectionId: f.policy.inspectionId,
      policy: f.policy,
      signoffs: f.signoffs,
      unlocks: f.unlocks,
      signers: f.trusted,
    });
    expect(lockingSignoff(lockRecords())?.level).toBe(3);
    // The final sign-off of a key the engagement does not trust locks nothing.
    const untrusted = { ...lockRecords(), signers: f.trusted.filter((s) => s.role !== 'approver') };
    expect(lockingSignoff(untrusted)).toBeNull();
    expect(() => assertEditable(f.state())).toThrow(InspectionLockedError);
    expect(problemsOf(f, 0, { kind: 'item', itemId: must(f.records.itemIds[0]) }, 1)).toContain(
      'locked',
    );

    const approver = must(f.people[2]);
    const reviewer = must(f.people[1]);
    const ask = (who: typeof approver, reason: string) =>
      unlockProblems(f.state(), {
        fingerprint: who.fingerprint,
        publicKey: who.publicKey,
        reason,
        at: t(7),
      });
    expect(ask(reviewer, '更正')).toEqual(['not-approver']);
    expect(ask(approver, '  ')).toEqual(['no-reason']);
    expect(ask(approver, '受查單位補件，須更新 SR-04-01.1')).toEqual([]);
    await expect(
      signUnlock({
        identity: approver,
        passphrase: 'wrong passphrase!',
        inspectionId: f.policy.inspectionId,
        reason: 'x',
        now: t(7),
      }),
    ).rejects.toThrow(/passphrase/);
    f.unlocks.push(
      await signUnlock({
        identity: approver,
        passphrase: PASSPHRASE,
        inspectionId: f.policy.inspectionId,
        reason: '受查單位補件，須更新 SR-04-01.1',
        now: t(7),
      }),
    );
    expect(isLocked(f.state())).toBe(false);
    expect(levelStatus(f.state(), { kind: 'inspection' }, 3)).toMatchObject({
      status: 'stale',
      staleBecause: 'unlocked',
    });
    expect(() => assertEditable(f.state())).not.toThrow();
    // The levels below stay valid; the approver signs again to lock again.
    expect(levelStatus(f.state(), { kind: 'inspection' }, 2).status).toBe('valid');
    await f.sign(2, { kind: 'inspection' }, 3, t(8));
    expect(isLocked(f.state())).toBe(true);
  });

  it('counts only sign-offs by keys the engagement trusts, for their role, before retirement', async () => {
    const f = await signoffFixture();
    const item = { kind: 'item' as const, itemId: must(f.records.itemIds[0]) };
    await f.sign(0, item, 1, t(1));
    expect(levelStatus(f.state(), item, 1).status).toBe('valid');
    // The same record, its key no longer among the trusted signers (a merge brought it in).
    const trusted = [...f.trusted];
    f.trusted.splice(0, f.trusted.length, ...trusted.slice(1));
    expect(levelStatus(f.state(), item, 1).status).toBe('unsigned');
    // Trusted, but for another role than the level's.
    f.trusted.splice(
      0,
      f.trusted.length,
      { ...must(trusted[0]), role: 'approver' },
      ...trusted.slice(1),
    );
    expect(levelStatus(f.state(), item, 1).status).toBe('unsigned');
    // Retired before it signed; then retired after: the signature stands.
    f.trusted.splice(
      0,
      f.trusted.length,
      { ...must(trusted[0]), retiredAt: t(0) },
      ...trusted.slice(1),
    );
    expect(levelStatus(f.state(), item, 1).status).toBe('unsigned');
    f.trusted.splice(
      0,
      f.trusted.length,
      { ...must(trusted[0]), retiredAt: t(2) },
      ...trusted.slice(1),
    );
    expect(levelStatus(f.state(), item, 1).status).toBe('valid');
  });
});
