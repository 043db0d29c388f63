import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { parseAuditFile, verifyAudit } from '../../core/index.ts';

export const auditCommand = defineCommand({
  name: ['audit', 'verify'],
  summary: '校验审计记录的哈希链 / verify an audit trail’s hash chain',
  usage: 'lvzhi audit verify FILE [--head HASH] [--json]',
  options: {
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
    // the head kept apart (given on the command line) wins over the one stored with the entries
    const head = values.head ? { seq: file.head?.hash === values.head ? file.head.seq : Number.MAX_SAFE_INTEGER, hash: values.head, at: '' } : file.head;
    if (values.head && head && head.seq === Number.MAX_SAFE_INTEGER) {
      const idx = file.entries.findIndex((e) => e.hash === values.head);
      head.seq = idx >= 0 ? file.entries[idx]!.seq : (file.entries.at(-1)?.seq ?? 0) + 1;
    }
    const v = await verifyAudit(file.entries, head);
    if (values.json) out(JSON.stringify(v, null, 2));
    else {
      out(`${positionals[0]}: ${v.entries} 条记录 / entries`);
      for (const p of v.problems) out(`! ${p.message} / ${p.messageEn}`);
      for (const w of v.warnings) out(`? ${w.message} / ${w.messageEn}`);
      out(v.ok ? '结论：审计链完整 / the audit trail is intact' : '结论：审计链被改动 / the audit trail was TAMPERED WITH');
    }
    return v.ok ? 0 : 1;
  },
});
