/**
 * A training session is a meeting record (meeting.*), but training portals name its parts in
 * their own words: the people are 参训人员/参训学员/参加培训人员, not 出席人员; the session is a
 * 培训班 with a 培训时间 and 培训地点. Before, a training record's people list stayed out of a
 * portal that asked for 参训… although the record held it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import { buildAutofillContext, dictionaryView, planFill, validatePackSet, type AutofillContext, type FormDefinition, type ScannedControl } from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let ctx: AutofillContext;
let training: FormDefinition;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source })));
  expect(v.issues).toEqual([]);
  ctx = buildAutofillContext(v.packs);
  training = v.packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'training-meeting')!;
});

let n = 0;
const ctl = (label: string, extra: Partial<ScannedControl> = {}): ScannedControl => ({ id: `c${n++}`, adapter: 'native', kind: 'text', labels: [{ source: 'preceding-text', text: label }], frame: '', usable: true, ...extra });

describe('training vocabulary', () => {
  const values = () => dictionaryView(training, {
    title: '代表履职培训班', startTime: '2024-05-10T09:00', place: '镇党群服务中心',
    present: [{ name: '王芳' }, { name: '李强' }], chair: { name: '赵敏' },
  });

  it('places the trainees of a training record under the words training portals use', () => {
    for (const label of ['参训学员', '参加培训人员', '培训对象', '参训代表']) {
      const plan = planFill(ctx, { url: 'https://x.example/', tables: [], refused: [], controls: [ctl(label, { kind: 'multiselect', multiple: true })] }, values());
      expect(plan.steps.map((s) => s.key), label).toEqual(['meeting.present']);
      expect(plan.steps[0]!.value).toEqual({ type: 'options', items: [{ candidates: ['王芳'] }, { candidates: ['李强'] }] });
    }
    const count = planFill(ctx, { url: 'https://x.example/', tables: [], refused: [], controls: [ctl('参训人数', { kind: 'number' })] }, values());
    expect(count.steps.map((s) => s.value)).toEqual([{ type: 'text', text: '2' }]);
  });

  it('finds the session’s name, time and place under 培训…', () => {
    const plan = planFill(ctx, {
      url: 'https://x.example/', tables: [], refused: [],
      controls: [ctl('培训班名称'), ctl('培训时间', { kind: 'datetime', dateFormat: 'YYYY-MM-DD HH:mm' }), ctl('培训地点')],
    }, values());
    expect(plan.steps.map((s) => [s.key, s.display])).toEqual([
      ['meeting.title', '代表履职培训班'], ['meeting.startTime', '2024-05-10 09:00'], ['meeting.place', '镇党群服务中心'],
    ]);
  });
});
