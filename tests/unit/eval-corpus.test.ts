// The evaluation corpus's comparison and files (tests/eval/README.md): what the scorer counts as
// equal, and that every page has a parseable expected file whose record exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '@lvzhi/shared/node';
import { EVAL_PAGES, expectedSchema, isEmpty, loadExpected, sameValue } from '../eval/corpus.ts';
import { normaliseLabel, tableVerdict } from '../eval/score.ts';
import { REPO_ROOT } from '../harness/browser.ts';

describe('eval corpus comparison', () => {
  it('judges a table that is not right cell by cell: a different value is wrong, an empty cell missing', () => {
    const want = [{ unit: '301', score: 92.35 }, { unit: '302', score: 88.6 }];
    expect(tableVerdict([{ unit: '301', score: '' }, { unit: '302', score: '' }], want, [])).toBe('missing');
    expect(tableVerdict([{ unit: '301', score: '' }, { unit: '303', score: '' }], want, [])).toBe('wrong');
    expect(tableVerdict([{ unit: '301', score: 92.35 }, { unit: '302', score: 88.6 }, { unit: '309', score: '' }], want, [])).toBe('wrong');
    // a cell the page had before the fill is not the fill's
    expect(tableVerdict([{ unit: '301', score: '0' }], [{ unit: '301', score: 92.35 }], [{ unit: '', score: '0' }])).toBe('missing');
    expect(tableVerdict('x', want, [])).toBe('wrong');
  });

  it('normalises only digits as string/number and the order of scalar arrays', () => {
    expect(sameValue(5, '5')).toBe(true);
    expect(sameValue('01', 1)).toBe(false);
    expect(sameValue(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(sameValue([{ a: 1 }, { a: 2 }], [{ a: 2 }, { a: 1 }])).toBe(false);
    expect(sameValue({ topic: 'x', presenter: 'y' }, { topic: 'x', presenter: 'y' })).toBe(true);
    expect(sameValue({ topic: 'x' }, { topic: 'x', presenter: 'y' })).toBe(false);
    expect(sameValue('2024-03-12', '2024/03/12')).toBe(false);
    expect(sameValue('汉族', '01')).toBe(false);
    expect(sameValue('a ', 'a')).toBe(false);
    expect(sameValue(true, 'true')).toBe(false);
  });

  it('treats blank values as empty', () => {
    for (const v of [undefined, null, '', false, [], [''], {}, { a: '' }]) expect(isEmpty(v)).toBe(true);
    for (const v of [0, 'x', true, ['x'], { a: 'x' }]) expect(isEmpty(v)).toBe(false);
  });

  it('reads labels without spaces, asterisks or colons', () => {
    expect(normaliseLabel('* 姓　　名：')).toBe('姓名');
  });

  it('rejects an expected field with null value but no reason, and a reason with a value', () => {
    const base = { page: 'x.html', record: 'tests/eval/records/x.json' };
    expect(expectedSchema.safeParse({ ...base, fields: { a: { label: 'A', value: null } } }).success).toBe(false);
    expect(expectedSchema.safeParse({ ...base, fields: { a: { label: 'A', value: 'v', recordLacks: 'r' } } }).success).toBe(false);
    expect(expectedSchema.safeParse({ ...base, fields: { a: { label: 'A', value: null, recordLacks: 'r' } } }).success).toBe(true);
  });

  it('has an expected file and a record for every page', () => {
    expect(EVAL_PAGES.length).toBeGreaterThanOrEqual(13);
    for (const p of EVAL_PAGES) {
      const exp = loadExpected(p);
      expect(existsSync(join(REPO_ROOT, exp.record)), exp.record).toBe(true);
      expect(existsSync(join(REPO_ROOT, 'tests', 'eval', 'portals', p.page)), p.page).toBe(true);
    }
  });

  it('has records that validate against the built-in packs', async () => {
    const result = await validateFiles([join(REPO_ROOT, 'forms', 'packs'), join(REPO_ROOT, 'tests', 'eval', 'records')]);
    expect(result.issues.map((i) => `${i.source} ${i.message}`)).toEqual([]);
    expect(result.recordCount).toBeGreaterThanOrEqual(13);
  });
});
