/**
 * Records around the engine: creation with defaults, migration to a new form version (renamed
 * fields follow `previousIds`; removed, conflicting and no-longer-fitting values go to the attic,
 * never lost), start from the last record, duplicate, dictionary prefill, record search and the
 * 30-day trash.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRecord, duplicateRecord, isPurgeDue, lastRecordOf, migrateRecord, prefillValues, restoreRecord, searchRecords,
  startFromLast, trashDaysLeft, trashRecord, TrashExpiredError, validateRecord, type FormDefinition, type LvzhiRecord, type PackDefinition,
} from '@lvzhi/shared';
import { builtInPacks, ctxOf, formOf, PNG } from './form-fixtures.ts';

let packs: PackDefinition[];
beforeAll(async () => { packs = await builtInPacks(); });
const NOW = new Date('2024-04-26T02:00:00Z');

const V1: FormDefinition = {
  id: 'visit-log', version: 1, title: '走访记录', category: 'visit', sections: [{
    id: 's', title: 's', fields: [
      { type: 'text', id: 'deputyName', label: '代表' },
      { type: 'text', id: 'voters', label: '选民人数' },
      { type: 'text', id: 'note', label: '备注' },
      { type: 'textarea', id: 'topic', label: '主题' },
      { type: 'table', id: 'items', label: '事项', columns: [{ type: 'text', id: 'what', label: '事项' }, { type: 'text', id: 'old', label: '旧列' }] },
    ],
  }],
};
const V2: FormDefinition = {
  id: 'visit-log', version: 2, title: '走访记录', category: 'visit', sections: [{
    id: 's', title: 's', fields: [
      { type: 'text', id: 'deputy', label: '代表', previousIds: ['deputyName'] },
      { type: 'number', id: 'voters', label: '选民人数' },
      { type: 'textarea', id: 'subject', label: '主题', previousIds: ['topic'] },
      { type: 'table', id: 'items', label: '事项', columns: [{ type: 'text', id: 'item', label: '事项', previousIds: ['what'] }] },
    ],
  }],
};

function v1Record(values: Record<string, unknown>): LvzhiRecord {
  return { id: 'r1', pack: 'lvzhi.test', form: 'visit-log', formVersion: 1, status: 'draft', createdAt: '2024-01-01T09:00:00+08:00', updatedAt: '2024-01-01T09:00:00+08:00', values };
}

describe('migration between form versions', () => {
  it('renamed values move; removed and no-longer-fitting ones go to the attic with their version', () => {
    const rec = v1Record({ deputyName: '张建国', voters: '约30人', note: '雨天', topic: '道路', items: [{ what: '修路', old: 'x' }] });
    const { record, renamed, atticAdded } = migrateRecord(rec, V2, NOW);
    expect(record.formVersion).toBe(2);
    expect(record.values).toEqual({ deputy: '张建国', subject: '道路', items: [{ item: '修路' }] });
    expect(renamed).toEqual([{ from: 'deputyName', to: 'deputy' }, { from: 'topic', to: 'subject' }]);
    expect(record.attic).toEqual({
      voters: { value: '约30人', fromVersion: 1, reason: 'invalid' },
      note: { value: '雨天', fromVersion: 1, reason: 'removed' },
      'items[0].old': { value: 'x', fromVersion: 1, reason: 'removed' },
    });
    expect(atticAdded.sort()).toEqual(['items[0].old', 'note', 'voters']);
  });

  it('no value is lost: every old leaf value is in the values or the attic', () => {
    const rec = v1Record({ deputyName: '甲', deputy: '乙', note: '丙', topic: '丁' });
    const { record } = migrateRecord(rec, V2, NOW);
    expect(record.values['deputy']).toBe('乙');
    const kept = JSON.stringify([record.values, record.attic]);
    for (const v of ['甲', '乙', '丙', '丁']) expect(kept).toContain(v);
    expect(record.attic?.['deputyName']).toMatchObject({ reason: 'renamed', value: '甲' });
  });

  it('keeps an earlier attic and migrates a record already at the version unchanged', () => {
    const rec = { ...v1Record({ note: 'a' }), attic: { older: { value: 1, fromVersion: 1, reason: 'removed' as const } } };
    const once = migrateRecord(rec, V2, NOW).record;
    expect(Object.keys(once.attic!).sort()).toEqual(['note', 'older']);
    expect(migrateRecord(once, V2, NOW).record).toBe(once);
    expect(() => migrateRecord({ ...rec, formVersion: 3 }, V2, NOW)).toThrow(/newer/);
  });
});

describe('reuse', () => {
  it('a new record gets the defaults and is a valid draft', () => {
    const { pack, form } = formOf(packs, 'presidium-monthly');
    const r = createRecord({ pack, form, ctx: ctxOf(packs), now: NOW, author: { name: '王秘书' } });
    expect(r).toMatchObject({ form: 'presidium-monthly', formVersion: form.version, status: 'draft', pack: 'lvzhi.meetings', createdAt: '2024-04-26T10:00:00+08:00' });
    expect(r.values['documentDate']).toBe('2024-04-26');
    expect(validateRecord(r, packs, { now: NOW }).issues).toEqual([]);
  });

  it('start from last: people, place and tables carried, signatures and the meeting time not', () => {
    const { pack, form } = formOf(packs, 'presidium-monthly');
    const sig = { image: PNG, signer: '李主席', signedAt: '2024-03-26T11:00:00+08:00' };
    const last: LvzhiRecord = {
      ...createRecord({ pack, form, ctx: ctxOf(packs), now: new Date('2024-03-26T01:00:00Z') }),
      status: 'complete',
      values: {
        title: '青山镇人大主席团2024年3月份例会', startTime: '2024-03-26T09:00', place: '镇人大办公室', chair: { name: '李主席' },
        present: [{ name: '甲' }, { name: '乙' }], chairSignature: sig, documentDate: '2024-03-26',
        signin: [{ person: { name: '甲' }, role: '出席', signature: sig }],
      },
    };
    const older = { ...last, id: 'older', updatedAt: '2024-02-01T09:00:00+08:00' };
    expect(lastRecordOf([older, last, { ...last, id: 'gone', updatedAt: '2024-05-01T00:00:00+08:00', deletedAt: '2024-05-01T00:00:00+08:00' }], form.id)).toBe(last);
    const next = startFromLast(last, { pack, form, ctx: ctxOf(packs), now: NOW });
    expect(next.id).not.toBe(last.id);
    expect(next.status).toBe('draft');
    expect(next.values).toMatchObject({ place: '镇人大办公室', chair: { name: '李主席' }, present: [{ name: '甲' }, { name: '乙' }], documentDate: '2024-04-26' });
    expect(next.values).not.toHaveProperty('startTime');
    expect(next.values).not.toHaveProperty('chairSignature');
    expect(next.values['signin']).toEqual([{ person: { name: '甲' }, role: '出席' }]);
  });

  it('duplicate: everything but signatures, workflow state and trash mark', () => {
    const { form } = formOf(packs, 'presidium-monthly');
    const rec: LvzhiRecord = {
      id: 'a', pack: 'lvzhi.meetings', form: form.id, formVersion: form.version, status: 'complete', createdAt: '2024-03-26T09:00:00+08:00', updatedAt: '2024-03-26T09:00:00+08:00',
      values: { title: 'T', startTime: '2024-03-26T09:00', recorderSignature: { image: PNG, signer: '王', signedAt: '2024-03-26T11:00:00+08:00' } },
      workflow: { workflow: 'meeting', version: 1, state: 'archived', enteredAt: '2024-03-26T09:00:00+08:00', history: [] }, deletedAt: '2024-04-01T09:00:00+08:00',
    };
    const d = duplicateRecord(rec, form, { now: NOW });
    expect(d).toMatchObject({ status: 'draft', values: { title: 'T', startTime: '2024-03-26T09:00' } });
    expect(d.id).not.toBe('a');
    expect(d).not.toHaveProperty('workflow');
    expect(d).not.toHaveProperty('deletedAt');
    expect(d.values).not.toHaveProperty('recorderSignature');
  });

  it('prefill through the dictionary: a training meeting fills its attendance sheet, and staff profile the filler; never overwriting', () => {
    const meeting = formOf(packs, 'training-meeting').form;
    const sheet = formOf(packs, 'training-attendance').form;
    const staff = formOf(packs, 'staff-profile').form;
    const inspection = formOf(packs, 'inspection').form;
    const meetingValues = { title: '2024年第一期代表履职培训', startTime: '2024-04-26T09:00', place: '镇人大会议室' };
    const bindOf = (form: FormDefinition, id: string) => { const f = form.sections.flatMap((x) => x.fields).find((x) => x.id === id); return f && f.type !== 'static' ? f.bind : undefined; };
    const byBind = (form: FormDefinition, key: string) => form.sections.flatMap((x) => x.fields).find((x) => x.type !== 'static' && x.bind === key)?.id;
    const placeId = byBind(sheet, bindOf(meeting, 'place')!)!;
    const titleId = byBind(sheet, bindOf(meeting, 'title')!)!;
    const timeId = byBind(sheet, bindOf(meeting, 'startTime')!)!;
    const { values: out, filled } = prefillValues(sheet, { [placeId]: '已填地点' }, [{ form: meeting, values: meetingValues }], ctxOf(packs));
    expect(out[placeId]).toBe('已填地点');
    expect(out[titleId]).toBe('2024年第一期代表履职培训');
    expect(out[timeId]).toBe('2024-04-26T09:00');
    expect(filled.sort()).toEqual([timeId, titleId].sort());
    // a plain dictionary view works too (the signed-in clerk fills 记录人), and a value of the wrong shape is skipped
    expect(prefillValues(inspection, {}, [{ 'staff.name': '王秘书' }], ctxOf(packs)).values['recorder']).toEqual({ name: '王秘书' }); // a name becomes a person
    void staff;
    expect(prefillValues(sheet, {}, [{ 'meeting.place': 42 }], ctxOf(packs)).filled).toEqual([]);
  });
});

describe('record list and trash', () => {
  const forms = () => new Map(packs.flatMap((p) => p.forms ?? []).map((f) => [f.id, f]));
  const mk = (id: string, form: string, values: Record<string, unknown>, extra: Partial<LvzhiRecord> = {}): LvzhiRecord =>
    ({ id, pack: 'lvzhi.meetings', form, formVersion: 1, status: 'draft', createdAt: '2024-04-01T09:00:00+08:00', updatedAt: '2024-04-01T09:00:00+08:00', values, ...extra });

  it('searches by form, text (also in people and tables), date range on the event date, status', () => {
    const list = [
      mk('m1', 'presidium-monthly', { title: '3月份例会', startTime: '2024-03-26T09:00', present: [{ name: '张建国' }] }, { status: 'complete' }),
      mk('m2', 'presidium-monthly', { title: '4月份例会', startTime: '2024-04-26T09:00', agenda: [{ topic: '食品安全执法检查' }] }),
      mk('s1', 'suggestion', { title: '关于修建青山村道路的建议' }),
      mk('m3', 'presidium-monthly', { title: '已删除' }, { deletedAt: '2024-04-02T09:00:00+08:00' }),
    ];
    const ids = (q: Parameters<typeof searchRecords>[1]) => searchRecords(list, q, forms()).map((r) => r.id);
    expect(ids({ form: 'presidium-monthly' })).toEqual(['m2', 'm1']);
    expect(ids({ text: '张建国' })).toEqual(['m1']);
    expect(ids({ text: '食品 检查' })).toEqual(['m2']);
    expect(ids({ from: '2024-04-01', to: '2024-04-30', form: 'presidium-monthly' })).toEqual(['m2']);
    expect(ids({ status: 'complete' })).toEqual(['m1']);
    expect(ids({ deleted: 'trash' })).toEqual(['m3']);
  });

  it('a trashed record is restorable for 30 days, then purge is due', () => {
    const r = trashRecord(mk('x', 'suggestion', {}), new Date('2024-04-01T00:00:00Z'));
    expect(r.deletedAt).toBe('2024-04-01T08:00:00+08:00');
    expect(trashDaysLeft(r, new Date('2024-04-11T00:00:00Z'))).toBe(20);
    expect(restoreRecord(r, new Date('2024-04-30T23:00:00Z'))).not.toHaveProperty('deletedAt');
    expect(isPurgeDue(r, new Date('2024-04-30T23:59:00Z'))).toBe(false);
    expect(isPurgeDue(r, new Date('2024-05-01T00:00:00Z'))).toBe(true);
    expect(() => restoreRecord(r, new Date('2024-05-01T00:00:00Z'))).toThrow(TrashExpiredError);
  });
});
