/**
 * Issue 13, part 7: the CLI never throws on hostile files. A 10,000-level nesting used to abort a
 * whole folder run with "Maximum call stack size exceeded" and no location; a 50 MB pack passed
 * although the extension refuses anything over 4 MiB. Each must now be a located problem for
 * that file while the other files of the folder are still checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { excessiveNesting, parsePackText } from '@lvzhi/shared';
import { lvzhiInProcess } from '../harness/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'lvzhi-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deepCondition = (levels: number) => `${'{"!":['.repeat(levels)}true${']}'.repeat(levels)}`;
const packText = (id: string, visibleIf: string) =>
  `{"id":"${id}","version":"1.0.0","title":"包","forms":[{"id":"f","version":1,"title":"表","category":"other","sections":[{"id":"s","title":"一","fields":[{"id":"a","type":"text","label":"甲","visibleIf":${visibleIf}}]}]}]}`;

describe('hostile files in a folder', () => {
  it('reports a 10,000-level nesting at its line and still checks the other files', async () => {
    const folder = join(dir, 'deep');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-deep.json'), packText('deep.pack', deepCondition(10_000)));
    writeFileSync(join(folder, 'b-bad.json'), packText('bad.pack', '{"nope":[1]}'));
    const r = await lvzhiInProcess(['validate', folder]);
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(/call stack/i);
    expect(out).toMatch(/a-deep\.json: .*嵌套过深.*\(line 1, column \d+\)/);
    // the other file was still validated (its unknown operator is reported)
    expect(out).toMatch(/b-bad\.json: .*nope/);
  });

  it('refuses a pack over the extension limit (4 MiB) with the same message', async () => {
    const big = { id: 'big.pack', version: '1.0.0', title: '大', dictionary: Array.from({ length: 25_000 }, (_, i) => ({ key: `big.k${i}`, type: 'text', label: '字'.repeat(70) })) };
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(big));
    const r = await lvzhiInProcess(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/big\.json: .*文件过大：\d+\.\d MB，上限为 4\.0 MB/);
  });

  it('the extension and subscriptions refuse the same nesting before parsing', () => {
    const r = parsePackText(packText('deep.pack', deepCondition(10_000)), 'deep.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.code).toBe('too-deep');
    expect(excessiveNesting(packText('ok.pack', deepCondition(20)))).toBeUndefined();
    // brackets inside strings do not count
    expect(excessiveNesting(`{"a":"${'['.repeat(500)}"}`)).toBeUndefined();
  });
});
