// Property-based tests of the validator (fast-check): it never throws on any input, and a
// defect injected at a JSON path is reported at exactly that path.
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });
import { validatePackSet, type PathSegment, type ValidationIssue } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

let base: unknown;
let allPaths: PathSegment[][];

/** Values typed by zod as free JSON (expressions): any JSON there is valid JSON Logic data. */
const FREE_JSON_KEYS = new Set(['visibleIf', 'requiredIf', 'readOnlyIf', 'defaultExpr', 'guard', 'assert', 'expr', 'default']);

function pathsOf(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (prefix.some((s) => typeof s === 'string' && FREE_JSON_KEYS.has(s))) return out;
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function get(value: unknown, p: PathSegment[]): unknown {
  return p.reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], value);
}

function set(value: unknown, p: PathSegment[], next: unknown): unknown {
  const copy = structuredClone(value);
  if (p.length === 0) return next;
  const parent = get(copy, p.slice(0, -1)) as Record<string | number, unknown>;
  parent[p.at(-1)!] = next;
  return copy;
}

/** A value of another JSON type than `v`, so the shape at that place is wrong. */
function wrongType(v: unknown): unknown {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number') return 'x';
  if (typeof v === 'boolean') return 'yes';
  if (Array.isArray(v)) return 'not-a-list';
  if (v === null) return 'x';
  return 7;
}

const samePath = (a: PathSegment[], b: PathSegment[]) => a.length === b.length && a.every((s, i) => s === b[i]);
const where = (issues: ValidationIssue[]) => issues.map((i) => JSON.stringify(i.path)).join('\n');

beforeAll(async () => {
  const loaded = await loadPaths(['tests/fixtures/packs/mini']);
  expect(loaded.issues).toEqual([]);
  base = loaded.documents[0]!.json;
  expect(validatePackSet([{ source: 'mini', json: base }]).issues).toEqual([]);
  allPaths = pathsOf(base);
});

describe('validator properties', () => {
  it('never throws on arbitrary JSON, and never calls it valid', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        const r = validatePackSet([{ source: 'x', json }]);
        expect(r.ok).toBe(false);
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) expect(typeof i.message).toBe('string');
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on random objects shaped like packs', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const list = <T,>(a: fc.Arbitrary<T>) => fc.array(a, { maxLength: 6 });
    const field = fc.record({ id: fc.string(), type: fc.constantFrom('text', 'date', 'table', 'select', 'computed', 'nope'), label: fc.string(), columns: fc.option(list(json)), expr: json, visibleIf: json }, { requiredKeys: ['id', 'type'] });
    const pack = fc.record({
      id: fc.constantFrom('a.b', 'Bad Id', 'demo.x'), version: fc.constantFrom('1.0.0', 'v1', '2.1.0-rc.1'), title: fc.string(),
      requires: fc.option(fc.dictionary(fc.constantFrom('demo.mini', 'a.b', 'zz.top'), fc.constantFrom('^1.0.0', '>=9', 'garbage'))),
      forms: list(fc.record({ id: fc.constantFrom('f', 'g', 'F!'), version: fc.integer(), title: fc.string(), category: fc.constantFrom('meeting', 'other', 'x'), workflow: fc.option(fc.string()), sections: list(fc.record({ id: fc.constantFrom('s', 't'), title: fc.string(), fields: list(field) })) })),
      workflows: fc.option(list(fc.record({ id: fc.string(), version: fc.integer(), title: fc.string(), form: fc.constantFrom('f', 'g'), initial: fc.constantFrom('a', 'b'), states: list(fc.record({ id: fc.constantFrom('a', 'b', 'c'), label: fc.string(), final: fc.boolean() })), transitions: list(fc.record({ id: fc.string(), label: fc.string(), from: list(fc.constantFrom('a', 'b', 'c', 'q')), to: fc.constantFrom('a', 'b', 'c', 'q') })) }))),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(pack, (json) => {
        const r = validatePackSet([{ source: 'x', json }, { source: 'mini', json: base }]);
        for (const i of r.issues) expect(Array.isArray(i.path)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('reports a value of the wrong type at the path where it was put', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const p = allPaths[n % allPaths.length]!;
        if (p.length === 0) return;
        const mutated = set(base, p, wrongType(get(base, p)));
        const r = validatePackSet([{ source: 'm', json: mutated }]);
        expect(r.ok).toBe(false);
        expect(r.issues.some((i) => samePath(i.path, p)), `defect at ${JSON.stringify(p)}; reported:\n${where(r.issues)}`).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('reports an unknown property at the property', () => {
    const objects = allPaths.filter((p) => { const v = get(base, p); return typeof v === 'object' && v !== null && !Array.isArray(v); });
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('lable', 'requried', 'colour', 'x'), (n, key) => {
        const p = objects[n % objects.length]!;
        const target = structuredClone(get(base, p)) as Record<string, unknown>;
        if (key in target) return;
        target[key] = true;
        const r = validatePackSet([{ source: 'm', json: set(base, p, target) }]);
        expect(r.issues.some((i) => samePath(i.path, [...p, key])), `unknown key at ${JSON.stringify([...p, key])}; reported:\n${where(r.issues)}`).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it('reports a reference to something that does not exist at the reference', () => {
    // Every place that names another part: rename the target so the reference dangles.
    const refs = allPaths.filter((p) => {
      const last = p.at(-1);
      return typeof get(base, p) === 'string' && (['bind', 'optionSet', 'form', 'signerField', 'eventDateField', 'titleField', 'workflow', 'initial', 'to', 'nameField', 'field', 'key', 'chair', 'present', 'time'].includes(String(last)) || (p.at(-2) === 'from' || p.at(-2) === 'requires' || p.at(-2) === 'roles'));
    }).filter((p) => !(p[0] === 'dictionary') && p.at(-1) !== 'id');
    expect(refs.length).toBeGreaterThan(15);
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const p = refs[n % refs.length]!;
        const r = validatePackSet([{ source: 'm', json: set(base, p, 'zzMissing') }]);
        expect(r.ok).toBe(false);
        expect(r.issues.some((i) => samePath(i.path, p)), `dangling reference at ${JSON.stringify(p)}; reported:\n${where(r.issues)}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
