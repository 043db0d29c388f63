import { describe, expect, it } from 'vitest';
import type { FillPlan } from '@lvzhi/shared';
import { planCollections, planSize } from './plan-rows.ts';

const plan = (over: Partial<FillPlan>): FillPlan => ({ version: 1, url: 'http://127.0.0.1/', steps: [], tables: [], skipped: [], unplaced: [], ...over });

describe('plan preview rows', () => {
  it('lists repeating groups beside tables, with their rows, and counts them', () => {
    const p = plan({
      tables: [{ table: 't1', key: 'inspection.units', label: '被视察单位', rows: [{ 单位: { type: 'text', text: '甲' } }, { 单位: { type: 'text', text: '乙' } }] }],
      groups: [{ group: 'g1', key: 'meeting.courses', label: '课程安排', rows: [{ values: {}, display: {} }, { values: {}, display: {} }, { values: {}, display: {} }], add: 2 }],
    });
    expect(planCollections(p)).toEqual([
      { id: 'table:t1', label: '被视察单位', key: 'inspection.units', rows: 2 },
      { id: 'group:g1', label: '课程安排', key: 'meeting.courses', rows: 3 },
    ]);
    expect(planSize(p)).toBe(2);
  });

  it('is empty for a plan of single fields only, and for one made before groups existed', () => {
    expect(planCollections(plan({}))).toEqual([]);
    expect(planSize(plan({}))).toBe(0);
  });
});
