/**
 * Reading packs and records from disk with locations: JSON syntax errors give line and column,
 * every issue path is mapped back to the line it points at, and a pack folder (pack.json plus
 * one file per form, workflow, …) reports each issue in the file that holds the mistake.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { issue, type PathSegment, type ValidationIssue } from '../core/issues.ts';
import { excessiveNesting, nestingIssue } from '../core/json-limits.ts';
import { MAX_PACK_BYTES, tooLargeIssue } from '../core/pack-signing/envelope.ts';

/** No pack or record file is read beyond this (records may hold attachments; packs stop at MAX_PACK_BYTES). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export interface JsonDocument {
  file: string;
  text: string;
  tree: Node | undefined;
  json: unknown;
}

export interface Location { source: string; path: PathSegment[]; line?: number; column?: number }

/** A document read from disk: a pack (file or folder) or a record. */
export interface LoadedDocument {
  kind: 'pack' | 'record';
  /** Display path of the file or folder. */
  source: string;
  json: unknown;
  /** Maps a path inside `json` to the file, path and line that hold it. */
  locate(p: PathSegment[]): Location;
}

export interface LoadResult {
  documents: LoadedDocument[];
  /** Problems found while reading (syntax errors, unreadable files): located, never thrown. */
  issues: ValidationIssue[];
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, column: offset - last };
}

const PARSE_ERROR_ZH: Record<string, string> = {
  InvalidSymbol: '无效的符号', InvalidNumberFormat: '数字格式错误', PropertyNameExpected: '应为属性名（需用双引号）',
  ValueExpected: '应为值', ColonExpected: '缺少冒号 :', CommaExpected: '缺少逗号 ,', CloseBraceExpected: '缺少 }',
  CloseBracketExpected: '缺少 ]', EndOfFileExpected: '文件应在此结束', InvalidCommentToken: 'JSON 中不允许注释',
  UnexpectedEndOfComment: '注释未结束', UnexpectedEndOfString: '字符串未结束（缺少 "）', UnexpectedEndOfNumber: '数字不完整',
  InvalidUnicode: '无效的 Unicode 转义', InvalidEscapeCharacter: '无效的转义字符', InvalidCharacter: '无效字符',
};

/** Parses JSON text strictly (no comments, no trailing commas); never throws. */
export function parseJsonDocument(file: string, text: string): { doc?: JsonDocument; issues: ValidationIssue[] } {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = excessiveNesting(body);
  if (deep !== undefined) return { issues: [nestingIssue(file, body, deep)] };
  const tree = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const at = lineColumn(body, e?.offset ?? 0);
    const code = e ? printParseErrorCode(e.error) : 'ValueExpected';
    return {
      issues: [{
        source: file, path: [], code: 'json-syntax', line: at.line, column: at.column,
        message: `JSON 语法错误：${PARSE_ERROR_ZH[code] ?? code}`,
        messageEn: `JSON syntax error: ${code}`,
      }],
    };
  }
  const issues: ValidationIssue[] = [];
  // JSON.parse silently keeps the last of two equal keys; an administrator would lose an edit.
  const walk = (node: Node, p: PathSegment[]) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0]?.value as string;
        if (seen.has(key)) {
          const at = lineColumn(body, prop.offset);
          issues.push({ source: file, path: [...p, key], code: 'duplicate-key', line: at.line, column: at.column, message: `属性 "${key}" 在同一对象中出现了两次`, messageEn: `property "${key}" appears twice in the same object` });
        }
        seen.add(key);
        if (prop.children?.[1]) walk(prop.children[1], [...p, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((c, i) => walk(c, [...p, i]));
    }
  };
  walk(tree, []);
  return { doc: { file, text: body, tree, json: getNodeValue(tree) }, issues };
}

/** Line and column of the deepest existing node on `p`. */
export function locateIn(doc: JsonDocument, p: PathSegment[]): { line: number; column: number } | undefined {
  if (!doc.tree) return undefined;
  for (let n = p.length; n >= 0; n--) {
    const node = findNodeAtLocation(doc.tree, p.slice(0, n));
    if (node) {
      // Point at the property name for object members, which is what an editor highlights.
      const target = node.parent?.type === 'property' ? node.parent : node;
      return lineColumn(doc.text, target.offset);
    }
  }
  return undefined;
}

async function readDocument(file: string, display: string): Promise<{ doc?: JsonDocument; issues: ValidationIssue[] }> {
  let text: string;
  try {
    // The same ceiling as the extension's (MAX_PACK_BYTES) for what can be a pack; records may
    // carry attachments, so any file is read up to MAX_DOCUMENT_BYTES and a pack is held to the
    // pack limit once it is known to be one (see loadPaths).
    const size = (await stat(file)).size;
    if (size > MAX_DOCUMENT_BYTES) return { issues: [tooLargeIssue(display, size, MAX_DOCUMENT_BYTES)] };
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { issues: [{ ...issue([], 'unreadable', `无法读取文件：${(e as Error).message}`, `cannot read the file: ${(e as Error).message}`), source: display }] };
  }
  return parseJsonDocument(display, text);
}

function isRecordJson(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  if (typeof o.$schema === 'string' && o.$schema.endsWith('record.schema.json')) return true;
  return 'values' in o && 'form' in o;
}

function singleFileDocument(doc: JsonDocument): LoadedDocument {
  return {
    kind: isRecordJson(doc.json) ? 'record' : 'pack',
    source: doc.file,
    json: doc.json,
    locate: (p) => ({ source: doc.file, path: p, ...locateIn(doc, p) }),
  };
}

/** Folder parts: a file (array, or one object per file in a folder) merged into the pack. */
const FOLDER_PARTS: { key: string; file: string; dir: string; each: 'array' | 'object' }[] = [
  { key: 'dictionary', file: 'dictionary.json', dir: 'dictionary', each: 'array' },
  { key: 'optionSets', file: 'option-sets.json', dir: 'option-sets', each: 'array' },
  { key: 'rosters', file: 'rosters.json', dir: 'rosters', each: 'array' },
  { key: 'forms', file: 'forms.json', dir: 'forms', each: 'object' },
  { key: 'workflows', file: 'workflows.json', dir: 'workflows', each: 'object' },
  { key: 'portals', file: 'portals.json', dir: 'portals', each: 'object' },
  { key: 'templates', file: 'templates.json', dir: 'templates', each: 'object' },
];

async function exists(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch { return undefined; }
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return names.map((n) => path.join(dir, n));
}

/**
 * Builds a pack folder into one pack document. Each merged item remembers the file it came
 * from, so `locate` sends an issue at `$.forms[3].sections[0]` to `forms/meeting.json: $.sections[0]`.
 */
export async function loadPackFolder(dir: string, display: (p: string) => string = (p) => p): Promise<{ document?: LoadedDocument; issues: ValidationIssue[] }> {
  const issues: ValidationIssue[] = [];
  const head = await readDocument(path.join(dir, 'pack.json'), display(path.join(dir, 'pack.json')));
  issues.push(...head.issues);
  if (!head.doc) return { issues };
  if (typeof head.doc.json !== 'object' || head.doc.json === null || Array.isArray(head.doc.json)) {
    return { document: singleFileDocument(head.doc), issues };
  }
  const pack: Record<string, unknown> = { ...(head.doc.json as Record<string, unknown>) };
  // origins[key][i] = where item i of pack[key] lives.
  const origins = new Map<string, { doc: JsonDocument; prefix: PathSegment[] }[]>();
  for (const part of FOLDER_PARTS) {
    const list: unknown[] = [];
    const from: { doc: JsonDocument; prefix: PathSegment[] }[] = [];
    const inline = pack[part.key];
    if (Array.isArray(inline)) inline.forEach((_, i) => from.push({ doc: head.doc!, prefix: [part.key, i] }));
    if (inline !== undefined) list.push(...(Array.isArray(inline) ? inline : [inline]));
    const files: string[] = [];
    if ((await exists(path.join(dir, part.file))) === 'file') files.push(path.join(dir, part.file));
    if ((await exists(path.join(dir, part.dir))) === 'dir') files.push(...(await jsonFilesIn(path.join(dir, part.dir))));
    for (const file of files) {
      const r = await readDocument(file, display(file));
      issues.push(...r.issues);
      if (!r.doc) continue;
      const asArray = part.each === 'array' || path.basename(file) === part.file;
      if (asArray) {
        if (!Array.isArray(r.doc.json)) {
          issues.push({ source: r.doc.file, path: [], code: 'type', message: `此文件应为数组 […]（${part.key} 的各项）`, messageEn: `this file must be an array […] of ${part.key} items`, line: 1, column: 1 });
          continue;
        }
        r.doc.json.forEach((item, i) => { list.push(item); from.push({ doc: r.doc!, prefix: [i] }); });
      } else {
        // A part file may name its own schema for editors; it is not part of the pack.
        const item = r.doc.json;
        if (typeof item === 'object' && item !== null && !Array.isArray(item) && '$schema' in item) {
          const { $schema: _, ...rest } = item as Record<string, unknown>;
          list.push(rest);
        } else list.push(item);
        from.push({ doc: r.doc, prefix: [] });
      }
    }
    if (files.length > 0 || inline !== undefined) {
      pack[part.key] = list;
      origins.set(part.key, from);
    }
  }
  const headDoc = head.doc;
  const document: LoadedDocument = {
    kind: 'pack',
    source: display(dir),
    json: pack,
    locate(p) {
      const [key, index, ...rest] = p;
      const list = typeof key === 'string' ? origins.get(key) : undefined;
      if (list && typeof index === 'number' && list[index]) {
        const o = list[index]!;
        const inner = [...o.prefix, ...rest];
        return { source: o.doc.file, path: inner, ...locateIn(o.doc, inner) };
      }
      return { source: headDoc.file, path: p, ...locateIn(headDoc, p) };
    },
  };
  return { document, issues };
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'schema', '.git', '.plasmo']);
const SKIP_FILES = /^(package(-lock)?\.json|tsconfig.*\.json|.*\.schema\.json|bench-results\.json)$/;

/**
 * Loads every pack and record under the given paths: a file, a pack folder (has pack.json),
 * or any folder (searched recursively).
 */
export async function loadPaths(paths: readonly string[], cwd: string = process.cwd()): Promise<LoadResult> {
  const documents: LoadedDocument[] = [];
  const issues: ValidationIssue[] = [];
  const display = (p: string) => {
    const rel = path.relative(cwd, p);
    return rel && !rel.startsWith('..') ? rel : p;
  };
  // A pack the extension would refuse for its size is refused here too, with the same message.
  const keep = (doc: LoadedDocument, source: string) => {
    if (doc.kind === 'pack') {
      const bytes = new TextEncoder().encode(JSON.stringify(doc.json)).length;
      if (bytes > MAX_PACK_BYTES) { issues.push(tooLargeIssue(source, bytes)); return; }
    }
    documents.push(doc);
  };
  const visit = async (p: string, top: boolean): Promise<void> => {
    const kind = await exists(p);
    if (kind === undefined) {
      issues.push({ source: display(p), path: [], code: 'not-found', message: '文件或文件夹不存在', messageEn: 'no such file or folder' });
      return;
    }
    if (kind === 'file') {
      if (!top && (!p.endsWith('.json') || SKIP_FILES.test(path.basename(p)))) return;
      const r = await readDocument(p, display(p));
      issues.push(...r.issues);
      if (r.doc) keep(singleFileDocument(r.doc), display(p));
      return;
    }
    if ((await exists(path.join(p, 'pack.json'))) === 'file') {
      const r = await loadPackFolder(p, display);
      issues.push(...r.issues);
      if (r.document) keep(r.document, display(p));
      return;
    }
    const entries = (await readdir(p)).sort();
    for (const name of entries) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      await visit(path.join(p, name), false);
    }
  };
  for (const p of paths) await visit(path.resolve(cwd, p), true);
  return { documents, issues };
}

/** Loads one pack (a file or a pack folder). */
export async function loadPackPath(p: string, cwd: string = process.cwd()): Promise<LoadResult> {
  return loadPaths([p], cwd);
}

/**
 * Pack folders near a file: the `packs/` folders of its ancestors (so that
 * `lvzhi validate forms/examples/x.json` finds forms/packs without being told).
 */
export async function packFoldersNear(file: string, levels = 4): Promise<string[]> {
  const found: string[] = [];
  let dir = path.dirname(path.resolve(file));
  for (let i = 0; i < levels; i++) {
    const candidate = path.join(dir, 'packs');
    if ((await exists(candidate)) === 'dir') found.push(candidate);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return found;
}

/**
 * The built-in packs (`forms/packs` of the `@lvzhi/forms` workspace), found from this file's
 * place, so that records outside the repository work without `--pack`. Undefined when absent
 * (a copy of the CLI without the forms).
 */
export async function builtInPacksDir(): Promise<string | undefined> {
  const candidate = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../forms/packs');
  return (await exists(candidate)) === 'dir' ? candidate : undefined;
}

/** `--pack` paths if given, else the packs/ folders near the file, else the built-in packs. */
export async function packPathsFor(file: string, given: readonly string[] | undefined): Promise<string[]> {
  if (given?.length) return [...given];
  const near = await packFoldersNear(file);
  if (near.length) return near;
  const builtIn = await builtInPacksDir();
  return builtIn ? [builtIn] : [];
}
