/**
 * Minutes PDF in the panel: render a meeting record with its pack's minutes template (the
 * Noto Serif SC font is shipped with the extension and fetched once), and sign it with one of
 * the user's keys (PAdES, @lvzhi/shared/pdf). Kept out of the content script entirely.
 */
import type { LvzhiRecord, PackDefinition, FormDefinition } from '@lvzhi/shared';
import { certificateDer, generateSigner, parseCertificate, renderMinutesPdf, signPdf, signerName, templatesFor, importPkcs12, type Signer } from '@lvzhi/shared/pdf';
import { saveKey, type StoredKey } from '../lib/staff-keys.ts';

export const FONT_PATH = 'fonts/NotoSerifSC-Regular.ttf';

let font: Promise<Uint8Array> | undefined;
export function minutesFont(): Promise<Uint8Array> {
  font ??= fetch(chrome.runtime.getURL(FONT_PATH)).then(async (r) => {
    if (!r.ok) throw new Error(`字体文件缺失：${FONT_PATH}`);
    return new Uint8Array(await r.arrayBuffer());
  });
  font.catch(() => { font = undefined; });
  return font;
}

export function minutesTemplate(pack: PackDefinition, form: FormDefinition) {
  return templatesFor(pack.templates, form.id).minutes;
}

export async function renderMinutes(record: LvzhiRecord, pack: PackDefinition, form: FormDefinition): Promise<Uint8Array> {
  const template = minutesTemplate(pack, form);
  if (!template) throw new Error(`表单“${form.title}”没有会议纪要模板`);
  const regular = await minutesFont();
  const { pdf } = await renderMinutesPdf({ record, form, template }, { fonts: { regular } });
  return pdf;
}

export function signerOf(key: StoredKey): Signer {
  return {
    privateKey: key.privateKey,
    certificate: parseCertificate(new Uint8Array(key.certificate)),
    chain: key.chain.map((c) => parseCertificate(new Uint8Array(c))),
  };
}

function buffer(u: Uint8Array): ArrayBuffer {
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
}

/** A new key pair in the browser (ECDSA P-256, non-extractable) with a self-issued certificate. */
export async function createKey(name: string, organization?: string): Promise<StoredKey> {
  const signer = await generateSigner({ subject: { commonName: name, ...(organization ? { organization } : {}) }, algorithm: 'ECDSA', extractable: false });
  const key: StoredKey = { id: crypto.randomUUID(), name, createdAt: new Date().toISOString(), privateKey: signer.privateKey, certificate: buffer(certificateDer(signer.certificate)), chain: [] };
  await saveKey(key);
  return key;
}

export async function importKey(file: Uint8Array, password: string): Promise<StoredKey> {
  const signer = await importPkcs12(file, password, { extractable: false });
  const key: StoredKey = {
    id: crypto.randomUUID(), name: signerName(signer.certificate), createdAt: new Date().toISOString(), privateKey: signer.privateKey,
    certificate: buffer(certificateDer(signer.certificate)), chain: signer.chain.map((c) => buffer(certificateDer(c))), p12: buffer(file),
  };
  await saveKey(key);
  return key;
}

export async function signMinutes(pdf: Uint8Array, key: StoredKey, reason: string): Promise<Uint8Array> {
  return signPdf(pdf, { signer: signerOf(key), reason, font: await minutesFont() });
}
