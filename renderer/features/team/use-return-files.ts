/**
 * The returns picked for a merge: read one dialog's files at a time, each with the package
 * passphrase or, if it is encrypted to recipients, with the signing identity chosen (opened
 * once for all). Files that cannot be read are kept as refusals, listed with the merge's.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageKey } from '../../../shared/package';
import { useApp } from '../../app/app-context';
import type { VaultSession } from '../../data/vault-session';
import { bilingualReason, describeTeamError } from './describe';
import type { ReceivedReturn, Refusal } from './merge';
import { useOpenIdentity } from './OpenIdentityFields';
import { isReturn, packageCodec } from './package-contents';
import { withOpenKeys } from './package-keys';

/** Up to 40 returns of up to 50 MiB each in one dialog. */
const PICK = { maxBytes: 50 * 1024 * 1024, maxFiles: 40 };

export function useReturnFiles(session: VaultSession, onAdded: () => void) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const [passphrase, setPassphrase] = useState('');
  const openWith = useOpenIdentity(session);
  const [files, setFiles] = useState<ReceivedReturn[]>([]);
  // Files refused as they were read (wrong passphrase, bad signature…): listed with the refusals.
  const [unread, setUnread] = useState<Refusal[]>([]);

  /** Reads one return into the list, or lists it as refused; the failure's text, or null. */
  async function addFile(
    picked: { name: string; data: Uint8Array },
    key: PackageKey,
  ): Promise<string | null> {
    try {
      const read = await packageCodec.read(picked.data, key);
      const contents = read.contents;
      if (!isReturn(contents)) throw new Error(t('team.notReturn'));
      const received = { fileName: picked.name, contents, hash: read.hash, signer: read.signer };
      setFiles((list) => [...list, received]);
      setUnread((list) => list.filter((r) => r.fileName !== picked.name));
      onAdded();
      return null;
    } catch (error) {
      const refusal = { fileName: picked.name, packageId: null, auditor: null };
      const text = bilingualReason(error, t);
      setUnread((list) => [
        ...list.filter((r) => r.fileName !== picked.name),
        { ...refusal, text },
      ]);
      return `${picked.name}: ${describeTeamError(error, t)}`;
    }
  }

  /** Picks and reads files; the failures' text (one line per file), or null. */
  async function addFiles(): Promise<string | null> {
    const picked = await platform.openFiles(PICK);
    const failures: string[] = [];
    try {
      const keys = { passphrase, identity: openWith.chosen() };
      await withOpenKeys(
        keys,
        picked.map((f) => f.data),
        async (keyFor) => {
          for (const file of picked) {
            const failed = await addFile(file, keyFor(file.data));
            if (failed !== null) failures.push(failed);
          }
        },
      );
    } catch (error) {
      // The signing identity did not open (a wrong signing passphrase): no file was read.
      failures.push(describeTeamError(error, t));
    }
    return failures.length > 0 ? failures.join('\n') : null;
  }

  return {
    passphrase,
    setPassphrase,
    openWith,
    files,
    unread,
    addFiles,
    clear: () => {
      setFiles([]);
      setUnread([]);
    },
  };
}
