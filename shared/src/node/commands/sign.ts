import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve, dirname, basename, join } from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { assertSigningCertificate, importPkcs12, isoCst, signPdf, PdfSignError } from '../../pdf/index.ts';
import { defaultFonts } from '../fonts.ts';
import { checkOutputPath } from '../outputs.ts';

async function readInput(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new Error(`无法读取${what} ${path} / cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Writes next to the target and renames, so that a failure never leaves a half-written file. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export const signCommand = defineCommand({
  name: ['sign'],
  summary: '给 PDF 加数字签名（已签名的文件以增量更新追加）/ add a digital signature to a PDF',
  usage:
    'lvzhi sign IN.pdf -o OUT.pdf --key KEY.p12 --password PW [--reason TEXT] [--name TEXT] [--location TEXT] [--font FONT.ttf] [--page N] [--invisible] [--allow-invalid-certificate]\n' +
    '  The stamp goes into the place the minutes reserved beside the signer (or the next free one), in the default Chinese font\n' +
    '  (Noto Serif SC) unless --font names another TrueType font. An expired or not-yet-valid certificate is refused.',
  options: {
    output: { type: 'string', short: 'o' },
    key: { type: 'string' },
    password: { type: 'string' },
    reason: { type: 'string' },
    name: { type: 'string' },
    location: { type: 'string' },
    font: { type: 'string' },
    page: { type: 'string' },
    invisible: { type: 'boolean', default: false },
    'allow-invalid-certificate': { type: 'boolean', default: false },
  },
  async run({ values, positionals, cwd, out, err }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one input PDF');
    if (!values.output) throw new UsageError('-o OUT.pdf is required');
    if (!values.key) throw new UsageError('--key KEY.p12 is required');
    if (values.password === undefined) throw new UsageError('--password is required (use --password "" for none)');
    let page: number | undefined;
    if (values.page !== undefined) {
      page = Number(values.page);
      if (!Number.isInteger(page) || page === 0) throw new UsageError('--page is a page number: 1 is the first, -1 the last');
      if (page > 0) page -= 1;
    }
    const input = resolve(cwd, positionals[0]!);
    const output = resolve(cwd, values.output);
    const pdf = await readInput(input, ' PDF');
    const keyFile = await readInput(resolve(cwd, values.key), '证书文件');
    await checkOutputPath(output, '-o');
    // The stamp always carries the signer's name in Chinese: the default font unless one is given.
    const font = values.font ? await readInput(resolve(cwd, values.font), '字体') : (await defaultFonts()).regular;
    const signer = await importPkcs12(keyFile, values.password);
    const signingTime = new Date();
    const validity = assertSigningCertificate(signer.certificate, signingTime, values['allow-invalid-certificate']);
    if (validity.state !== 'valid') err(`警告 / warning: 证书不在有效期内，按 --allow-invalid-certificate 仍签名；验证时此签名无效 / the certificate is outside its validity; verifiers will call this signature invalid`);
    let placed = '';
    let signed: Uint8Array;
    try {
      signed = await signPdf(pdf, {
        signer,
        signingTime,
        ...(values.reason !== undefined ? { reason: values.reason } : {}),
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.location !== undefined ? { location: values.location } : {}),
        font,
        stamp: values.invisible ? false : page !== undefined ? { page } : {},
        onPlaced: (p) => {
          placed = p.kind === 'reserved' ? `印章位于预留位置“${p.field}” / stamp in the reserved place ${p.field}` : p.kind === 'invisible' && !values.invisible ? '纪要上预留的印章位置已用完：签名不可见 / no reserved stamp place left: the signature is invisible' : '';
        },
      });
    } catch (e) {
      if (e instanceof PdfSignError) throw e;
      throw new Error(`签名失败 / signing failed: ${(e as Error).message}`, { cause: e });
    }
    await writeAtomically(output, signed);
    out(`已签名 / signed: ${output} (${signed.length} bytes, ${isoCst(signingTime)})`);
    if (placed) out(placed);
    return 0;
  },
});
