// lvzhi pack keygen / pack build --key / pack verify, through the real bin (exit codes, files,
// modes) and in-process for the finer cases.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lvzhiInProcess, lvzhiNpx } from '../harness/cli.ts';
import { MAX_PACK_BYTES } from '@lvzhi/shared';

let dir: string;

const lvzhi = (...args: string[]) => lvzhiNpx(args);
const inProcess = (...args: string[]) => lvzhiInProcess(args);

const f = (name: string) => path.join(dir, name);

beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'lvzhi-keys-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('lvzhi pack keygen / build --key / verify (bin)', () => {
  it('makes a key pair, the private one readable by its owner only', async () => {
    const r = await lvzhi('pack', 'keygen', '-o', f('office'), '--name', '某区人大常委会办公室');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('office.private.json');
    expect(statSync(f('office.private.json')).mode & 0o777).toBe(0o600);
    const pub = JSON.parse(readFileSync(f('office.public.json'), 'utf8')) as Record<string, unknown>;
    expect(pub).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', name: '某区人大常委会办公室' });
    expect(pub).not.toHaveProperty('d');
    expect(r.stdout).toContain(`kid: ${String(pub['kid'])}`);
    // never overwrites a key
    const again = await lvzhi('pack', 'keygen', '-o', f('office'));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('signs a built pack and verifies it: exit 0 only for the trusted key and an intact file', async () => {
    const built = await lvzhi('pack', 'build', 'forms/packs/common', '-o', f('common.json'), '--key', f('office.private.json'));
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/已签名/);
    const env = JSON.parse(readFileSync(f('common.json'), 'utf8')) as { format: string; pack: { id: string } };
    expect(env.format).toBe('lvzhi.signed-pack/1');
    expect(env.pack.id).toBe('lvzhi.common');

    const ok = await lvzhi('pack', 'verify', f('common.json'), '--trust', f('office.public.json'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('✓ lvzhi.common@1.0.0');

    // one byte changed inside a Chinese title
    const text = readFileSync(f('common.json'), 'utf8');
    writeFileSync(f('forged.json'), text.replace('"title": "通用', '"title": "通甪'));
    const forged = await lvzhi('pack', 'verify', f('forged.json'), '--trust', f('office.public.json'));
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/forged\.json: \$\.signature\.value: 签名不符/);
  });
});

describe('lvzhi pack verify (in-process)', () => {
  it('refuses another key, an unsigned pack, an oversized file, a signed invalid pack', async () => {
    expect((await inProcess('pack', 'keygen', '-o', f('other'))).code).toBe(0);
    const other = await inProcess('pack', 'verify', f('common.json'), '--trust', f('other.public.json'));
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/不在受信任的公钥中/);
    // trusting both keys is fine
    expect((await inProcess('pack', 'verify', f('common.json'), '--trust', f('other.public.json'), '--trust', f('office.public.json'))).code).toBe(0);

    expect((await inProcess('pack', 'build', 'forms/packs/common', '-o', f('plain.json'))).code).toBe(0);
    const unsigned = await inProcess('pack', 'verify', f('plain.json'), '--trust', f('office.public.json'));
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/plain\.json: \$: 定义包没有签名/);

    writeFileSync(f('huge.json'), ' '.repeat(MAX_PACK_BYTES + 10));
    const huge = await inProcess('pack', 'verify', f('huge.json'), '--trust', f('office.public.json'));
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/文件过大/);

    // signed but not a pack: signature fine, content refused
    const { importSigningKey, signPack } = await import('@lvzhi/shared');
    const key = await importSigningKey(readFileSync(f('office.private.json'), 'utf8'));
    writeFileSync(f('bad-pack.json'), JSON.stringify(await signPack({ id: 'x.y', version: 'one', title: '坏' }, key)));
    const badPack = await inProcess('pack', 'verify', f('bad-pack.json'), '--trust', f('office.public.json'));
    expect(badPack.code).toBe(1);
    expect(badPack.stderr).toMatch(/\$\.pack\.version/);
  });

  it('checks references against --with packs', async () => {
    expect((await inProcess('pack', 'build', 'forms/packs/meetings', '-o', f('meetings.json'), '--key', f('office.private.json'))).code).toBe(0);
    const alone = await inProcess('pack', 'verify', f('meetings.json'), '--trust', f('office.public.json'), '--with', 'forms/packs/common');
    expect(alone.code, alone.stderr).toBe(0);
  });

  it('reports usage errors with exit 2 and refuses a private key as trust', async () => {
    expect((await inProcess('pack', 'verify', f('common.json'))).code).toBe(2);
    const priv = await inProcess('pack', 'verify', f('common.json'), '--trust', f('office.private.json'));
    expect(priv.code).toBe(2);
    expect(priv.stderr).toMatch(/私钥/);
    const pubAsKey = await inProcess('pack', 'build', 'forms/packs/common', '-o', f('x.json'), '--key', f('office.public.json'));
    expect(pubAsKey.code).toBe(2);
    expect(pubAsKey.stderr).toMatch(/private\.json/);
    expect(() => statSync(f('x.json'))).toThrow();
    expect((await inProcess('pack', 'keygen')).code).toBe(2);
  });
});

describe('lvzhi pack build: a family pack outside the repository that requires lvzhi.common', () => {
  it('builds and signs it with -o (lvzhi.common found among the built-in packs, not bundled), and bundles it with --out-dir --with-deps', async () => {
    const { cpSync } = await import('node:fs');
    // An office's own pack in a folder with no packs/ anywhere above it (the temp directory).
    const work = mkdtempSync(path.join(tmpdir(), 'lvzhi-family-'));
    try {
      cpSync('forms/packs/letters', path.join(work, 'my-pack'), { recursive: true });
      const manifest = path.join(work, 'my-pack', 'pack.json');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"id": "lvzhi.letters"', '"id": "town.letters"'));
      expect((await inProcess('pack', 'keygen', '-o', path.join(work, 'office'))).code).toBe(0);
      const key = path.join(work, 'office.private.json');
      const built = await lvzhiInProcess(['pack', 'build', 'my-pack', '-o', 'my-pack.json', '--key', key], { cwd: work });
      expect(built.code, built.stderr).toBe(0);
      expect(built.stdout).toMatch(/依赖 \/ requires lvzhi\.common@[\d.]+：来自 内置定义包.*未打包/);
      const env = JSON.parse(readFileSync(path.join(work, 'my-pack.json'), 'utf8')) as { pack: { id: string; requires: Record<string, string> } };
      expect(env.pack.id).toBe('town.letters');
      expect(env.pack.requires).toHaveProperty('lvzhi.common');
      const verified = await lvzhiInProcess(['pack', 'verify', 'my-pack.json', '--trust', 'office.public.json'], { cwd: work });
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      // validate finds the dependency the same way
      expect((await lvzhiInProcess(['validate', 'my-pack'], { cwd: work })).code).toBe(0);

      const family = await lvzhiInProcess(['pack', 'build', 'my-pack', '--out-dir', 'dist', '--with-deps', '--key', key], { cwd: work });
      expect(family.code, family.stderr).toBe(0);
      const index = JSON.parse(readFileSync(path.join(work, 'dist', 'index.json'), 'utf8')) as Array<{ id: string }>;
      expect(index.map((p) => p.id).sort()).toEqual(['lvzhi.common', 'town.letters']);
      expect((await lvzhiInProcess(['pack', 'build', 'my-pack', '-o', 'x.json', '--with-deps'], { cwd: work })).code).toBe(2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
