/**
 * The definition studio's logic, pure (tested in packs-studio-logic.test.ts): which parts of a
 * pack can be edited, the JSON Schema for each, putting an edited part back into the pack, and
 * checking the result with the shared validator, each problem located at a line of the editor.
 */
import { findNodeAtLocation, parseTree, type Node, type ParseError, printParseErrorCode } from 'jsonc-parser';
import {
  jsonSchema, validatePackSet, type PackDefinition, type PathSegment, type ValidationIssue, formatPath,
} from '@lvzhi/shared';

export type PartKind = 'pack' | 'forms' | 'workflows' | 'portals' | 'templates';

export interface StudioPart {
  kind: PartKind;
  /** Index in the pack's array (0 for the whole pack). */
  index: number;
  /** Id of the form/workflow/…; the pack id for the whole pack. */
  id: string;
  label: string;
}

const KIND_ZH: Record<PartKind, string> = { pack: '整个定义包', forms: '表单', workflows: '流程', portals: '门户映射', templates: '文书模板' };
const SCHEMA: Record<PartKind, string> = {
  pack: 'pack.schema.json', forms: 'form.schema.json', workflows: 'workflow.schema.json', portals: 'portal.schema.json', templates: 'template.schema.json',
};

export function partKey(p: Pick<StudioPart, 'kind' | 'id'>): string {
  return `${p.kind}:${p.id}`;
}

export function studioParts(pack: PackDefinition): StudioPart[] {
  const parts: StudioPart[] = [{ kind: 'pack', index: 0, id: pack.id, label: `${KIND_ZH.pack}（${pack.title}）` }];
  const add = (kind: Exclude<PartKind, 'pack'>, list: readonly { id: string; title?: string; label?: string }[] | undefined) => {
    (list ?? []).forEach((item, index) => parts.push({ kind, index, id: item.id, label: `${KIND_ZH[kind]}：${item.title ?? item.label ?? item.id}（${item.id}）` }));
  };
  add('forms', pack.forms);
  add('workflows', pack.workflows);
  add('portals', pack.portals as { id: string; title?: string }[] | undefined);
  add('templates', pack.templates as { id: string; title?: string }[] | undefined);
  return parts;
}

export function findPart(pack: PackDefinition, key: string): StudioPart | undefined {
  return studioParts(pack).find((p) => partKey(p) === key);
}

export function partValue(pack: PackDefinition, part: StudioPart): unknown {
  if (part.kind === 'pack') return pack;
  return (pack[part.kind] as unknown[] | undefined)?.[part.index];
}

export function partText(pack: PackDefinition, part: StudioPart): string {
  return JSON.stringify(partValue(pack, part), null, 2) + '\n';
}

const schemaCache = new Map<string, Record<string, unknown>>();
export function partSchema(kind: PartKind): Record<string, unknown> {
  const name = SCHEMA[kind];
  let s = schemaCache.get(name);
  if (!s) { s = jsonSchema(name); schemaCache.set(name, s); }
  return s;
}

/** The pack with the edited part in place (the part is looked up by id, so reordering is safe). */
export function spliceIntoPack(pack: PackDefinition, part: StudioPart, value: unknown): unknown {
  if (part.kind === 'pack') return value;
  const list = [...((pack[part.kind] as unknown[] | undefined) ?? [])];
  const at = list.findIndex((x) => (x as { id?: unknown }).id === part.id);
  list[at >= 0 ? at : part.index] = value;
  return { ...pack, [part.kind]: list };
}

export interface StudioProblem {
  /** 0-based offsets into the editor text (for the lint marks). */
  from: number;
  to: number;
  line: number;
  column: number;
  path: string;
  message: string;
  messageEn: string;
  code: string;
}

export interface StudioCheck {
  /** The whole pack as it would be saved; undefined when the text is not JSON. */
  pack?: unknown;
  /** The edited part as parsed. */
  value?: unknown;
  problems: StudioProblem[];
  ok: boolean;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1, last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, column: offset - last };
}

function locate(tree: Node | undefined, text: string, path: PathSegment[]): { from: number; to: number } {
  let p = [...path];
  while (tree) {
    const node = findNodeAtLocation(tree, p);
    if (node) {
      // Point at the key of a property (more readable than the whole value).
      const target = node.parent?.type === 'property' ? node.parent : node;
      return { from: target.offset, to: Math.min(target.offset + Math.max(1, Math.min(target.length, 80)), text.length) };
    }
    if (p.length === 0) break;
    p = p.slice(0, -1);
  }
  return { from: 0, to: Math.min(1, text.length) };
}

/**
 * Parses the editor text, puts it into the pack and validates the pack with the other active
 * packs. Issues inside the edited part are located in the editor text; issues elsewhere in the
 * pack (e.g. a workflow that names a removed field) are located at the top.
 */
export function checkStudioText(text: string, base: PackDefinition, part: StudioPart, others: readonly PackDefinition[]): StudioCheck {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const at = e?.offset ?? 0;
    const lc = lineCol(text, at);
    return {
      ok: false,
      problems: [{ from: at, to: Math.min(at + Math.max(1, e?.length ?? 1), text.length), ...lc, path: '$', code: 'syntax', message: `JSON 语法错误：${e ? printParseErrorCode(e.error) : '空'}`, messageEn: `JSON syntax error: ${e ? printParseErrorCode(e.error) : 'empty'}` }],
    };
  }
  let value: unknown;
  try { value = JSON.parse(text); } catch (err) {
    return { ok: false, problems: [{ from: 0, to: 1, line: 1, column: 1, path: '$', code: 'syntax', message: `JSON 语法错误：${(err as Error).message}`, messageEn: (err as Error).message }] };
  }
  const pack = spliceIntoPack(base, part, value);
  const source = 'studio';
  const result = validatePackSet([...others.filter((o) => o.id !== base.id).map((o) => ({ source: `${o.id}@${o.version}`, json: o })), { source, json: pack }]);
  const prefix: PathSegment[] = part.kind === 'pack' ? [] : [part.kind, indexIn(pack, part)];
  const problems = result.issues.filter((i: ValidationIssue) => i.source === source).map((i): StudioProblem => {
    const inside = prefix.every((seg, k) => i.path[k] === seg);
    const rel = inside ? i.path.slice(prefix.length) : [];
    const { from, to } = locate(tree, text, rel);
    const lc = lineCol(text, from);
    return {
      from, to, ...lc, code: i.code, path: formatPath(i.path),
      message: inside ? i.message : `（在本部分之外 ${formatPath(i.path)}）${i.message}`,
      messageEn: inside ? i.messageEn : `(outside this part, ${formatPath(i.path)}) ${i.messageEn}`,
    };
  });
  return { ok: problems.length === 0, pack, value, problems };
}

function indexIn(pack: unknown, part: StudioPart): number {
  const list = (pack as Record<string, unknown>)[part.kind];
  if (!Array.isArray(list)) return part.index;
  const at = list.findIndex((x) => (x as { id?: unknown } | null)?.id === part.id);
  return at >= 0 ? at : part.index;
}

export interface StudioDraft {
  packId: string;
  part: string;
  /** The active version the edit started from. */
  baseVersion: string;
  text: string;
  savedAt: string;
}

export function isStudioDraft(v: unknown): v is StudioDraft {
  const d = v as Partial<StudioDraft> | null;
  return typeof d === 'object' && d !== null && typeof d.packId === 'string' && typeof d.part === 'string' && typeof d.text === 'string' && typeof d.baseVersion === 'string';
}
