import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBackup, readBackupJson, recordsToImport, settingsToImport, type LvzhiRecord } from '@lvzhi/shared';

const example = JSON.parse(readFileSync(new URL('../../forms/examples/deputy-profile.json', import.meta.url), 'utf8')) as LvzhiRecord;
const read = (text: string) => { try { return readBackupJson(JSON.parse(text)); } catch { return { badRecords: 0, refused: [], error: 'JSON' } as ReturnType<typeof readBackupJson>; } };

describe('backup', () => {
  it('round-trips records and lvzhi settings, leaving transient ones out', () => {
    const b = buildBackup({ records: [example], settings: { 'lvzhi.portals': ['http://a.cn/*'], 'lvzhi.installed': {}, other: 1 }, version: '0.1.0', now: new Date('2024-03-28T01:00:00Z') });
    expect(Object.keys(b.settings)).toEqual(['lvzhi.portals']);
    expect(b.keys).toBeUndefined();
    const r = read(JSON.stringify(b));
    expect(r.error).toBeUndefined();
    expect(r.backup?.records).toEqual([example]);
    expect(r.backup?.exportedAt).toBe('2024-03-28T01:00:00.000Z');
  });

  it('counts a broken record and imports the rest; refuses other files', () => {
    const b = buildBackup({ records: [example], settings: {}, version: '0.1.0' });
    const r = read(JSON.stringify({ ...b, records: [...b.records, { id: 'x' }] }));
    expect(r.badRecords).toBe(1);
    expect(r.backup?.records).toHaveLength(1);
    expect(read('{"format":"other"}').error).toMatch(/备份/);
  });

  it('writes new and newer records only', () => {
    const older = { ...example, updatedAt: '2020-01-01T00:00:00+08:00' };
    const other = { ...example, id: 'rec-other' };
    expect(recordsToImport([older], [example, other]).write.map((r) => r.id)).toEqual([example.id, 'rec-other']);
    expect(recordsToImport([example], [older])).toEqual({ write: [], kept: 1 });
  });

  it('merges portals and keeps settings this profile already has', () => {
    const got = settingsToImport({ 'lvzhi.portals': ['http://a.cn/*'], 'lvzhi.lang': 'en' }, { 'lvzhi.portals': ['http://b.cn/*'], 'lvzhi.lang': 'zh', 'lvzhi.launcher.position': { left: 1, top: 2 }, 'lvzhi.packStore': {} }, new Set(['lvzhi.packStore']));
    expect(got).toEqual({ 'lvzhi.portals': ['http://a.cn/*', 'http://b.cn/*'], 'lvzhi.launcher.position': { left: 1, top: 2 } });
  });
});
