import { describe, expect, it } from 'vitest';
import { checkExpression, evaluate, ExpressionError, isTruthy, referencedNames, todayInChina, type ExpressionScope } from '@lvzhi/shared';

const scope: ExpressionScope = {
  fields: new Set(['kind', 'present', 'votes', 'date', 'hasVotes']),
  tables: new Map([['votes', new Set(['item', 'yes', 'no'])]]),
};

describe('evaluate', () => {
  it('evaluates conditions and sums of table columns', () => {
    const votes = [{ item: '甲', yes: 7, no: 1 }, { item: '乙', yes: 5, no: 3 }];
    expect(evaluate({ '==': [{ var: 'kind' }, '座谈'] }, { kind: '座谈' })).toBe(true);
    expect(evaluate({ sum: { map: [{ var: 'votes' }, { var: 'yes' }] } }, { votes })).toBe(12);
    expect(evaluate({ avg: [2, 3, 4] }, {})).toBe(3);
    expect(evaluate({ count: { var: 'present' } }, { present: [{ name: '甲' }, { name: '乙' }, null] })).toBe(2);
    expect(evaluate({ round: [{ '/': [2, 3] }, 2] }, {})).toBe(0.67);
    expect(evaluate({ days_between: ['2024-03-01', '2024-04-01'] }, {})).toBe(31);
    expect(evaluate({ empty: { var: 'kind' } }, { kind: '  ' })).toBe(true);
    expect(evaluate({ '>': [{ var: 'row.yes' }, 3] }, { row: { yes: 5 } })).toBe(true);
  });

  it('knows today in China Standard Time, whatever the machine time zone', () => {
    // 2024-03-27 17:30 UTC is already 2024-03-28 01:30 in Beijing.
    const now = new Date('2024-03-27T17:30:00Z');
    expect(todayInChina(now)).toBe('2024-03-28');
    expect(evaluate({ var: '$today' }, {}, { now })).toBe('2024-03-28');
    expect(evaluate({ var: '$now' }, {}, { now })).toBe('2024-03-28T01:30');
  });

  it('refuses operators outside the allowed set, log included (it would print personal data)', () => {
    expect(() => evaluate({ log: { var: 'idNumber' } }, { idNumber: '110101199003070019' })).toThrow(ExpressionError);
    expect(() => evaluate({ method: ['x', 'toUpperCase'] }, {})).toThrow(ExpressionError);
  });

  it('uses JSON Logic truthiness', () => {
    expect(isTruthy([])).toBe(false);
    expect(isTruthy('0')).toBe(true);
    expect(isTruthy(0)).toBe(false);
  });
});

describe('checkExpression', () => {
  it('accepts references to fields, table columns, row columns and reserved names', () => {
    expect(checkExpression({ and: [{ var: 'hasVotes' }, { '<=': [{ var: 'date' }, { var: '$today' }] }] }, scope, [])).toEqual([]);
    expect(checkExpression({ all: [{ var: 'votes' }, { '>=': [{ var: 'yes' }, 0] }] }, scope, [])).toEqual([]);
    expect(checkExpression({ reduce: [{ var: 'votes' }, { '+': [{ var: 'accumulator' }, { var: 'current.yes' }] }, 0] }, scope, [])).toEqual([]);
    expect(checkExpression({ var: 'row.item' }, { ...scope, row: new Set(['item']) }, [])).toEqual([]);
    expect(checkExpression({ missing: ['kind', 'date'] }, scope, [])).toEqual([]);
  });

  it('locates unknown fields, columns and operators', () => {
    const p = (e: unknown, s: ExpressionScope = scope) => checkExpression(e, s, ['x']).map((i) => [i.path, i.code]);
    expect(p({ '==': [{ var: 'knid' }, 1] })).toEqual([[['x', '==', 0, 'var'], 'unknown-field']]);
    expect(p({ map: [{ var: 'votes' }, { var: 'yse' }] })).toEqual([[['x', 'map', 1, 'var'], 'unknown-field']]);
    expect(p({ reduce: [{ var: 'votes' }, { '+': [{ var: 'accumulator' }, { var: 'current.nope' }] }, 0] })).toEqual([[['x', 'reduce', 1, '+', 1, 'var'], 'unknown-field']]);
    expect(p({ var: 'row.nope' }, { ...scope, row: new Set(['item']) })).toEqual([[['x', 'var'], 'unknown-field']]);
    expect(p({ eval: ['1+1'] })).toEqual([[['x', 'eval'], 'unknown-operator']]);
    expect(p({ missing: ['kind', 'gone'] })).toEqual([[['x', 'missing', 1], 'unknown-field']]);
    expect(p({ '==': [1, 1], '!=': [1, 2] })).toEqual([[['x'], 'expression-shape']]);
  });

  it('lists the fields an expression reads', () => {
    expect(referencedNames({ if: [{ var: 'a' }, { var: 'b.c' }, { cat: [{ var: 'd' }] }] }).sort()).toEqual(['a', 'b', 'd']);
  });
});
