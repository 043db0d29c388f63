/**
 * Instances in flight survive a new version of their workflow: the definition's `migrations`
 * say how old states map, unmapped states that still exist keep their id, and an instance is
 * never silently left in (or moved to) a state that no longer exists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateInstance, startWorkflow, transition, validatePackSet, type WorkflowDefinition, type WorkflowInstance } from '@lvzhi/shared';
import { builtIn, cst, example, type BuiltIn } from '../fixtures/year/helpers.ts';

let B: BuiltIn;
let v1: WorkflowDefinition;
let v2: WorkflowDefinition;
const staff = { name: '张敏', roles: ['staff', 'director'] };

beforeAll(async () => {
  B = await builtIn();
  v1 = B.workflow('suggestion');
  // version 2: 签收 is dropped (assigned merges into handling), 满意度测评 is renamed evaluated
  const states = v1.states.filter((s) => s.id !== 'assigned').map((s) => (s.id === 'rated' ? { ...s, id: 'evaluated' } : s));
  const transitions = v1.transitions
    .filter((t) => t.id !== 'accept')
    .map((t) => ({ ...t, from: [...new Set(t.from.map((f) => (f === 'rated' ? 'evaluated' : f === 'assigned' ? 'handling' : f)))], to: t.to === 'rated' ? 'evaluated' : t.to === 'assigned' ? 'handling' : t.to }))
    .map((t) => (t.kind === 'reassign' ? { ...t, from: ['handling'] } : t));
  v2 = {
    ...v1, version: 2, states: states.map((s) => (s.due?.from === 'assigned' ? { ...s, due: { months: 3 } } : s)), transitions,
    migrations: [{ fromVersion: 1, states: { assigned: 'handling', rated: 'evaluated' } }],
  };
});

function at(state: string): WorkflowInstance {
  return { ...startWorkflow(v1, staff, cst('2024-03-12')).instance, state, enteredAt: '2024-04-01T09:00:00+08:00' };
}

describe('workflow versions', () => {
  it('the version-2 definition is itself a valid pack workflow', () => {
    const pack = B.packOf('suggestion');
    const common = B.packs.find((p) => p.id === 'lvzhi.common')!;
    const v = validatePackSet([{ source: 'common', json: common }, { source: 'v2', json: { ...pack, version: '2.0.0', workflows: [v2] } }]);
    expect(v.issues).toEqual([]);
  });

  it('maps states named by the migration, keeps states that still exist, records the move for the audit trail', () => {
    const moved = migrateInstance(v2, at('rated'), staff, cst('2025-01-02'));
    expect(moved).toMatchObject({ ok: true, changed: true, instance: { version: 2, state: 'evaluated', enteredAt: '2025-01-02T09:00:00+08:00' } });
    if (moved.ok) expect(moved.effects[0]).toMatchObject({ type: 'audit', action: 'workflow.migrate', data: { fromVersion: 1, toVersion: 2, from: 'rated', to: 'evaluated' } });
    const kept = migrateInstance(v2, at('handling'), staff, cst('2025-01-02'));
    expect(kept).toMatchObject({ ok: true, instance: { version: 2, state: 'handling', enteredAt: '2024-04-01T09:00:00+08:00' } });
    const same = migrateInstance(v1, at('handling'), staff, cst('2025-01-02'));
    expect(same).toMatchObject({ ok: true, changed: false });
  });

  it('after migration the instance moves on under the new version; before it, it is refused', () => {
    const old = at('assigned');
    const values = { ...example('suggestion').values };
    const refused = transition(v2, old, { transition: 'reply', values }, { name: '周海涛', roles: ['handling-unit'] }, cst('2025-01-03'));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]!.code).toBe('version');
    const moved = migrateInstance(v2, old, staff, cst('2025-01-02'));
    if (!moved.ok) throw new Error('migration refused');
    const next = transition(v2, moved.instance, { transition: 'reply', values }, { name: '周海涛', roles: ['handling-unit'] }, cst('2025-01-03'));
    expect(next).toMatchObject({ ok: true, instance: { state: 'replied', version: 2 } });
  });

  it('refuses to leave an instance in a state that is gone, or to move it to one that does not exist', () => {
    const noMap = { ...v2, migrations: [{ fromVersion: 1, states: { rated: 'evaluated' } }] };
    const a = migrateInstance(noMap, at('assigned'), staff, cst('2025-01-02'));
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.errors[0]).toMatchObject({ code: 'unknown-state', path: ['migrations', 0, 'states', 'assigned'], message: '第2版没有状态“assigned”，迁移定义（fromVersion 1）也未说明它对应哪个状态' });
    const badTarget = { ...v2, migrations: [{ fromVersion: 1, states: { assigned: 'accepted' } }] };
    const b = migrateInstance(badTarget, at('assigned'), staff, cst('2025-01-02'));
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.errors[0]!.path).toEqual(['migrations', 0, 'states', 'assigned']);
    const none = { ...v2, migrations: [] };
    const c = migrateInstance(none, at('rated'), staff, cst('2025-01-02'));
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.errors[0]!.path).toEqual(['migrations']);
    const newer = migrateInstance(v1, { ...at('handling'), version: 3 }, staff, cst('2025-01-02'));
    expect(newer.ok).toBe(false);
  });
});
