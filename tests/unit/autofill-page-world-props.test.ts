/**
 * The props that cross from the page-world helper to the engine in the extension's isolated
 * world (framework-state.ts `plainProps`): plain JSON, and bounded however large or deep the
 * page's props are (a whole store, a huge text, a cycle) — the helper answers synchronously
 * inside the page, so an unbounded walk would freeze it.
 */
import { describe, expect, it } from 'vitest';
import { plainProps } from '../../shared/src/dom/autofill/framework-state.ts';

describe('props crossing the page-world bridge', () => {
  it('keeps what a picker says (format, type, a data source) and drops functions', () => {
    const out = plainProps({ format: 'YYYY-MM-DD HH:mm', type: 'datetimerange', showTime: { format: 'HH:mm' }, dataSource: [{ label: '满意', value: 1 }], onChange: () => 1 });
    expect(out).toEqual({ format: 'YYYY-MM-DD HH:mm', type: 'datetimerange', showTime: { format: 'HH:mm' }, dataSource: [{ label: '满意', value: 1 }] });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
  it('is bounded: a huge, deep or cyclic store crosses cut down, a long text cut short', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, Object.fromEntries(Array.from({ length: 1000 }, (_, j) => [`j${j}`, { a: [1, 2, 3] }]))]));
    const cyclic: Record<string, unknown> = { name: '环' };
    cyclic.self = cyclic;
    // (the budget is spent in key order: what comes after a huge store is dropped, never waited for)
    const out = plainProps({ text: '字'.repeat(100_000), cyclic, store: wide, after: 'x' }) as Record<string, unknown>;
    const size = JSON.stringify(out).length;
    expect(size).toBeLessThan(400_000);
    expect((out.text as string).length).toBe(10_000);
    expect((out.cyclic as Record<string, unknown>).name).toBe('环');
    expect(out.after).toBeUndefined();
  });
});
