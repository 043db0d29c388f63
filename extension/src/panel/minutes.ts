/**
 * Minutes PDF in the panel: render a meeting record with its pack's minutes template (the
 * Noto Serif SC font is shipped with the extension and fetched once), and sign it with one of
 * the user's keys (PAdES, @lvzhi/shared/pdf). Kept out of the content script entirely.
 */
import type { LvzhiRecord, PackDefinition, FormDefinition } from '@lvzhi/shared';
import {
  assertSigningCertificate,
  certificateDer,
  generateSigner,
  minutesBuildOptions,
  parseCertificate,
  renderMinutesPdf,
  signPdf,
  signerName,
  templatesFor,
  importPkcs12,
  type FontSet,
  type Signer,
} from '@lvzhi/shared/pdf';
import { saveKey, type StoredKey } from '../lib/staff-keys.ts';

/** The same three fonts as the CLI (shipped by scripts/build-content.mjs). */
export const FONT_PATHS = {
  regular: 'fonts/NotoSerifSC-Regular.ttf',
  bold: 'fonts/NotoSerifSC-Bold.ttf',
  heading: 'fonts/NotoSansSC-Bold.ttf',
} as const;
export const FONT_PATH = FONT_PATHS.regular;

const cache = new Map<string, Promise<Uint8Array>>();
function fontFile(path: string): Promise<Uint8Array> {
  let p = cache.get(path);
  if (!p) {
    p = fetch(chrome.runtime.getURL(path)).then(async (r) => {
      if (!r.ok) throw new Error(`字体文件缺失：${path}`);
      return new Uint8Array(await r.arrayBuffer());
    });
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

export function minutesFont(): Promise<Uint8Array> {
  return fontFile(FONT_PATHS.regular);
}

export async function minutesFonts(): Promise<FontSet> {
  const [regular, bold, heading] = await Promise.all([fontFile(FONT_PATHS.regular), fontFile(FONT_PATHS.bold), fontFile(FONT_PATHS.heading)]);
  return { regular, bold, heading };
}

export function minutesTemplate(pack: PackDefinition, form: FormDefinition) {
  return templatesFor(pack.templates, form.id).minutes;
}

/**
 * The minutes of a record, made exactly as `lvzhi minutes` makes them (`minutesBuildOptions`):
 * an incomplete record is refused with its missing fields, a draft gives draft minutes, 第X期
 * comes from the register of issued minutes (this browser's complete records), 印发日期 is the
 * record's, the meeting's or a chosen date.
 */
export async function renderMinutes(
  record: LvzhiRecord,
  pack: PackDefinition,
  form: FormDefinition,
  context: { packs: readonly PackDefinition[]; register: readonly LvzhiRecord[]; issuedDate?: string },
): Promise<Uint8Array> {
  const template = minutesTemplate(pack, form);
  if (!template) throw new Error(`表单“${form.title}”没有会议纪要模板`);
  const options = minutesBuildOptions({
    record,
    form,
    template,
    packs: context.packs,
    register: context.register.filter((r) => r.id !== record.id),
    ...(context.issuedDate ? { issuedDate: context.issuedDate } : {}),
  });
  const { pdf } = await renderMinutesPdf(options, { fonts: await minutesFonts(), ...(record.author?.name ? { author: record.author.name } : {}) });
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

/** Imports a .p12; the file itself is kept (for encrypted backups) only when `keepP12` is asked for. */
export async function importKey(file: Uint8Array, password: string, options: { keepP12?: boolean } = {}): Promise<StoredKey> {
  const signer = await importPkcs12(file, password, { extractable: false });
  const key: StoredKey = {
    id: crypto.randomUUID(), name: signerName(signer.certificate), createdAt: new Date().toISOString(), privateKey: signer.privateKey,
    certificate: buffer(certificateDer(signer.certificate)), chain: signer.chain.map((c) => buffer(certificateDer(c))), ...(options.keepP12 ? { p12: buffer(file) } : {}),
  };
  await saveKey(key);
  return key;
}

export async function signMinutes(pdf: Uint8Array, key: StoredKey, reason: string): Promise<Uint8Array> {
  const signer = signerOf(key);
  const signingTime = new Date();
  // As the CLI: an expired or not-yet-valid certificate is refused (a verifier would call it invalid).
  assertSigningCertificate(signer.certificate, signingTime);
  return signPdf(pdf, { signer, reason, signingTime, font: await minutesFont() });
}
