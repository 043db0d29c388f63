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
  certificateValidityAt,
  validityMessage,
  assertSigningCertificate,
  type CertificateValidity,
  type Signer,
  type SubjectName,
  type KeyAlgorithm,
  type GenerateSignerOptions,
} from './signer.ts';
export { importPkcs12, type ImportPkcs12Options } from './pkcs12.ts';
export { signPdf, hasSignature, type SignPdfOptions, type StampOptions } from './sign.ts';
export { verifyPdf, revisionEnds, type VerifyOptions, type VerifyReport, type SignatureReport, type ChangesAfter } from './verify.ts';
export { createCadesDetached, verifyCmsDetached, type CmsCheck, type CadesOptions } from './cms.ts';
export { pdfDateCst, isoCst, chineseCst, parsePdfDate } from './pdf-date.ts';
// Minutes (会议纪要) and sign-in sheets: layout per GB/T 9704, CJK fonts as subsets, .docx.
export {
  DEFAULT_FONT_FILES,
  checkEmbeddable,
  evenGlyphFontkit,
  fixedFontkit,
  FontError,
  FontMetrics,
  fontMetrics,
  findMissingCharacters,
  characterName,
  type FontSet,
  type MissingCharacter,
} from './fonts.ts';
export { breakLines, tokenize, NO_LINE_START, NO_LINE_END } from './linebreak.ts';
export {
  buildMinutesDocument,
  minutesBuildOptions,
  minutesProblems,
  minutesProblemsMessage,
  IncompleteRecordError,
  cleanText,
  cleanValues,
  documentTexts,
  chineseNumber,
  formatChineseDateTime,
  formatTimeSpan,
  imageFromDataUrl,
  issueKey,
  issueNumber,
  tableRows,
  valueText,
  MinutesError,
  type Block,
  type MinutesDocument,
  type IssueKey,
  type BuildOptions,
  type MinutesProblem,
  type MinutesRequest,
} from './minutes-model.ts';
export { Layouter, LINE_PITCH, CHAR_PITCH, TEXT_WIDTH, TEXT_HEIGHT, MARGIN_LEFT, MARGIN_TOP, PAGE_WIDTH, PAGE_HEIGHT, type Layout, type LaidLine, type StampSlot } from './layout.ts';
export { renderMinutesPdf, renderDocumentPdf, checkFonts, templatesFor, type MinutesInput, type RenderOptions, type RenderedPdf } from './minutes.ts';
export { renderMinutesDocx, type DocxFonts } from './docx.ts';
