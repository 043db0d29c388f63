/**
 * The definition studio's save: an edited pack becomes a new version. When the administrator
 * did not raise the version, the pack's patch version is raised; a form whose content changed
 * but kept its version gets version + 1, so records made under the old form keep pointing at
 * the old definition (records carry formVersion).
 */
import semver from 'semver';
import { canonicalJson } from '../pack-signing/canonical-json.ts';
import type { PackDefinition } from '../pack-schema.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface VersionBump {
  json: unknown;
  /** What was raised, for the studio to say (e.g. "包版本 1.0.0 → 1.0.1", "表单 meeting-minutes 版本 3 → 4"). */
  changes: string[];
}

export function bumpVersionsForEdit(current: PackDefinition, edited: unknown): VersionBump {
  if (!isRecord(edited)) return { json: edited, changes: [] };
  const next: Record<string, unknown> = { ...edited };
  const changes: string[] = [];
  if (Array.isArray(next['forms'])) {
    next['forms'] = next['forms'].map((form: unknown) => {
      if (!isRecord(form) || typeof form['id'] !== 'string' || typeof form['version'] !== 'number') return form;
      const old = current.forms?.find((f) => f.id === form['id']);
      if (!old || old.version !== form['version']) return form;
      let same: boolean;
      try { same = canonicalJson(old) === canonicalJson(form); } catch { same = false; }
      if (same) return form;
      changes.push(`表单 ${old.id} 版本 ${old.version} → ${old.version + 1}`);
      return { ...form, version: old.version + 1 };
    });
  }
  const v = next['version'];
  if (typeof v !== 'string' || !semver.valid(v) || !semver.gt(v, current.version)) {
    const bumped = semver.inc(current.version, 'patch') ?? current.version;
    if (typeof v !== 'string' || v === current.version || (semver.valid(v) && semver.lt(v, current.version))) {
      changes.unshift(`包版本 ${current.version} → ${bumped}`);
      next['version'] = bumped;
    }
  }
  return { json: next, changes };
}
