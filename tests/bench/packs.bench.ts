// Loading the built-in packs: parse the built JSON and run every check the extension runs
// before it accepts a pack. Reported per 50 forms so the figure stays comparable as packs grow.
// Baseline: the same JSON checked against the published JSON Schema with ajv (shapes only, no
// references, expressions or workflow graphs), i.e. what a generic schema validator gives.
import Ajv2020 from 'ajv/dist/2020.js';
import { validatePackSet, jsonSchema, type PackInput } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';
import { defineBench } from './harness.ts';

interface State { text: string; formCount: number; ajvCheck: (json: unknown) => boolean }
let formCount = 1;

export default [
  defineBench<State>({
    name: 'pack loading: parse + validate the built-in packs',
    unit: 'ms/50 forms',
    goal: { value: 20, op: '<', description: 'the extension and the options page accept the built-in packs without a noticeable wait' },
    runs: 30,
    async setup() {
      const loaded = await loadPaths(['forms/packs']);
      const packs = loaded.documents.map((d) => d.json as { forms?: unknown[] });
      const result = validatePackSet(loaded.documents.map((d) => ({ source: d.source, json: d.json })));
      if (!result.ok) throw new Error(`the built-in packs are not valid: ${result.issues.length} issue(s)`);
      formCount = packs.reduce((n, p) => n + (p.forms?.length ?? 0), 0);
      const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
      const check = ajv.compile(jsonSchema('pack.schema.json'));
      return { text: JSON.stringify(packs), formCount, ajvCheck: (json) => check(json) };
    },
    run(state) {
      const packs = JSON.parse(state.text) as unknown[];
      const result = validatePackSet(packs.map((json, i): PackInput => ({ source: String(i), json })));
      if (!result.ok) throw new Error('validation failed');
    },
    baseline: {
      name: 'JSON.parse + ajv against pack.schema.json',
      run(state) {
        const packs = JSON.parse(state.text) as unknown[];
        for (const p of packs) if (!state.ajvCheck(p)) throw new Error('ajv refused a built-in pack');
      },
    },
    scale: (ms) => (ms * 50) / formCount,
  }),
];
