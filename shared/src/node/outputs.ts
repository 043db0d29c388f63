/**
 * Writing a command's output files: all or none. Every target is checked first (its folder
 * exists and is a folder, the target is not a folder), so a wrong path is named before anything
 * is written; then each file goes to a temporary name beside its target and all are renamed at
 * the end. A failure removes the temporary files and leaves earlier versions of the targets as
 * they were.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class OutputPathError extends Error {}

/** Checks that `file` can be written: its folder exists and it is not itself a folder. */
export async function checkOutputPath(file: string, option: string): Promise<void> {
  const dir = path.dirname(file);
  const d = await stat(dir).catch(() => undefined);
  if (!d) throw new OutputPathError(`输出文件夹不存在：${dir}（${option} ${file}），未写入任何文件 / the folder of ${option} ${file} does not exist; nothing written`);
  if (!d.isDirectory()) throw new OutputPathError(`输出路径不是文件夹：${dir}（${option} ${file}），未写入任何文件 / ${dir} is not a folder; nothing written`);
  const f = await stat(file).catch(() => undefined);
  if (f?.isDirectory()) throw new OutputPathError(`输出路径是一个文件夹：${file}（${option}），未写入任何文件 / ${option} ${file} is a folder; nothing written`);
}

/** Reads a file with a located, plain message instead of a raw errno. */
export async function readInputFile(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在 / no such file' : code === 'EISDIR' ? '这是一个文件夹 / is a folder' : code === 'EACCES' ? '没有读取权限 / permission denied' : (e as Error).message;
    throw new Error(`无法读取${what} ${file}：${why}`);
  }
}

/** Writes every output or none (see above). `outputs`: [path, bytes, the option that named it]. */
export async function writeOutputs(outputs: ReadonlyArray<readonly [file: string, bytes: Uint8Array, option: string]>): Promise<void> {
  for (const [file, , option] of outputs) await checkOutputPath(file, option);
  const temps: string[] = [];
  try {
    for (const [file, bytes] of outputs) {
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
      temps.push(tmp);
      await writeFile(tmp, bytes);
    }
    for (let i = 0; i < outputs.length; i++) await rename(temps[i]!, outputs[i]![0]);
  } catch (e) {
    for (const t of temps) await rm(t, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`写入失败（${code ?? (e as Error).message}），未写入任何文件 / writing failed; nothing written`, { cause: e });
  }
}

/**
 * Text of a file that should be UTF-8. Anything else is refused with the likely encoding named,
 * unless `encoding` (e.g. gbk) says how to read it. A BOM is dropped.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding?: string): string {
  const enc = (encoding ?? 'utf-8').toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(enc, { fatal: true });
  } catch {
    throw new Error(`不支持的编码 ${encoding} / unknown encoding ${encoding} (try utf-8 or gbk)`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    if (enc === 'utf-8' || enc === 'utf8') {
      let gbk = false;
      try {
        new TextDecoder('gbk', { fatal: true }).decode(bytes);
        gbk = true;
      } catch {
        /* neither */
      }
      throw new Error(
        `文件不是 UTF-8 编码${gbk ? '（可能是 GBK）' : ''}：${file}。${gbk ? '可加 --encoding gbk 转换后读取' : '请另存为 UTF-8'} / the file is not UTF-8${gbk ? ' (probably GBK): add --encoding gbk to convert it' : ''}`,
      );
    }
    throw new Error(`文件不是 ${encoding} 编码：${file} / the file is not valid ${encoding}`);
  }
}
