/**
 * Test set-up for team work: a lead's vault (Dexie on fake-indexeddb) with a note, an auditor's
 * vault opened from its hand-out, and a host whose save dialog saves, is cancelled or fails.
 */
import type { IdentityFile } from '../../../shared/signoff/identity';
import { PASSPHRASE as SIGNING_PASS, fastKdf } from '../../../shared/signoff/testing';
import { freshIdb, sampleEngagement, sampleNote } from '../../data/testing/factories';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import type { Platform, SaveFileRequest } from '../../platform/platform';
import { createSigningIdentity } from '../signoff/identities';
import { awpkgCodec } from './awpkg-codec';
import { openHandout, prepareHandout } from './handout';
import type { ReceivedReturn } from './merge';
import type { ReturnContents } from './package-contents';
import { savePackageFile } from './package-file';
import { prepareReturn } from './send-back';

export const VAULT_PASS = 'package file passphrase';

/** A host whose save dialog does what `set` said last; keeps every request it was given. */
export function fakeHost() {
  let outcome: 'cancel' | 'fail' | 'save' = 'save';
  const requests: SaveFileRequest[] = [];
  const platform = {
    host: 'browser',
    appInfo: () => Promise.resolve({ version: '0.1.0', host: 'browser', hostVersion: 'test' }),
    saveFile: (request: SaveFileRequest) => {
      requests.push(request);
      if (outcome === 'fail') return Promise.reject(new Error('disk full'));
      return Promise.resolve({ saved: outcome === 'save' });
    },
    openFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    anchors: { read: () => Promise.resolve(null), write: () => Promise.resolve() },
    onLockRequest: () => () => undefined,
  } satisfies Platform;
  return {
    platform,
    requests,
    /** The bytes of the last file the host was asked to save. */
    lastSaved: () => requests.at(-1)?.data ?? new Uint8Array(),
    set: (next: typeof outcome) => {
      outcome = next;
    },
  };
}

export async function leadVault(): Promise<VaultSession> {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await store.create({
    label: 'lead',
    passphrase: VAULT_PASS,
    owner: '陳組長',
    engagement: sampleEngagement(),
  });
  await session.create('notes', sampleNote({ title: '共同底稿' }), 'n');
  return session;
}

/** 林甲's vault, opened from a hand-out of `lead` (recorded there). */
export async function auditorVault(lead: VaultSession): Promise<VaultSession> {
  const prepared = await prepareHandout(lead, '林甲', ['SR-04']);
  await prepared.record();
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await openHandout(store, prepared.contents, {
    label: '林甲',
    passphrase: VAULT_PASS,
    owner: '林甲',
  });
  return session;
}

export const PKG_PASS = 'package passphrase 44';

/** A signing identity made in `session` (fast KDF), as its file. */
export async function identityIn(session: VaultSession, name: string): Promise<IdentityFile> {
  const made = await createSigningIdentity(session, {
    name,
    passphrase: SIGNING_PASS,
    kdf: fastKdf(),
  });
  return payloadOf(made.record);
}

/** A return of `auditor`'s vault saved through the app (signed by `identity` if given), read back. */
export async function returnSignedBy(
  auditor: VaultSession,
  fileName: string,
  identity: IdentityFile | null,
): Promise<ReceivedReturn> {
  const host = fakeHost();
  const signing = identity ? { identity, passphrase: SIGNING_PASS } : null;
  await savePackageFile(host.platform, await prepareReturn(auditor), {
    passphrase: PKG_PASS,
    generated: false,
    signing,
  });
  const read = await awpkgCodec.read(host.lastSaved(), PKG_PASS);
  return {
    fileName,
    contents: read.contents as ReturnContents,
    hash: read.hash,
    signer: read.signer,
  };
}
