import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { formatIssue, issue, type ValidationIssue } from '../../core/issues.ts';
import { validatePackSet } from '../../core/validate-pack.ts';
import { packSchema } from '../../core/pack-schema.ts';
import { fromZodIssues } from '../../core/issues.ts';
import {
  importTrustedKey, MAX_PACK_BYTES, PackKeyError, parsePackText, tooLargeIssue, verifySignedPack, type TrustedKey,
} from '../../core/pack-signing/index.ts';
import { loadPaths } from '../load.ts';

export const packVerifyCommand = defineCommand({
  name: ['pack', 'verify'],
  summary: '校验签名定义包：完整且由受信任的密钥签名 / check a signed pack: intact and signed by a trusted key',
  usage: 'lvzhi pack verify PACK.json --trust PUBLIC-KEY [--trust KEY…] [--with PACKS-DIR]',
  options: {
    trust: { type: 'string', multiple: true },
    with: { type: 'string', multiple: true },
  },
  async run({ values, positionals, cwd, out, err }) {
    if (positionals.length !== 1) throw new UsageError('name one signed pack file');
    const trustFiles = values.trust ?? [];
    if (trustFiles.length === 0) throw new UsageError('give --trust PUBLIC-KEY (a .public.json or PEM file)');
    const trusted: TrustedKey[] = [];
    for (const f of trustFiles) {
      const file = path.resolve(cwd, f);
      try {
        trusted.push(await importTrustedKey(await readFile(file, 'utf8')));
      } catch (e) {
        if (e instanceof PackKeyError) throw new UsageError(`${f}: ${e.message} / ${e.messageEn}`);
        throw new UsageError(`${f}: ${(e as Error).message}`);
      }
    }
    const file = path.resolve(cwd, positionals[0]!);
    const source = path.relative(cwd, file) || file;
    const report = (issues: ValidationIssue[]) => {
      for (const i of issues) err(formatIssue(i));
      err(`✗ ${source}：未通过 / rejected`);
      return 1;
    };
    const size = (await stat(file)).size;
    if (size > MAX_PACK_BYTES) return report([tooLargeIssue(source, size)]);
    const parsed = parsePackText(await readFile(file), source);
    if (!parsed.ok) return report(parsed.issues);
    const verified = await verifySignedPack(parsed.json, trusted, source);
    if (!verified.ok) return report(verified.issues);
    // The signature is good; the content must also be a pack (its shape, or fully with --with).
    let problems: ValidationIssue[];
    if (values.with && values.with.length > 0) {
      const deps = await loadPaths(values.with, cwd);
      const id = (verified.pack as { id?: unknown }).id;
      const others = deps.documents.filter((d) => d.kind === 'pack' && (d.json as { id?: unknown }).id !== id);
      const result = validatePackSet([...others.map((d) => ({ source: d.source, json: d.json })), { source, json: verified.pack }]);
      problems = [...deps.issues, ...result.issues.filter((i) => i.source === source)];
    } else {
      const shape = packSchema.safeParse(verified.pack, { reportInput: true });
      problems = shape.success ? [] : fromZodIssues(shape.error.issues, ['pack']).map((i) => ({ source, ...i }));
    }
    if (problems.length > 0) {
      return report([{ source, ...issue([], 'invalid-pack', '签名有效，但定义包内容有错误：', 'the signature is valid but the pack has errors:') }, ...problems]);
    }
    const pack = verified.pack as { id: string; version: string };
    out(`✓ ${pack.id}@${pack.version}：签名有效 / signature valid`);
    out(`  密钥 / key: ${verified.key.name ? verified.key.name + ' ' : ''}${verified.key.kid}`);
    out(`  签名时间 / signed at: ${verified.signature.signedAt}`);
    return 0;
  },
});
