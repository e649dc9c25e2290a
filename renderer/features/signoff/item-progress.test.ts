/** An item's sign-off progress through the real service: unsigned, partial, complete, stale. */
import { describe, expect, it } from 'vitest';
import { payloadOf } from '../../data/vault-session';
import { itemProgress } from './item-progress';
import { signoffVault } from './testing';

describe('itemProgress', () => {
  it('follows an item from unsigned to complete, and to stale when its content changes', async () => {
    const vault = await signoffVault();
    const [first, second] = vault.items;
    if (first?.kind !== 'item' || second?.kind !== 'item') throw new Error('two items expected');
    const progress = async (itemId: string) => itemProgress(await vault.load(), itemId);
    expect(await progress(first.itemId)).toBe('unsigned');
    await vault.sign(0, [first, second], 1);
    expect(await progress(first.itemId)).toBe('partial');
    await vault.sign(1, [first], 2);
    await vault.sign(2, [first], 3);
    expect(await progress(first.itemId)).toBe('complete');

    const results = await vault.session.listChildren('itemResults', vault.inspectionId);
    const result = results.find((r) => r.itemId === first.itemId);
    if (result === undefined) throw new Error('no result');
    // Saved unchanged: nothing stales; changed: stale, ahead of everything else.
    await vault.session.update('itemResults', result.id, result.rev, payloadOf(result), 'same');
    expect(await progress(first.itemId)).toBe('complete');
    const again = await vault.session.get('itemResults', result.id);
    if (again === undefined) throw new Error('no result');
    await vault.session.update(
      'itemResults',
      again.id,
      again.rev,
      { ...payloadOf(again), notes: `${again.notes} 補充` },
      'edited',
    );
    // Notes are not signed content: still complete. The work performed is.
    expect(await progress(first.itemId)).toBe('complete');
    const third = await vault.session.get('itemResults', result.id);
    if (third === undefined) throw new Error('no result');
    await vault.session.update(
      'itemResults',
      third.id,
      third.rev,
      { ...payloadOf(third), workPerformed: `${third.workPerformed} 補充` },
      'edited',
    );
    expect(await progress(first.itemId)).toBe('stale');
    expect(await progress(second.itemId)).toBe('partial');
  }, 60_000);
});
