/**
 * `audit-workbench identity`: a signing identity on the command line, for packages encrypted to
 * their recipients' public keys. `--new` makes one (as 設定 → 簽章身分 does), `--age-recipient`
 * prints its recipient statement (and can put it into a team file), `--age-secret-key` writes
 * its age secret key for the stock age tool. The signing passphrase comes from
 * `--signing-passphrase-file` or `AW_SIGNING_PASSPHRASE`, never the command line.
 */
import { parseArgs } from 'node:util';
import { utf8 } from '../../../shared/crypto/bytes';
import { toIsoInstant } from '../../../shared/domain/dates';
import {
  ageSecretKey,
  recipientStatementOf,
  withAgeIdentity,
} from '../../../shared/signoff/age-key';
import {
  createIdentity,
  identityFileText,
  type IdentityFile,
} from '../../../shared/signoff/identity';
import { recipientCardOf, recipientCardText } from '../../../shared/signoff/recipient-card';
import { trustedSignersFileText } from '../../../shared/signoff/team-file';
import { EXIT_OK, EXIT_REFUSED, UsageError, errorMessage, type CliIo } from '../io';
import { SIGNING_PASSPHRASE_ENV, givenIdentity, givenSigningPassphrase } from '../package-key';
import { readSigners } from './signers';
import { Refused } from './inspect';

export const IDENTITY_COMMAND_HELP = `audit-workbench identity --new FILE --name NAME
audit-workbench identity --age-recipient FILE [--add-to team.json]
audit-workbench identity --age-secret-key FILE --out KEYFILE

A signing identity (簽章身分: an Ed25519 key sealed by its signing passphrase) also has an age
key, derived from it, for packages encrypted to their recipients' public keys. Every form
reads the signing passphrase from --signing-passphrase-file FILE (first line) or
${SIGNING_PASSPHRASE_ENV}, never from the command line.
  --new FILE           make a new identity file (12 characters or more of passphrase)
  --name NAME          with --new: the person's name as it appears in signatures
  --age-recipient FILE print the identity's recipient statement as JSON: its age recipient
                       (age1…) signed by its signing key, which is what a trusted signer
                       needs for packages to be encrypted to them
  --add-to TEAM        with --age-recipient: put the statement into the team file's entry
                       of this identity's key (the file \`--signers\` and \`--to\` read)
  --age-secret-key FILE
                       write the identity's age secret key (AGE-SECRET-KEY-1…) to --out,
                       a new file only you can read (mode 0600), so the stock age tool opens
                       packages encrypted to you without the workbench
                       (age -d -i KEYFILE -o p.zip F.awpkg). Anyone holding that file opens
                       them: keep it private and delete it when done.
  --out KEYFILE        with --age-secret-key: where to write it (refused if it exists)`;

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      new: { type: 'string' },
      name: { type: 'string' },
      'age-recipient': { type: 'string' },
      'add-to': { type: 'string' },
      'age-secret-key': { type: 'string' },
      out: { type: 'string', short: 'o' },
      'signing-passphrase-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

type Values = ReturnType<typeof parse>;

async function newIdentity(io: CliIo, file: string, values: Values): Promise<number> {
  if (values.name === undefined) throw new UsageError('identity --new needs --name NAME');
  const passphrase = await givenSigningPassphrase(io, values['signing-passphrase-file']);
  const { identity } = await createIdentity({
    name: values.name,
    passphrase,
    now: toIsoInstant(io.now?.() ?? new Date()),
    ...(io.kdf === undefined ? {} : { kdf: io.kdf() }),
  });
  await writePrivate(io, file, identityFileText(identity));
  io.stdout(
    `${JSON.stringify({ file, name: identity.name, fingerprint: identity.fingerprint, publicKey: identity.publicKey })}\n`,
  );
  return EXIT_OK;
}

async function writePrivate(io: CliIo, file: string, text: string): Promise<void> {
  if (io.writeSecretFile === undefined) {
    throw new Refused('this host cannot write a file only its owner can read');
  }
  try {
    await io.writeSecretFile(file, utf8(text));
  } catch (error) {
    throw new Refused(`cannot write ${file} (it must not exist yet): ${errorMessage(error)}`);
  }
}

/** The team file with this identity's entry (by fingerprint) given the statement. */
async function addToTeam(io: CliIo, team: string, identity: IdentityFile, statement: object) {
  const signers = await readSigners(io, team);
  if (!signers.some((s) => s.fingerprint === identity.fingerprint)) {
    throw new Refused(
      `${team}: no trusted signer has the key ${identity.fingerprint}; add the key there first`,
    );
  }
  const updated = signers.map((s) =>
    s.fingerprint === identity.fingerprint ? { ...s, ...statement } : s,
  );
  await io.writeFile(team, utf8(trustedSignersFileText(updated)));
}

async function recipient(io: CliIo, file: string, values: Values): Promise<number> {
  const { identity, passphrase } = await givenIdentity(io, file, values['signing-passphrase-file']);
  const statement = await recipientStatementOf(identity, passphrase);
  if (values['add-to'] !== undefined) await addToTeam(io, values['add-to'], identity, statement);
  const addedTo: Record<string, string> =
    values['add-to'] === undefined ? {} : { addedTo: values['add-to'] };
  io.stdout(recipientCardText(recipientCardOf(identity, statement), addedTo));
  return EXIT_OK;
}

async function secretKey(io: CliIo, file: string, values: Values): Promise<number> {
  if (values.out === undefined) throw new UsageError('identity --age-secret-key needs --out FILE');
  const { identity, passphrase } = await givenIdentity(io, file, values['signing-passphrase-file']);
  const publicKey = await withAgeIdentity(identity, passphrase, (age) => age.recipient);
  const created = (io.now?.() ?? new Date()).toISOString();
  // age-keygen's layout: comment lines, then the key; `age -i` reads it as is.
  const text = `# created: ${created}\n# identity: ${identity.name} ${identity.fingerprint}\n# public key: ${publicKey}\n${await ageSecretKey(identity, passphrase)}\n`;
  await writePrivate(io, values.out, text);
  io.stdout(
    `wrote the age secret key of ${identity.name} (${identity.fingerprint}) to ${values.out} (mode 0600), for: age -d -i ${values.out} -o p.zip F.awpkg\nAnyone holding that file opens every package encrypted to ${publicKey}: keep it private and delete it when done.\n`,
  );
  return EXIT_OK;
}

export async function identityCommand(args: readonly string[], io: CliIo): Promise<number> {
  const values = parse(args);
  if (values.help === true) {
    io.stdout(`${IDENTITY_COMMAND_HELP}\n`);
    return EXIT_OK;
  }
  const forms = [values.new, values['age-recipient'], values['age-secret-key']];
  if (forms.filter((f) => f !== undefined).length !== 1) {
    throw new UsageError('identity takes one of --new, --age-recipient, --age-secret-key');
  }
  try {
    if (values.new !== undefined) return await newIdentity(io, values.new, values);
    if (values['age-recipient'] !== undefined) {
      return await recipient(io, values['age-recipient'], values);
    }
    return await secretKey(io, values['age-secret-key'] ?? '', values);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.stderr(`identity: refused: ${error.message}\n`);
    return EXIT_REFUSED;
  }
}
