/**
 * The hash-chained audit trail: a suggestion driven through its workflow, with record saves,
 * leaves a chain that verifies; editing any field of any entry, deleting, reordering, cutting
 * off the tail or rewriting the whole chain is detected, the last two only thanks to the head
 * hash kept apart. Nothing in the log is an ID or phone number.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit, appendWorkflowEffects, AUDIT_GENESIS, emptyAuditLog, hashEntry, parseAuditFile, recordChangeAudit, sha256Hex,
  startRecordWorkflow, stepRecord, toAuditFile, valuesDigest, verifyAudit, isoInChina,
  type AuditEntry, type AuditLog, type LvzhiRecord,
} from '@lvzhi/shared';
import { builtIn, cst, example } from '../fixtures/year/helpers.ts';

let log: AuditLog;
let finalRecord: LvzhiRecord;

beforeAll(async () => {
  const B = await builtIn();
  const wf = B.workflow('suggestion');
  const form = B.form('suggestion');
  const ex = example('suggestion');
  const later = ['handlingUnit', 'assignDate', 'replyDate', 'result', 'reply', 'handlerName', 'satisfaction', 'ratingDate', 'closeDate'];
  const initial = { ...ex, values: Object.fromEntries(Object.entries(ex.values).filter(([k]) => !later.includes(k))) };
  delete initial.workflow;
  log = emptyAuditLog();
  let at = cst('2024-03-12 15:40');
  log = await appendAudit(log, await recordChangeAudit(undefined, initial, '张敏'), isoInChina(at));
  const started = startRecordWorkflow(wf, initial, { name: '张敏', roles: ['staff'] }, at);
  log = await appendWorkflowEffects(log, initial.id, started.effects, '张敏', isoInChina(at));
  let r = started.record;
  const steps: [string, string, string[], string, Record<string, unknown>, string?][] = [
    ['classify', '张敏', ['staff'], '2024-03-15 10:20', {}],
    ['return-to-deputy', '张敏', ['staff'], '2024-03-15 11:00', {}, '请补充联系电话13962345678后再提交'],
    ['classify', '张敏', ['staff'], '2024-03-16 10:20', {}],
    ['assign', '刘志强', ['director'], '2024-03-28 15:30', { handlingUnit: ex.values.handlingUnit, assignDate: '2024-03-28' }],
    ['accept', '周海涛', ['handling-unit'], '2024-03-29 09:05', {}],
    ['reply', '周海涛', ['handling-unit'], '2024-05-20 16:45', { reply: ex.values.reply, replyDate: '2024-05-20', result: ex.values.result, handlerName: '周海涛' }],
    ['rate', '李秀英', ['deputy'], '2024-05-27 11:00', { satisfaction: '满意', ratingDate: '2024-05-27' }],
    ['close', '刘志强', ['director'], '2024-06-05 16:10', { closeDate: '2024-06-05' }],
  ];
  for (const [t, name, roles, when, patch, comment] of steps) {
    at = cst(when);
    const before = r;
    const res = stepRecord(wf, form, r, { transition: t, patch, ...(comment ? { comment } : {}) }, { name, roles }, at);
    if (!res.ok) throw new Error(res.errors[0]!.message);
    r = res.record;
    if (Object.keys(patch).length) log = await appendAudit(log, await recordChangeAudit(before, r, name), isoInChina(at));
    log = await appendWorkflowEffects(log, r.id, res.effects, name, isoInChina(at));
  }
  finalRecord = r;
});

const clone = (l: AuditLog): AuditEntry[] => structuredClone(l.entries);

describe('audit trail', () => {
  it('chains every record change and workflow step, and verifies', async () => {
    expect(log.entries.map((e) => e.action)).toEqual([
      'record.create', 'workflow.start', 'workflow.step', 'workflow.step', 'workflow.step',
      'record.update', 'workflow.step', 'workflow.step', 'record.update', 'workflow.step', 'record.update', 'workflow.step', 'record.update', 'workflow.step',
    ]);
    expect(log.entries[0]!.prev).toBe(AUDIT_GENESIS);
    expect(log.entries.map((e) => e.seq)).toEqual(log.entries.map((_, i) => i + 1));
    expect(log.head).toEqual({ seq: log.entries.length, hash: log.entries.at(-1)!.hash, at: '2024-06-05T16:10:00+08:00' });
    expect(await verifyAudit(log.entries, log.head)).toEqual({ ok: true, entries: 14, problems: [], warnings: [] });
    // the hash is WebCrypto SHA-256 of the canonical entry
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const { hash, ...rest } = log.entries[3]!;
    expect(await hashEntry(rest)).toBe(hash);
    // the last record entry's digest matches the stored record
    const lastChange = log.entries.filter((e) => e.action === 'record.update').at(-1)!;
    expect((lastChange.data as { digest: string }).digest).toBe(await valuesDigest(finalRecord.values));
    expect((log.entries[5]!.data as { changed: string[] }).changed).toEqual(['assignDate', 'handlingUnit']);
  });

  it('logs no phone or ID number, even from a send-back reason', () => {
    const text = JSON.stringify(log.entries);
    expect(text).not.toMatch(/13962345678/);
    expect(text).toContain('139****5678');
    expect(text.match(/(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])/g), text.match(/\d{17}[\dX]/g)?.join()).toBeNull();
  });

  it('detects an edit of any field of any entry', async () => {
    for (let i = 0; i < log.entries.length; i++) {
      for (const field of ['seq', 'at', 'actor', 'action', 'target', 'data', 'prev', 'hash'] as const) {
        const entries = clone(log);
        const e = entries[i]! as unknown as Record<string, unknown>;
        e[field] = field === 'seq' ? (e.seq as number) + 100 : field === 'data' ? { forged: true } : field === 'prev' || field === 'hash' ? 'f'.repeat(64) : `${String(e[field])}x`;
        const v = await verifyAudit(entries, log.head);
        expect(v.ok, `entry ${i} field ${field}`).toBe(false);
      }
    }
  });

  it('names the kind of tampering', async () => {
    let entries = clone(log);
    (entries[4]!.data as Record<string, unknown>).to = 'closed';
    expect((await verifyAudit(entries, log.head)).problems).toEqual([expect.objectContaining({ kind: 'edited', index: 4, seq: 5 })]);

    // an edit whose author also recomputed that entry's hash: the next link breaks
    entries = clone(log);
    entries[4]!.actor = '某人';
    const { hash: _h, ...rest } = entries[4]!;
    void _h;
    entries[4]!.hash = await hashEntry(rest);
    expect((await verifyAudit(entries, log.head)).problems).toEqual([expect.objectContaining({ kind: 'broken-link', index: 5, seq: 6 })]);

    entries = clone(log);
    entries.splice(6, 1);
    expect((await verifyAudit(entries, log.head)).problems).toEqual([expect.objectContaining({ kind: 'deleted', index: 6, seq: 8, message: '第7条至第7条缺失（被删除）' })]);

    entries = clone(log);
    [entries[7], entries[8]] = [entries[8]!, entries[7]!];
    expect((await verifyAudit(entries, log.head)).problems.map((p) => p.kind)).toContain('reordered');

    entries = clone(log).slice(0, -2);
    const cut = await verifyAudit(entries, log.head);
    expect(cut.problems).toEqual([expect.objectContaining({ kind: 'tail-cut', message: '末尾记录被截去：应有14条，现只有12条' })]);
    // without the head kept apart, the cut is invisible (and the verifier says so)
    const blind = await verifyAudit(entries);
    expect(blind.ok).toBe(true);
    expect(blind.warnings[0]!.kind).toBe('no-head');

    // delete an entry and rebuild the whole chain: only the head kept apart notices
    let rebuilt = emptyAuditLog();
    for (const e of clone(log).filter((_, i) => i !== 3)) rebuilt = await appendAudit(rebuilt, { actor: e.actor, action: e.action, ...(e.target ? { target: e.target } : {}), ...(e.data !== undefined ? { data: e.data } : {}) }, e.at);
    expect((await verifyAudit(rebuilt.entries, rebuilt.head)).ok).toBe(true);
    expect((await verifyAudit(rebuilt.entries, log.head)).problems).toEqual([expect.objectContaining({ kind: 'tail-cut' })]);
    // and a forged extra entry after the head
    const extended = await appendAudit(log, { actor: '某人', action: 'record.update', target: 'x' }, '2024-07-01T09:00:00+08:00');
    expect((await verifyAudit(extended.entries, log.head)).problems).toEqual([expect.objectContaining({ kind: 'head-mismatch' })]);
  });

  it('round-trips through the audit file format', async () => {
    const file = JSON.parse(JSON.stringify(toAuditFile(log)));
    const parsed = parseAuditFile(file);
    expect((await verifyAudit(parsed.entries, parsed.head)).ok).toBe(true);
    expect(() => parseAuditFile({ entries: 3 })).toThrow(/不是审计记录文件/);
  });
});
