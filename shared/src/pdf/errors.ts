/** Errors of the PDF signing code: `code` is stable for programs, `message` is for people (Chinese first). */
export type PdfSignErrorCode =
  | 'wrong-password'
  | 'damaged-key-file'
  | 'no-key-in-file'
  | 'unsupported-key'
  | 'not-a-pdf'
  | 'encrypted-pdf'
  | 'signature-too-large'
  | 'bad-argument';

export class PdfSignError extends Error {
  readonly code: PdfSignErrorCode;
  constructor(code: PdfSignErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfSignError';
    this.code = code;
  }
}
