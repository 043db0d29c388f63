/**
 * Every value a built-in form holds reaches autofill: the fill reads a record through its
 * dictionary keys (`dictionaryView`), so a field without `bind` is a value the clerk typed once
 * and must type again into every portal (the food-safety form's 检查项目 stayed empty on a
 * portal that asked for it). This walks every form of forms/packs and fails for a value-holding
 * field that binds no dictionary key, unless it is one of the exceptions below, each with its
 * reason.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAutofillContext, dictionaryView, packSchema, planFill, type FieldDefinition, type FormDefinition, type PackDefinition } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const loaded = await loadPaths(['forms/packs'], ROOT);
const packs: PackDefinition[] = loaded.documents.filter((d) => d.kind === 'pack').map((d) => packSchema.parse(d.json));
const forms: FormDefinition[] = packs.flatMap((p) => p.forms ?? []);
const keys = new Set(packs.flatMap((p) => p.dictionary ?? []).map((e) => e.key));

/** Field types that hold no value of the record: shown, never stored. */
const DISPLAY_ONLY = new Set<FieldDefinition['type']>([
  'static', // headings and notes between fields
  // a drawn signature is stamped into the signed minutes PDF; no portal takes it as a value
  'signature',
]);

/** `form.field` → why it binds no key. Each entry is a decision, not a leftover. */
const EXCEPTIONS: Record<string, string> = {
  // percentages are computed as fractions (0.875); a portal's 回收率/出勤率 takes 87.5 or 87.5%,
  // and there is no percent conversion yet: an empty box is better than a wrong number
  'appraisal-summary.returnRate': 'a fraction, not the percentage portals take',
  'training-attendance.attendanceRate': 'a fraction, not the percentage portals take',
  // the clerk's own profile: portals take the clerk's name, post, phone and office (bound);
  // the clerk's sex, duties and on-duty flag are asked by no record's portal, and a key for the
  // clerk's 性别 would compete with the record's own 性别 (a letter writer's, a deputy's)
  'staff-profile.gender': 'the clerk’s own sex is never a record’s value',
  'staff-profile.duties': 'internal to the office, asked by no portal',
  'staff-profile.active': 'internal to the office, asked by no portal',
};

function unbound(): string[] {
  const out: string[] = [];
  for (const form of forms) {
    for (const section of form.sections) {
      for (const f of section.fields) {
        if (DISPLAY_ONLY.has(f.type)) continue;
        const id = `${form.id}.${f.id}`;
        if (id in EXCEPTIONS) continue;
        const bind = 'bind' in f ? f.bind : undefined;
        if (!bind || !keys.has(bind)) out.push(`${id} (${f.type} ${'label' in f ? f.label : ''})`);
      }
    }
  }
  return out;
}

describe('built-in forms: every value reaches autofill', () => {
  it('binds every value-holding field of every form to a dictionary key', () => {
    expect(forms.length).toBeGreaterThan(15);
    expect(unbound()).toEqual([]);
  });

  it('keeps its exceptions real: each names a field that exists and still binds nothing', () => {
    for (const id of Object.keys(EXCEPTIONS)) {
      const [formId, fieldId] = id.split('.') as [string, string];
      const f = forms.find((x) => x.id === formId)?.sections.flatMap((s) => s.fields).find((x) => x.id === fieldId);
      expect(f, id).toBeDefined();
      // once the field is bound, the exception is stale and must go
      expect('bind' in f! ? f.bind : undefined, id).toBeUndefined();
    }
  });

  it('gives the food-safety form’s 检查项目 a key that its usual labels name, with the form’s options', () => {
    const form = forms.find((f) => f.id === 'food-safety-inspection')!;
    const field = form.sections.flatMap((s) => s.fields).find((f) => f.id === 'itemsChecked')!;
    const key = 'bind' in field ? field.bind : undefined;
    expect(key).toBe('inspection.itemsChecked');
    const ctx = buildAutofillContext(packs);
    for (const label of ['检查项目', '检查内容', '检查事项', '检查重点']) {
      expect(ctx.labels.get(label)?.map((h) => h.key), label).toContain('inspection.itemsChecked');
    }
    expect(ctx.optionsOf('inspection.itemsChecked')?.map((o) => o.value)).toEqual(expect.arrayContaining(['证照公示', '食品留样']));
  });

  it('fills a portal’s 检查内容 check boxes from a food-safety record', () => {
    const ctx = buildAutofillContext(packs);
    const form = forms.find((f) => f.id === 'food-safety-inspection')!;
    const values = dictionaryView(form, { subject: '秋季食品安全检查', itemsChecked: ['证照公示', '食品留样'] });
    const options = ['证照公示', '食品贮存', '食品留样'].map((t, i) => ({ value: String(i + 1), text: t }));
    const plan = planFill(ctx, {
      url: 'https://portal.example/check', tables: [], refused: [],
      controls: [{ id: 'c0', adapter: 'native', kind: 'checkboxes', labels: [{ source: 'table-cell', text: '检查内容：' }], options, frame: '', usable: true }],
    }, values);
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({ key: 'inspection.itemsChecked', value: { type: 'options', items: [{ value: '1' }, { value: '3' }] } });
  });
});
