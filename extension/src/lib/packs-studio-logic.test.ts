import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackDefinition } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';
import { checkStudioText, findPart, partSchema, partText, spliceIntoPack, studioParts } from './packs-studio-logic.ts';

let packs: PackDefinition[];
let meetings: PackDefinition;
beforeAll(async () => {
  const loaded = await loadPaths(['forms/packs'], path.resolve(import.meta.dirname, '../../..'));
  packs = loaded.documents.filter((d) => d.kind === 'pack').map((d) => d.json as PackDefinition);
  meetings = packs.find((p) => p.id === 'lvzhi.meetings')!;
});

describe('studio parts', () => {
  it('lists the whole pack and each form, workflow, portal mapping and template', () => {
    const parts = studioParts(meetings);
    expect(parts[0]).toMatchObject({ kind: 'pack', id: 'lvzhi.meetings' });
    expect(parts.filter((p) => p.kind === 'forms')).toHaveLength(meetings.forms!.length);
    expect(parts.some((p) => p.kind === 'templates')).toBe(true);
    expect(partSchema('forms')['$id']).toBe('https://lvzhi.dev/schema/form.schema.json');
  });

  it('accepts the unchanged text of every part', () => {
    for (const part of studioParts(meetings)) {
      const check = checkStudioText(partText(meetings, part), meetings, part, packs);
      expect(check.problems, part.label).toEqual([]);
    }
  });

  it('locates a problem on the line of the editor text', () => {
    const part = findPart(meetings, 'forms:congress-session')!;
    const form = JSON.parse(partText(meetings, part)) as { sections: { fields: unknown[] }[] };
    form.sections[0]!.fields.unshift({ type: 'text', id: 'ok', label: '好', visibleIf: { '==': [{ var: 'noSuchField' }, 1] } });
    const text = JSON.stringify(form, null, 2);
    const check = checkStudioText(text, meetings, part, packs);
    expect(check.ok).toBe(false);
    const p = check.problems.find((x) => x.path.includes('visibleIf'))!;
    expect(p.message).toMatch(/noSuchField/);
    expect(text.split('\n')[p.line - 1]).toContain('noSuchField');
  });

  it('reports JSON syntax errors with a line', () => {
    const part = findPart(meetings, 'forms:congress-session')!;
    const check = checkStudioText('{\n  "id": "x",\n  oops\n}', meetings, part, packs);
    expect(check.problems[0]).toMatchObject({ code: 'syntax', line: 3 });
  });

  it('puts the part back by id', () => {
    const part = findPart(meetings, 'forms:congress-session')!;
    const pack = spliceIntoPack(meetings, part, { id: 'congress-session', marker: true }) as PackDefinition;
    expect(pack.forms!.find((f) => f.id === 'congress-session')).toEqual({ id: 'congress-session', marker: true });
    expect(pack.forms).toHaveLength(meetings.forms!.length);
  });
});
