import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { formatIssue } from '../../core/issues.ts';
import { validateFiles } from '../validate-files.ts';
import { importSigningKey, MAX_PACK_BYTES, PackKeyError, signPack, type SigningKey } from '../../core/pack-signing/index.ts';

/** Writes atomically: a reader never sees half a pack. */
async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(value, null, 2) + '\n');
  await rename(tmp, file);
}

export const packBuildCommand = defineCommand({
  name: ['pack', 'build'],
  summary: '把定义包文件夹构建为单个 JSON（先完整校验）/ build pack folders into single JSON files (validated first)',
  usage: [
    'lvzhi pack build DIR... (-o PACK.json | --out-dir DIR [--with-deps]) [--key NAME.private.json]',
    '',
    'A pack that `requires` another (lvzhi.common) is checked against it: from the packs given, a',
    'packs/ folder nearby, or the built-in packs. The dependency is not copied into -o (the',
    'extension has the built-in packs); --out-dir DIR --with-deps writes it beside the pack.',
    '依赖的包（如 lvzhi.common）从给出的包、附近的 packs/ 文件夹或内置定义包中查找；',
    '-o 只写出本包（扩展已内置 lvzhi.common）；--out-dir 加 --with-deps 会把依赖一并写出。',
  ].join('\n'),
  options: {
    output: { type: 'string', short: 'o' },
    'out-dir': { type: 'string' },
    /** Signs each pack file (signed envelope, see core/pack-signing/README.md). */
    key: { type: 'string' },
    /** With --out-dir: write the packs the given ones require too (each signed with --key). */
    'with-deps': { type: 'boolean' },
  },
  async run({ values, positionals, cwd, out, err }) {
    if (positionals.length === 0) throw new UsageError('name a pack folder (or a folder of packs)');
    if (!values.output === !values['out-dir']) throw new UsageError('give -o FILE or --out-dir DIR');
    if (values['with-deps'] && !values['out-dir']) throw new UsageError('--with-deps writes several files: use --out-dir DIR, not -o');
    // Read the key before building, so a wrong key file writes nothing.
    let key: SigningKey | undefined;
    if (values.key) {
      try {
        key = await importSigningKey(await readFile(path.resolve(cwd, values.key), 'utf8'));
      } catch (e) {
        if (e instanceof PackKeyError) throw new UsageError(`--key ${values.key}: ${e.message} / ${e.messageEn}`);
        throw new UsageError(`--key ${values.key}: ${(e as Error).message}`);
      }
    }
    const finish = async (pack: unknown): Promise<unknown> => (key ? signPack(pack, key) : pack);
    const tooBig = (id: string, value: unknown): boolean => {
      const bytes = new TextEncoder().encode(JSON.stringify(value, null, 2)).length;
      if (bytes <= MAX_PACK_BYTES) return false;
      err(`${id}: 定义包过大（${(bytes / 1048576).toFixed(1)} MB，上限 ${MAX_PACK_BYTES / 1048576} MB），浏览器扩展不会接受 / pack too large for the extension`);
      return true;
    };
    const result = await validateFiles(positionals, cwd);
    if (result.issues.length > 0) {
      for (const i of result.issues) err(formatIssue(i));
      err(`没有写出任何文件：发现 ${result.issues.length} 个问题 / nothing written: ${result.issues.length} problem(s)`);
      return 1;
    }
    if (result.packs.length === 0) { err('没有找到定义包 / no pack found'); return 1; }
    const withDeps = values['with-deps'] === true;
    for (const d of result.dependencies) {
      const from = d.builtIn ? '内置定义包 / the built-in packs' : path.relative(cwd, d.source);
      out(`依赖 / requires ${d.pack.id}@${d.pack.version}：来自 ${from}${withDeps ? '，一并写出 / written too' : '，未打包（浏览器扩展须已有此包，内置包已有）/ not bundled (the extension must have it; it has the built-in ones)'}`);
    }
    if (values.output) {
      if (result.packs.length !== 1) throw new UsageError(`-o takes one pack; found ${result.packs.length}: use --out-dir`);
      const file = path.resolve(cwd, values.output);
      const built = await finish(result.packs[0]);
      if (tooBig(result.packs[0]!.id, built)) return 1;
      await writeJson(file, built);
      out(`${result.packs[0]!.id}@${result.packs[0]!.version} → ${path.relative(cwd, file)}${key ? `（已签名 / signed, kid ${key.kid}）` : ''}`);
      return 0;
    }
    const dir = path.resolve(cwd, values['out-dir']!);
    const written = withDeps ? [...result.packs, ...result.dependencies.map((d) => d.pack)] : result.packs;
    for (const pack of written) {
      const file = path.join(dir, `${pack.id}.json`);
      const built = await finish(pack);
      if (tooBig(pack.id, built)) return 1;
      await writeJson(file, built);
      out(`${pack.id}@${pack.version} → ${path.relative(cwd, file)}${key ? `（已签名 / signed, kid ${key.kid}）` : ''}`);
    }
    await writeJson(path.join(dir, 'index.json'), written);
    out(`${written.length} 个定义包 → ${path.relative(cwd, path.join(dir, 'index.json'))}`);
    return 0;
  },
});
