import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { reminderFor, shouldRemind, validatePackSet, workflowRows, type LvzhiRecord, type PackDefinition, type WorkflowRow } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const root = new URL('../../', import.meta.url);
let packs: PackDefinition[] = [];
beforeAll(async () => {
  const dir = fileURLToPath(root);
  const loaded = await loadPaths([`${dir}forms/packs`], dir);
  packs = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs;
});
const inProgress = JSON.parse(readFileSync(new URL('forms/examples/suggestion.in-progress.json', root), 'utf8')) as LvzhiRecord;

describe('workflow rows and reminders', () => {
  it('lists a suggestion being handled, overdue long after its due date, with its next steps', () => {
    const rows = workflowRows([inProgress], packs, new Date('2025-06-01T02:00:00Z'));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.stateId).toBe('handling');
    expect(row.overdue).toBe(true);
    expect(row.daysOverdue).toBeGreaterThan(0);
    expect(row.dueDate).toMatch(/^2024-/);
    expect(row.next.length).toBeGreaterThan(0);
    expect(row.stateTitle).toMatch(/\p{Script=Han}/u);
  });

  it('is not overdue the day after the step started, and leaves out trashed records and records without a workflow', () => {
    const rows = workflowRows([inProgress, { ...inProgress, id: 'gone', deletedAt: '2024-09-12T00:00:00+08:00' }, { ...inProgress, id: 'plain', workflow: undefined } as unknown as LvzhiRecord], packs, new Date('2024-09-12T02:00:00Z'));
    expect(rows.map((r) => r.recordId)).toEqual([inProgress.id]);
    expect(rows[0]!.overdue).toBe(false);
  });

  it('writes one reminder naming overdue and soon-due steps, none when nothing is due', () => {
    const base = { recordId: 'a', title: '关于修路的建议', formTitle: '建议', stateId: 'handling', stateTitle: '办理中', final: false, next: [] } as unknown as WorkflowRow;
    const r = reminderFor([{ ...base, overdue: true, daysOverdue: 5, dueDate: '2024-10-01' }, { ...base, recordId: 'b', title: '关于路灯的建议', overdue: false, daysOverdue: -2, dueDate: '2024-10-08' }, { ...base, recordId: 'c', overdue: false, daysOverdue: -30 }]);
    expect(r).toMatchObject({ overdue: 1, soon: 1, title: '履职提醒：1 项已逾期，1 项即将到期' });
    expect(r?.message).toBe('关于修路的建议（办理中）；关于路灯的建议（办理中）');
    expect(reminderFor([{ ...base, overdue: false, daysOverdue: -30 }])).toBeUndefined();
    expect(reminderFor([{ ...base, overdue: true, daysOverdue: 1 }], 'en')?.title).toBe('Lvzhi: 1 overdue, 0 due soon');
  });

  it('reminds once per China date', () => {
    // 2024-03-27T16:30Z is already 28 March in China.
    expect(shouldRemind('2024-03-28', new Date('2024-03-27T16:30:00Z'))).toBe(false);
    expect(shouldRemind('2024-03-27', new Date('2024-03-27T16:30:00Z'))).toBe(true);
    expect(shouldRemind(undefined, new Date())).toBe(true);
  });
});
