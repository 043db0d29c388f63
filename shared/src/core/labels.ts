/**
 * Labels as a person reads them. Portals write the same label many ways: `姓　　名：`,
 * `* 姓名`, `姓名(必填)`, `姓 名:`; matching compares the normalised form.
 */
const REQUIRED_MARKERS = /[（(]\s*(必填|必选|required)\s*[)）]|必填项?|\*|＊/gi;

export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(REQUIRED_MARKERS, '')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[:：]+$/u, '')
    .replace(/^[:：]+/u, '')
    .toLowerCase();
}
