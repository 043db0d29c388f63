/**
 * @lvzhi/shared/pdf — PDF digital signatures (PAdES B-B) over WebCrypto, for Node and the
 * extension alike (no Node imports here).
 */
export { PdfSignError, type PdfSignErrorCode } from './errors.ts';
export {
  generateSigner,
  signerName,
  formatName,
  certificateDer,
  parseCertificate,
  certificateKeyAlgorithm,
  type Signer,
  type SubjectName,
  type KeyAlgorithm,
  type GenerateSignerOptions,
} from './signer.ts';
export { importPkcs12, type ImportPkcs12Options } from './pkcs12.ts';
export { signPdf, hasSignature, type SignPdfOptions, type StampOptions } from './sign.ts';
export { verifyPdf, revisionEnds, type VerifyReport, type SignatureReport, type ChangesAfter } from './verify.ts';
export { createCadesDetached, verifyCmsDetached, type CmsCheck, type CadesOptions } from './cms.ts';
export { pdfDateCst, isoCst, chineseCst, parsePdfDate } from './pdf-date.ts';
