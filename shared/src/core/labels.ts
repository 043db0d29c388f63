/**
 * Labels as a person reads them. Portals write the same label many ways: `姓　　名：`,
 * `* 姓名`, `姓名(必填)`, `姓 名:`; matching compares the normalised form.
 */
const REQUIRED_MARKERS = /[（(]\s*(必填|必选|required)\s*[)）]|必填项?|\*|＊/gi;

const cache = new Map<string, string>();

export function normalizeLabel(label: string): string {
  // Pack checks and autofill normalise the same few hundred labels over and over.
  const hit = cache.get(label);
  if (hit !== undefined) return hit;
  const normal = normalize(label);
  if (cache.size > 5000) cache.clear();
  cache.set(label, normal);
  return normal;
}

function normalize(label: string): string {
  return label
    .normalize('NFKC')
    .replace(REQUIRED_MARKERS, '')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[:：]+$/u, '')
    .replace(/^[:：]+/u, '')
    .toLowerCase();
}
