/**
 * The keys added so every value of a built-in form reaches autofill (activity.json,
 * form-values.json in forms/packs/common/dictionary): each answers to its label and to every
 * synonym, and a record holding it fills a portal control so labelled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '@lvzhi/shared/node';
import { buildAutofillContext, matchLabels, planFill, validatePackSet, type AutofillContext, type ControlKind, type DictionaryEntry, type ScannedControl } from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
const DICT = join(ROOT, 'forms', 'packs', 'common', 'dictionary');
const added: DictionaryEntry[] = ['activity.json', 'form-values.json'].flatMap((f) => JSON.parse(readFileSync(join(DICT, f), 'utf8')) as DictionaryEntry[]);
let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source })));
  expect(v.issues).toEqual([]);
  ctx = buildAutofillContext(v.packs);
});

/** A value of the key's type and the control a portal would show for it. */
function sample(e: DictionaryEntry): { value: unknown; kind: ControlKind; text: string; options?: { value: string; text: string }[] } | undefined {
  const opts = ctx.optionsOf(e.key);
  switch (e.type) {
    case 'text': case 'textarea': return { value: '青山镇人大主席团', kind: e.type, text: '青山镇人大主席团' };
    case 'number': return { value: 7, kind: 'number', text: '7' };
    case 'date': return { value: '2024-05-10', kind: 'date', text: '2024-05-10' };
    case 'people': return { value: [{ name: '王芳' }, { name: '李强' }], kind: 'text', text: '王芳、李强' };
    case 'enum': {
      const o = opts![0]!;
      return { value: o.value, kind: 'select', text: o.value, options: opts!.map((x, i) => ({ value: `v${i}`, text: x.value })) };
    }
    case 'multienum': {
      const o = opts!.slice(0, 2);
      return { value: o.map((x) => x.value), kind: 'checkboxes', text: o.map((x) => x.value).join('、'), options: opts!.map((x, i) => ({ value: `v${i}`, text: x.value })) };
    }
    default: return undefined; // tables and photos go to tables and uploads, checked by their own suites
  }
}

describe('keys added for the built-in forms’ values', () => {
  it('are there, under labels that name them and nothing else of their record', () => {
    expect(added.length).toBeGreaterThanOrEqual(38);
    for (const e of added) {
      for (const label of [e.label, ...(e.synonyms ?? [])]) {
        const m = matchLabels(ctx, [{ source: 'form-item', text: label }], new Set([e.key]));
        expect(m.kind === 'match' ? m.key : m, `${e.key}: ${label}`).toBe(e.key);
      }
    }
  });

  it('fill a control labelled with their label from a record that holds them', () => {
    let checked = 0;
    for (const e of added) {
      if (e.derive) continue; // derived keys: autofill-derive*.test.ts
      const s = sample(e);
      if (!s) continue;
      const control: ScannedControl = { id: 'c0', adapter: 'native', kind: s.kind, labels: [{ source: 'table-cell', text: `${e.label}：` }], frame: '', usable: true, ...(s.options ? { options: s.options } : {}) };
      const p = planFill(ctx, { url: 'https://portal.example/', controls: [control], tables: [], refused: [] }, { [e.key]: s.value });
      expect(p.steps.map((x) => [x.key, x.display]), e.key).toEqual([[e.key, s.text]]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
