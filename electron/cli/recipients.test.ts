/**
 * Packages encrypted to recipients' public keys on the command line, on real files: identity
 * files made and opened with the signing passphrase from the environment or a file, recipient
 * statements put into a team file, packages written to its recipients and opened with
 * `--identity`, the merged hand-out encrypted to the team, and a team file whose recipient was
 * tampered with refused everywhere it is read.
 */
import { parseRecipientCard } from '../../shared/signoff/recipient-card';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgeHeader } from '../../shared/package/age-header';
import { fastKdf } from '../../shared/signoff/testing';
import { run, type CliIo } from './main';

const NOW = new Date('2026-03-04T02:00:00.000Z');
const MINE = 'my own signing passphrase';

function diskIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    writeFile: (path, bytes) => writeFile(path, bytes),
    writeSecretFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600, flag: 'wx' }),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    fileSize: async (path) => (await stat(path)).size,
    now: () => NOW,
    env,
    scryptLogN: 10,
    kdf: fastKdf,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function cli(argv: readonly string[], env: Record<string, string> = {}) {
  const disk = diskIo(env);
  const code = await run(argv, disk.io);
  return { code, stdout: disk.stdout(), stderr: disk.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'aw-recipients-'));
const keys = join(dir, 'keys');
const team = join(keys, 'team.json');
const sent = join(dir, 'sent');
const me = join(dir, 'me.identity.json');
const auditor1 = { AW_SIGNING_PASSPHRASE: 'demo auditor 1 passphrase' };
const lead = { AW_SIGNING_PASSPHRASE: 'demo lead passphrase' };

interface TeamFile {
  signers: { name: string; fingerprint: string; recipient?: string; recipientSignature?: string }[];
}
const readTeam = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as TeamFile;

describe('packages encrypted to recipients, on the command line', () => {
  beforeAll(async () => {
    // The demo team's keys, identity files and team.json (with their age recipients)…
    const made = await cli(['sample', '--package', join(dir, 'h.awpkg'), '--keys', keys], {
      AW_PACKAGE_PASSPHRASE: 'KX4M2-9QRTB-7HV3N-PW8CD-Z5J6A',
    });
    expect(made.code, made.stderr).toBe(0);
    // …then a round of packages encrypted to that team instead of a passphrase.
    const to = await cli(['sample', '--returns', sent, '--to', team]);
    expect(to.code, to.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a team file whose signers carry recipient statements, and packages to them', () => {
    const signers = readTeam(team).signers;
    expect(signers).toHaveLength(3);
    for (const s of signers) expect(s.recipient).toMatch(/^age1/);
    const header = readAgeHeader(readFileSync(join(sent, 'return-1.awpkg')));
    expect(header.mode).toBe('recipients');
    expect(header.stanzas).toEqual(['X25519', 'X25519', 'X25519']);
  });

  it('opens a package with --identity and the signing passphrase from the environment or a file', async () => {
    const ret = join(sent, 'return-1.awpkg');
    const info = await cli(
      ['package-info', ret, '--identity', join(keys, 'auditor-1.identity.json')],
      auditor1,
    );
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ verified: true, kind: 'return' });
    const passFile = join(dir, 'lead.pass');
    writeFileSync(passFile, 'demo lead passphrase\n');
    const verified = await cli([
      'verify',
      ret,
      '--identity',
      join(keys, 'lead.identity.json'),
      '--signing-passphrase-file',
      passFile,
    ]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout + verified.stderr).not.toContain('demo lead passphrase');
  });

  it('says which key a package needs, and refuses a wrong signing passphrase', async () => {
    const ret = join(sent, 'return-1.awpkg');
    const byPassphrase = await cli(['package-info', ret, '--passphrase', 'KX4M2-9QRTB-7HV3N']);
    expect(byPassphrase.code).toBe(1);
    expect(byPassphrase.stderr).toContain('needs-identity');
    const wrong = await cli(['package-info', ret, '--identity', join(keys, 'lead.identity.json')], {
      AW_SIGNING_PASSPHRASE: 'not the lead passphrase',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/signing passphrase is wrong/);
    const none = await cli(['package-info', ret, '--identity', join(keys, 'lead.identity.json')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('AW_SIGNING_PASSPHRASE');
  });

  it('makes an identity, refuses it where it is no recipient, and adds its statement to a team file', async () => {
    const made = await cli(['identity', '--new', me, '--name', '王小明'], {
      AW_SIGNING_PASSPHRASE: MINE,
    });
    expect(made.code, made.stderr).toBe(0);
    expect(statSync(me).mode & 0o777).toBe(0o600);
    const mine = { AW_SIGNING_PASSPHRASE: MINE };
    const notMine = await cli(
      ['package-info', join(sent, 'return-1.awpkg'), '--identity', me],
      mine,
    );
    expect(notMine.code).toBe(1);
    expect(notMine.stderr).toContain('not-for-you');
    expect(notMine.stderr).toContain('this package is not encrypted to this identity');

    // A team file of one: 王小明, added without a recipient; the statement is added after.
    const { fingerprint, publicKey } = JSON.parse(made.stdout) as Record<string, string>;
    const own = join(dir, 'own-team.json');
    const signer = { personId: 'me', name: '王小明', role: null, fingerprint, publicKey };
    const meta = {
      addedBy: '王小明',
      addedAt: NOW.toISOString(),
      retiredAt: null,
      replacedBy: null,
    };
    writeFileSync(
      own,
      JSON.stringify({
        format: 'aw-trusted-signers',
        version: 1,
        signers: [{ ...signer, ...meta }],
      }),
    );
    const noRecipients = await cli(['sample', '--returns', join(dir, 'x'), '--to', own]);
    expect(noRecipients.code).toBe(2);
    expect(noRecipients.stderr).toContain('has no age recipients');
    const added = await cli(['identity', '--age-recipient', me, '--add-to', own], mine);
    expect(added.code, added.stderr).toBe(0);
    // What the CLI prints is the signer card 設定 → 簽章身分 imports.
    const statement = await parseRecipientCard(added.stdout);
    expect(readTeam(own).signers[0]?.recipient).toBe(statement.recipient);
    const mineDir = join(dir, 'mine');
    expect((await cli(['sample', '--returns', mineDir, '--to', own])).code).toBe(0);
    const opened = await cli(
      ['package-info', join(mineDir, 'return-2.awpkg'), '--identity', me],
      mine,
    );
    expect(opened.code, opened.stderr).toBe(0);
  });

  it('merges with --identity and encrypts the merged hand-out to the engagement team', async () => {
    const out = join(dir, 'merged.awpkg');
    const report = join(dir, 'merge.json');
    const args = ['merge', '--base', join(sent, 'handout.awpkg'), '--out', out, '--report', report];
    const leadId = ['--identity', join(keys, 'lead.identity.json')];
    const rets = [join(sent, 'return-1.awpkg'), join(sent, 'return-2.awpkg')];
    const first = await cli([...args, ...leadId, ...rets], lead);
    expect(first.code, first.stderr).toBe(1);
    const conflicts = (
      JSON.parse(readFileSync(report, 'utf8')) as {
        conflicts: { id: string; options: { id: string }[] }[];
      }
    ).conflicts;
    const decisions = join(dir, 'decisions.json');
    writeFileSync(
      decisions,
      JSON.stringify({
        conflicts: Object.fromEntries(conflicts.map((c) => [c.id, { pick: c.options[0]?.id }])),
      }),
    );
    const done = await cli([...args, '--decisions', decisions, ...leadId, ...rets], lead);
    expect(done.code, done.stderr).toBe(0);
    // The sample's hand-out carries its own demo team; the merged package goes to them.
    const header = readAgeHeader(readFileSync(out));
    expect(header.mode).toBe('recipients');
    expect(header.stanzas.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a team file whose recipient signature was tampered with, wherever it is read', async () => {
    const file = readTeam(team);
    const [first, second] = file.signers;
    if (first === undefined || second === undefined) throw new Error('no signers');
    // Someone sets another person's recipient beside 張雅婷's key.
    first.recipient = second.recipient;
    const bad = join(dir, 'bad-team.json');
    writeFileSync(bad, JSON.stringify(file));
    const send = await cli(['sample', '--returns', join(dir, 'bad'), '--to', bad]);
    expect(send.code).toBe(1);
    expect(send.stderr).toMatch(/age recipient of 張雅婷 .* is refused/);
    const check = await cli(
      [
        'verify',
        join(sent, 'return-1.awpkg'),
        '--signers',
        bad,
        '--identity',
        join(keys, 'lead.identity.json'),
      ],
      lead,
    );
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/is refused/);
  });

  it('exports the age secret key only to a new file only its owner can read', async () => {
    const keyFile = join(dir, 'age-key.txt');
    const args = [
      'identity',
      '--age-secret-key',
      join(keys, 'auditor-1.identity.json'),
      '--out',
      keyFile,
    ];
    const done = await cli(args, auditor1);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('keep it private');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/m);
    const again = await cli(args, auditor1);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('must not exist yet');
  });
});
