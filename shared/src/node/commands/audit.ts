import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { importTrustedKey, parseAuditFile, PackKeyError, verifyAudit, verifyAuditHeadSignature, type AuditHead } from '../../core/index.ts';

/**
 * Exit codes: 0 the chain is intact *and* its head was checked (its signature with --key, or
 * the head given apart with --head); 1 tampered (a broken chain, a head or signature that does
 * not match); 2 the chain holds together but its head was not checked — whoever wrote the file
 * could have rewritten and re-hashed every entry, so this is never reported as intact.
 */
export const auditCommand = defineCommand({
  name: ['audit', 'verify'],
  summary: '校验审计记录的哈希链与签名的末端 / verify an audit trail’s hash chain and its signed head',
  usage: 'lvzhi audit verify FILE [--key PUBLIC.json] [--head HASH] [--json]',
  options: {
    key: { type: 'string' },
    head: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ values, positionals, cwd, out }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one audit file');
    if (values.head !== undefined && !/^[0-9a-f]{64}$/.test(values.head)) throw new UsageError('--head is a 64-character hex SHA-256');
    const path = resolve(cwd, positionals[0]!);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new Error(`无法读取 / cannot read ${positionals[0]}: ${(e as Error).message}`);
    }
    const file = parseAuditFile(json);
    const headProblems: string[] = [];
    const headChecks: string[] = [];
    let head: AuditHead | null = file.head;

    if (values.key !== undefined) {
      let key;
      try {
        key = await importTrustedKey(await readFile(resolve(cwd, values.key), 'utf8'));
      } catch (e) {
        const m = e instanceof PackKeyError ? `${e.message} / ${e.messageEn}` : (e as Error).message;
        throw new UsageError(`--key ${values.key}: ${m}`);
      }
      const sig = await verifyAuditHeadSignature(file.head, file.headSignature, key);
      if (sig.ok) headChecks.push(`末端签名有效（密钥 ${sig.kid}） / the head signature is valid (key ${sig.kid})`);
      else headProblems.push(`${sig.message} / ${sig.messageEn}`);
    }
    if (values.head !== undefined) {
      // the head kept apart (given on the command line) wins over the one stored with the entries
      const idx = file.entries.findIndex((e) => e.hash === values.head);
      head = { seq: idx >= 0 ? file.entries[idx]!.seq : (file.entries.at(-1)?.seq ?? 0) + 1, hash: values.head, at: '' };
      headChecks.push('末端哈希由 --head 单独给出 / the head hash was given apart (--head)');
    }

    const v = await verifyAudit(file.entries, head);
    const tampered = !v.ok || headProblems.length > 0;
    const checked = headChecks.length > 0;
    const code = tampered ? 1 : checked ? 0 : 2;
    if (values.json) out(JSON.stringify({ ...v, ok: code === 0, headChecked: checked, headProblems, code }, null, 2));
    else {
      out(`${positionals[0]}: ${v.entries} 条记录 / entries`);
      for (const p of v.problems) out(`! ${p.message} / ${p.messageEn}`);
      for (const p of headProblems) out(`! ${p}`);
      for (const c of headChecks) out(`✓ ${c}`);
      if (!checked) {
        out('? 末端未经核对：未给出公钥（--key）或单独保存的末端哈希（--head）。写得了此文件的人也能改写并重算整条链 / the head was NOT checked: give the public key (--key) or the head kept apart (--head); whoever could write this file could rewrite and re-hash the whole chain');
      }
      out(tampered ? '结论：审计链被改动 / the audit trail was TAMPERED WITH'
        : checked ? '结论：审计链完整 / the audit trail is intact'
          : '结论：哈希链自身一致，但末端未经核对 / the chain is consistent, but its head was not checked');
    }
    return code;
  },
});
