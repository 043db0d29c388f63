/** Shared by the stats, import and audit commands: packs and records from disk. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { recordSchema, validatePackSet, type LvzhiRecord, type PackDefinition } from '../core/index.ts';
import { builtInPacksDir, loadPaths } from './load.ts';

/** The packs named by --packs, or forms/packs of the working folder, or the built-in packs. */
export async function loadPacksFor(cwd: string, packPaths: readonly string[] | undefined): Promise<PackDefinition[]> {
  const builtIn = await builtInPacksDir();
  const paths = packPaths && packPaths.length > 0 ? [...packPaths] : existsSync(path.join(cwd, 'forms/packs')) ? ['forms/packs'] : builtIn ? [builtIn] : [];
  if (paths.length === 0) throw new Error('找不到定义包：请用 --packs 指定（如 forms/packs） / no packs: name them with --packs');
  const loaded = await loadPaths(paths, cwd);
  if (loaded.issues.length) throw new Error(loaded.issues.map((i) => `${i.source}: ${i.message}`).join('\n'));
  const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ source: d.source, json: d.json })));
  if (v.packs.length === 0) throw new Error('定义包无效 / the packs are not valid');
  return v.packs;
}

/** Records from files and folders; documents that are not records are counted, not fatal. */
export async function loadRecords(cwd: string, paths: readonly string[]): Promise<{ records: LvzhiRecord[]; skipped: string[] }> {
  const loaded = await loadPaths(paths, cwd);
  if (loaded.issues.some((i) => i.code === 'not-found')) throw new Error(loaded.issues.filter((i) => i.code === 'not-found').map((i) => `${i.source}: ${i.message}`).join('\n'));
  const records: LvzhiRecord[] = [];
  const skipped: string[] = loaded.issues.map((i) => i.source);
  for (const d of loaded.documents) {
    if (d.kind !== 'record') continue;
    const list = Array.isArray(d.json) ? d.json : [d.json];
    for (const j of list) {
      const p = recordSchema.safeParse(j);
      if (p.success) records.push(p.data);
      else skipped.push(d.source);
    }
  }
  return { records, skipped };
}
