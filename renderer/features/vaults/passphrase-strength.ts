/**
 * Passphrase strength from zxcvbn-ts (a well-kept estimator), never a home-made score. The
 * dictionaries are loaded on first use so they do not slow down start-up.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

let factory: Promise<ZxcvbnFactory> | null = null;

function load(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      }),
  );
  return factory;
}

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** Scores 0 (too guessable) to 4 (very unguessable); user inputs count against the score. */
export async function passphraseStrength(
  passphrase: string,
  userInputs: string[],
): Promise<StrengthScore> {
  if (!passphrase) return 0;
  const zxcvbn = await load();
  return zxcvbn.check(passphrase, userInputs.filter(Boolean)).score;
}
