import { describe, expect, it } from 'vitest';
import { mostLikelyRecord } from './last-used.ts';

const r = (id: string, form: string, updatedAt: string, deletedAt?: string) => ({ id, form, updatedAt, ...(deletedAt ? { deletedAt } : {}) });

describe('the record most likely meant', () => {
  const records = [
    r('a', 'deputy-profile', '2024-06-01T09:00:00+08:00'),
    r('b', 'deputy-profile', '2024-06-01T09:00:00.005+08:00'),
    r('s', 'suggestion', '2024-06-02T09:00:00+08:00'),
  ];

  it('is the newest record of the form when none was used', () => {
    expect(mostLikelyRecord(records, 'deputy-profile', {})).toBe('b');
    expect(mostLikelyRecord(records, 'suggestion', {})).toBe('s');
    expect(mostLikelyRecord(records, 'inspection', {})).toBeUndefined();
  });

  it('is the record just filled into another portal, for the next portal', () => {
    expect(mostLikelyRecord(records, 'deputy-profile', { 'deputy-profile': { id: 'a', at: '2024-06-01T02:00:00.000Z' } })).toBe('a');
  });

  it('is a record made after that fill, which the clerk made to fill next', () => {
    const later = [...records, r('c', 'deputy-profile', '2024-06-01T10:30:00+08:00')];
    expect(mostLikelyRecord(later, 'deputy-profile', { 'deputy-profile': { id: 'a', at: '2024-06-01T02:00:00.000Z' } })).toBe('c');
  });

  it('never is a deleted record, nor one of another form', () => {
    const gone = [r('a', 'deputy-profile', '2024-06-01T09:00:00+08:00', '2024-06-03T09:00:00+08:00'), r('b', 'deputy-profile', '2024-05-01T09:00:00+08:00')];
    expect(mostLikelyRecord(gone, 'deputy-profile', { 'deputy-profile': { id: 'a', at: '2024-06-04T00:00:00.000Z' } })).toBe('b');
    expect(mostLikelyRecord(records, 'deputy-profile', { 'deputy-profile': { id: 's', at: '2030-01-01T00:00:00.000Z' } })).toBe('b');
  });
});
