/**
 * Images and files in records live inside the record as `data:` URLs — never as links. A
 * remote URL in a signature image or a photo would be fetched wherever the record is shown or
 * printed (a tracking pixel, or the picture swapped after signing), and a backup or a sync
 * could carry one in. The record store refuses such a record on every write (store.ts), and a
 * backup restore refuses it before writing (backup.ts).
 *
 * Looked at: every object in the values (and the attic) that is a signature (`image`), a file
 * (`data` beside `name`/`type`), or that names an image by `src`/`url`/`href`. Plain text values
 * are not images and may hold any text, links included.
 */

export interface RemoteImageProblem {
  /** Path in the record, e.g. `values.chairSignature.image`. */
  path: string;
  message: string;
  messageEn: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(path: string, key: string, value: unknown, imageOnly: boolean, out: RemoteImageProblem[]): void {
  if (typeof value !== 'string') return;
  const ok = imageOnly ? /^data:image\/[a-z0-9.+-]+[;,]/i.test(value) : /^data:[a-z0-9.+/-]*[;,]/i.test(value);
  if (!ok) {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    out.push({ path: `${path}.${key}`, message: `${path}.${key}：图片和文件只能以 data: 形式保存在记录内，不接受链接（${shown}）`, messageEn: `${path}.${key}: images and files must be data: URLs inside the record, not links (${shown})` });
  }
}

function walk(value: unknown, path: string, out: RemoteImageProblem[], depth: number): void {
  if (depth > 64) return;
  if (Array.isArray(value)) { value.forEach((v, i) => walk(v, `${path}[${i}]`, out, depth + 1)); return; }
  if (!isObject(value)) return;
  if ('image' in value) check(path, 'image', value['image'], true, out);
  if ('data' in value && ('name' in value || 'type' in value)) check(path, 'data', value['data'], false, out);
  for (const k of ['src', 'url', 'href'] as const) if (k in value && typeof value[k] === 'string' && /^(https?:|\/\/|blob:|file:|ftp:)/i.test(value[k] as string)) check(path, k, value[k], false, out);
  for (const [k, v] of Object.entries(value)) if (typeof v === 'object') walk(v, `${path}.${k}`, out, depth + 1);
}

/** Every image or file in a record that is not a `data:` URL (empty when the record is clean). */
export function remoteImageProblems(record: { values?: unknown; attic?: unknown }): RemoteImageProblem[] {
  const out: RemoteImageProblem[] = [];
  walk(record.values, 'values', out, 0);
  walk(record.attic, 'attic', out, 0);
  return out;
}
