/**
 * `lvzhi validate`'s engine: loads packs and records from disk, validates packs as a set
 * (dependencies resolved among them, and from nearby `packs/` folders when missing), then
 * records against their forms, and maps every issue back to its file and line.
 */
import path from 'node:path';
import { validatePackSet, type PackSetValidation } from '../core/validate-pack.ts';
// the adapter registry's names only: its modules touch no DOM global when imported
import { widgetNames } from '../dom/autofill/adapters/index.ts';
import { validateRecord } from '../core/validate-record.ts';
import type { PackDefinition } from '../core/pack-schema.ts';
import type { ValidationIssue } from '../core/issues.ts';
import { builtInPacksDir, loadPaths, packFoldersNear, type LoadedDocument } from './load.ts';

export interface FileValidation {
  packs: PackDefinition[];
  /** Packs loaded only as dependencies of the given ones (from nearby packs/ folders or the built-in packs). */
  dependencies: Array<{ pack: PackDefinition; source: string; builtIn: boolean }>;
  packCount: number;
  recordCount: number;
  issues: ValidationIssue[];
}

function relocate(doc: LoadedDocument, list: ValidationIssue[]): ValidationIssue[] {
  return list.map((i) => {
    const at = doc.locate(i.path);
    const out: ValidationIssue = { ...i, source: at.source, path: at.path };
    if (at.line !== undefined) { out.line = at.line; out.column = at.column ?? 1; }
    return out;
  });
}

function packIdOf(doc: LoadedDocument): string | undefined {
  const id = (doc.json as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

function requiresOf(doc: LoadedDocument): string[] {
  const r = (doc.json as { requires?: unknown } | null)?.requires;
  return r && typeof r === 'object' ? Object.keys(r) : [];
}

/** Validates every pack and record under `paths`. Never throws on bad input. */
export async function validateFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<FileValidation> {
  const loaded = await loadPaths(paths, cwd);
  const issues: ValidationIssue[] = [...loaded.issues];
  const packDocs = loaded.documents.filter((d) => d.kind === 'pack');
  const recordDocs = loaded.documents.filter((d) => d.kind === 'record');

  // Packs that the given ones (or the given records) need but that were not given: look in the
  // packs/ folders near the inputs. They are used as dependencies, not reported on.
  const given = new Set(packDocs.map(packIdOf).filter((x): x is string => !!x));
  const wanted = new Set<string>();
  for (const d of packDocs) for (const r of requiresOf(d)) if (!given.has(r)) wanted.add(r);
  for (const d of recordDocs) {
    const p = (d.json as { pack?: unknown } | null)?.pack;
    if (typeof p === 'string' && !given.has(p)) wanted.add(p);
  }
  const extra: LoadedDocument[] = [];
  const builtInSources = new Set<string>();
  if (wanted.size > 0) {
    const folders = new Set<string>();
    for (const p of paths) for (const f of await packFoldersNear(path.resolve(cwd, p, 'x'))) folders.add(f);
    const found = await loadPaths([...folders], cwd);
    const byId = new Map(found.documents.filter((d) => d.kind === 'pack').map((d) => [packIdOf(d), d] as const));
    // A pack folder outside the repository (an office's own family pack) that requires
    // lvzhi.common finds it among the built-in packs, as records outside the repository do.
    const builtInDir = await builtInPacksDir();
    if (builtInDir && !folders.has(builtInDir)) {
      for (const d of (await loadPaths([builtInDir], cwd)).documents) {
        const id = packIdOf(d);
        if (d.kind === 'pack' && id && !byId.has(id)) { byId.set(id, d); builtInSources.add(d.source); }
      }
    }
    const queue = [...wanted];
    while (queue.length) {
      const id = queue.shift()!;
      const d = byId.get(id);
      if (!d || given.has(id) || extra.includes(d)) continue;
      extra.push(d);
      for (const r of requiresOf(d)) queue.push(r);
    }
  }

  const all = [...packDocs, ...extra];
  const result: PackSetValidation = validatePackSet(all.map((d) => ({ source: d.source, json: d.json })), { widgetNames: widgetNames() });
  const docBySource = new Map(all.map((d) => [d.source, d] as const));
  const extraSources = new Set(extra.map((d) => d.source));
  for (const i of result.issues) {
    if (extraSources.has(i.source)) continue;
    const doc = docBySource.get(i.source);
    issues.push(...(doc ? relocate(doc, [i]) : [i]));
  }
  for (const d of extra) {
    if (result.issues.some((i) => i.source === d.source)) {
      issues.push({ source: d.source, path: [], code: 'broken-dependency', message: '作为依赖加载的包有错误（单独验证它以查看详情）', messageEn: 'this pack, loaded as a dependency, has errors (validate it to see them)' });
    }
  }

  for (const d of recordDocs) {
    const r = validateRecord(d.json, result.parsedPacks);
    issues.push(...relocate(d, r.issues.map((i) => ({ ...i, source: d.source }))));
  }
  const givenPacks = result.packs.filter((p) => given.has(p.id));
  const extraIds = new Map(extra.map((d) => [packIdOf(d), d.source] as const));
  const dependencies = result.packs.filter((p) => !given.has(p.id) && extraIds.has(p.id)).map((p) => ({ pack: p, source: extraIds.get(p.id)!, builtIn: builtInSources.has(extraIds.get(p.id)!) }));
  return { packs: givenPacks, dependencies, packCount: packDocs.length, recordCount: recordDocs.length, issues };
}
