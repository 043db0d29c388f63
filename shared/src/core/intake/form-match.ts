/**
 * Which form a portal page is for, when no record was chosen: the portal mapping's form, else
 * the form whose field labels (and their dictionary synonyms) best cover the labels the page
 * shows. A page that matches no form well enough gets none, rather than a guess.
 */
import { normalizeLabel } from '../labels.ts';
import type { FormDefinition, PackDefinition } from '../pack-schema.ts';
import { exportFields } from '../spreadsheet/index.ts';

export interface FormGuess {
  form: FormDefinition;
  pack: PackDefinition;
  /** Page labels that matched a field of the form. */
  matched: number;
}

/** The best form for a page showing `labels`; at least `minMatched` (default 2) labels must match. */
export function bestFormForLabels(labels: readonly string[], packs: readonly PackDefinition[], options: { minMatched?: number } = {}): FormGuess | undefined {
  const page = new Set(labels.slice(0, 2000).map(normalizeLabel).filter(Boolean));
  const synonyms = new Map<string, string[]>();
  for (const p of packs) for (const d of p.dictionary ?? []) synonyms.set(d.key, [d.label, ...(d.synonyms ?? [])]);
  let best: FormGuess | undefined;
  let bestShare = 0;
  for (const pack of packs) {
    for (const form of pack.forms ?? []) {
      const fields = exportFields(form);
      let matched = 0;
      for (const f of fields) {
        const names = [f.label ?? '', ...('bind' in f && f.bind ? synonyms.get(f.bind) ?? [] : [])].map(normalizeLabel).filter(Boolean);
        if (names.some((n) => page.has(n))) matched++;
      }
      // More matches win; between equals, the form the page covers more of (fewer unmatched fields).
      const share = fields.length ? matched / fields.length : 0;
      if (!best || matched > best.matched || (matched === best.matched && share > bestShare)) { best = { form, pack, matched }; bestShare = share; }
    }
  }
  return best && best.matched >= (options.minMatched ?? 2) ? best : undefined;
}

/** `从『区人大代表履职平台』读取 · 2024-05-14 10:20`: the name of a draft read from a page. */
export function readDraftName(pageTitle: string, at: string): string {
  const title = pageTitle.trim().replace(/\s+/g, ' ').slice(0, 40) || '页面';
  return `从『${title}』读取 · ${at.slice(0, 16).replace('T', ' ')}`;
}
