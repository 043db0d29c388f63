import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { isoCst, validityMessage, verifyPdf, type SignatureReport, type VerifyReport } from '../../pdf/index.ts';

const CHANGES: Record<SignatureReport['changesAfter'], string> = {
  nothing: '无 / nothing',
  'later-signatures': '仅后续签名 / only later signatures',
  'other-changes': '有其他改动 / other changes',
};

function printReport(file: string, r: VerifyReport, out: (l: string) => void): void {
  out(`${file}: ${r.signatures.length} 个签名 / signature(s), ${r.fileSize} bytes`);
  for (const s of r.signatures) {
    out(`签名 #${s.index}${s.fieldName ? `（${s.fieldName}）` : ''}`);
    out(`  签名人 / signer: ${s.signer ?? '?'}${s.subject ? `  [${s.subject}]` : ''}`);
    out(`  时间 / time: ${s.signingTime ? isoCst(s.signingTime) : '?'}`);
    if (s.reason) out(`  事由 / reason: ${s.reason}`);
    out(`  结果 / result: ${s.valid ? '有效 / VALID' : '无效 / INVALID'} (digest ${s.digestMatches ? 'ok' : 'MISMATCH'}, signature ${s.signatureVerified ? 'ok' : 'FAILED'})`);
    if (s.certificateValidity) out(`  证书 / certificate: 签名时${validityMessage(s.certificateValidity)}`);
    out(
      `  信任 / trust: ${
        s.trust === 'not-checked'
          ? '未检查签名人是否可信（未给出 --trust CA.pem） / trust in the signer was not checked (no --trust given)'
          : s.trust === 'trusted'
            ? `可信 / trusted — ${s.trustDetail ?? ''}`
            : `不可信 / NOT trusted — ${s.trustDetail ?? ''}`
      }`,
    );
    out(`  范围 / byte range: [${s.byteRange.join(' ')}] covers 0–${s.coveredEnd} of ${r.fileSize}${s.coversWholeFile ? '，覆盖整个文件 / whole file' : ''}`);
    out(`  之后的改动 / changed after: ${CHANGES[s.changesAfter]}`);
    for (const d of s.changeDetails) out(`    - ${d}`);
    for (const p of s.problems) out(`  ! ${p}`);
  }
  for (const p of r.problems) out(`! ${p}`);
  const trustNote = r.signatures.some((s) => s.trust === 'not-checked') ? '（未检查证书链是否可信 / the chain of trust was not checked）' : '（证书链已按信任锚检查 / chains checked against the trust anchors）';
  out(r.ok ? `结论：全部签名有效，签名时证书均在有效期内${trustNote} / all signatures valid` : '结论：验证未通过 / verification FAILED');
}

export const verifyCommand = defineCommand({
  name: ['verify'],
  summary: '验证 PDF 的数字签名 / verify the digital signatures of a PDF',
  usage: 'lvzhi verify FILE.pdf [--trust CA.pem]... [--json]\n  --trust: trust anchors (PEM or DER certificates); without it the chain of trust is not checked (and the report says so).',
  options: {
    json: { type: 'boolean', default: false },
    trust: { type: 'string', multiple: true },
  },
  async run({ values, positionals, cwd, out }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one PDF');
    const path = resolve(cwd, positionals[0]!);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      throw new Error(`无法读取 / cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const trust: Uint8Array[] = [];
    for (const t of values.trust ?? []) trust.push(...certificatesFrom(new Uint8Array(await readFile(resolve(cwd, t)).catch(() => { throw new Error(`无法读取信任锚 / cannot read the trust anchor ${t}`); }))));
    const report = await verifyPdf(bytes, { trust });
    if (values.json) out(JSON.stringify(report, null, 2));
    else printReport(positionals[0]!, report, out);
    return report.ok ? 0 : 1;
  },
});

/** DER certificates from a PEM file (one or more BEGIN CERTIFICATE blocks) or a DER file. */
function certificatesFrom(bytes: Uint8Array): Uint8Array[] {
  const text = new TextDecoder('latin1').decode(bytes);
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (!blocks.length) return [bytes];
  return blocks.map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}
