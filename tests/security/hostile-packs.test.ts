/**
 * Issue 13, part 5: hostile packs. Each case is an attack that must fail: a catastrophic
 * backtracking `pattern` must not freeze validation, a JSON Logic rule that grows its data must
 * stop within its budget and then *fail* (not pass), and the validator reports what it refuses
 * at the field's path.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, evaluate, ExpressionError, validatePackSet, validateRecord, type PackDefinition } from '@lvzhi/shared';

function packWith(field: Record<string, unknown>): unknown {
  return {
    id: 'hostile.pack', version: '1.0.0', title: '恶意定义包',
    forms: [{ id: 'hostile', version: 1, title: '表单', category: 'other', sections: [{ id: 's', title: '一', fields: [field] }] }],
  };
}

/** Wall time of `run`; the budgets are far below what would make a test flaky on a loaded machine. */
function timed<T>(run: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = run();
  return { value, ms: performance.now() - t };
}

describe('regex patterns from packs run in linear time', () => {
  it('matches ^(a+)+$ against 100,000 characters without backtracking', () => {
    const re = compilePattern('^(a+)+$');
    expect(re.ok).toBe(true);
    if (!re.ok) return;
    // JavaScript's RegExp needs minutes for 41 characters here; RE2 answers at once.
    const { value, ms } = timed(() => re.test(`${'a'.repeat(100_000)}b`));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(5_000);
    expect(re.test('aaaa')).toBe(true);
  });

  it('keeps JavaScript syntax the built-in packs use (\\u escapes, \\d, classes)', () => {
    const han = compilePattern('^[\\u4e00-\\u9fa5]{2,4}$');
    expect(han.ok && han.test('李秀英')).toBe(true);
    expect(han.ok && han.test('Li')).toBe(false);
    const id = compilePattern('^\\d{17}[\\dXx]$');
    expect(id.ok && id.test('11010519491231002X')).toBe(true);
  });

  it('refuses look-around, back-references and huge patterns at load, at the field path', () => {
    for (const pattern of ['^(?=a)a$', '^(a)\\1$', `^${'a'.repeat(2_000)}$`]) {
      const result = validatePackSet([{ json: packWith({ id: 'name', type: 'text', label: '姓名', pattern }), source: 'hostile.json' }]);
      const problem = result.issues.find((i) => i.code === 'bad-pattern');
      expect(problem, pattern).toBeDefined();
      expect(problem!.path.join('.')).toContain('pattern');
    }
  });

  it('validates a record against a backtracking pattern quickly', () => {
    const set = validatePackSet([{ json: packWith({ id: 'name', type: 'text', label: '姓名', pattern: '^(a+)+$' }), source: 'hostile.json' }]);
    expect(set.issues).toEqual([]);
    const packs = set.packs as PackDefinition[];
    const record = {
      id: 'r1', pack: 'hostile.pack', packVersion: '1.0.0', form: 'hostile', formVersion: 1, status: 'complete',
      createdAt: '2024-05-14T10:00:00+08:00', updatedAt: '2024-05-14T10:00:00+08:00', values: { name: `${'a'.repeat(41)}!` },
    };
    const { value, ms } = timed(() => validateRecord(record, packs));
    expect(value.issues.some((i) => i.code === 'pattern')).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('expressions run under a step and size budget', () => {
  it('stops a reduce that merges its accumulator into a huge list', () => {
    const rule = { reduce: [{ var: 'items' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }, [1]] }, []] };
    const t = performance.now();
    expect(() => evaluate(rule, { items: Array.from({ length: 40 }, (_, i) => i) })).toThrow(ExpressionError);
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('stops an expression with too many steps', () => {
    const rule = { filter: [{ var: 'items' }, { '==': [{ var: '' }, -1] }] };
    expect(() => evaluate(rule, { items: Array.from({ length: 100_000 }, (_, i) => i) })).toThrow(/计算限制/);
    expect(evaluate(rule, { items: Array.from({ length: 1_000 }, (_, i) => i) })).toEqual([]);
  });

  it('still computes ordinary expressions', () => {
    expect(evaluate({ sum: [{ var: 'a' }, { var: 'b' }] }, { a: 2, b: 3 })).toBe(5);
    expect(evaluate({ reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, { xs: [1, 2, 3] })).toBe(6);
  });

  it('fails a rule whose evaluation breaks, with a message (it used to count as passed)', () => {
    const forty = Array.from({ length: 40 }, (_, i) => i);
    const rules = [{ assert: { reduce: [forty, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }, [1]] }, []] }, message: '条目不正确' }];
    const pack = {
      id: 'hostile.pack', version: '1.0.0', title: '恶意定义包',
      forms: [{ id: 'hostile', version: 1, title: '表单', category: 'other', sections: [{ id: 's', title: '一', fields: [
        { id: 'items', type: 'textarea', label: '条目' },
        { id: 'name', type: 'text', label: '姓名', rules },
      ] }] }],
    };
    const set = validatePackSet([{ json: pack, source: 'hostile.json' }]);
    const packs = set.packs as PackDefinition[];
    expect(packs.length).toBe(1);
    const record = {
      id: 'r1', pack: 'hostile.pack', packVersion: '1.0.0', form: 'hostile', formVersion: 1, status: 'complete',
      createdAt: '2024-05-14T10:00:00+08:00', updatedAt: '2024-05-14T10:00:00+08:00', values: { name: '张三', items: 'x'.repeat(40) },
    };
    const out = validateRecord(record, packs);
    const failed = out.issues.find((i) => i.code === 'rule-error');
    expect(failed?.message).toMatch(/条目不正确.*无法计算/);
  });
});
