/**
 * Plain words for plans, reports and skip reasons (issue 12 part 7): a portal field is named by
 * its visible label (without a trailing "：" — the line adds its own), a record field by the
 * record's field label (the form's, else the dictionary's); never an internal key, a DOM id or
 * name, or a control id such as `c3`. When the autofill engine gives plain labels and reasons on
 * an item (`portalLabel`, `fieldLabel`, `reasonText`, added by another helper), those are used.
 */
import type { AutofillContext, FormDefinition, SkipReason, SkippedControl } from '@lvzhi/shared';
import { plainLabel } from '../lib/local-mapping.ts';

type Lang = 'zh' | 'en';

/** The record's label for a dictionary key: the form field that binds it, else the dictionary entry; undefined when unknown. */
export function recordFieldLabel(key: string, form: FormDefinition | undefined, ctx: AutofillContext | undefined, lang: Lang): string | undefined {
  for (const section of form?.sections ?? []) {
    for (const f of section.fields) {
      const field = f as { bind?: string; label?: string; labelEn?: string };
      if (field.bind === key && field.label) return lang === 'en' ? field.labelEn ?? field.label : field.label;
    }
  }
  const e = ctx?.entries.get(key);
  if (e) return lang === 'en' ? e.labelEn ?? e.label : e.label;
  return undefined;
}

/** Optional plain properties the engine may add to plan and report items. */
interface PlainItem { portalLabel?: unknown; fieldLabel?: unknown; reasonText?: unknown; label?: string }

/** The portal field's name as the clerk sees it on the page. */
export function portalFieldName(item: PlainItem & { reason?: string }, unlabeled: string): string {
  if (typeof item.portalLabel === 'string' && item.portalLabel.trim() !== '') return plainLabel(item.portalLabel);
  // Without a label the engine names a control by its DOM name or id: never shown.
  if (item.reason === 'no-label') return unlabeled;
  const p = plainLabel(item.label ?? '');
  return p === '' || looksLikeDomName(p) ? unlabeled : p;
}

/** `ctl00$main$rblSFLR`, `txtXM`, `form_item_3`: ASCII identifiers no person wrote as a label. */
export function looksLikeDomName(text: string): boolean {
  return /^[A-Za-z_][\w$.:\-\[\]]*$/.test(text) && (/[$_\[\]]|\d/.test(text) || /^[a-z]+[A-Z]/.test(text));
}

export interface SkipTexts { reason: (r: SkipReason) => string; unlabeled: string; maybe: string; recordLacks: string; later: string }

/** One skip line: "联系电话：可能对应多个字段，未填写（可能是：代表电话、来信人电话）". */
export function skipLine(s: SkippedControl & PlainItem, fieldLabel: (key: string) => string | undefined, texts: SkipTexts): string {
  const name = portalFieldName(s, texts.unlabeled);
  const reason = typeof s.reasonText === 'string' && s.reasonText.trim() !== '' ? s.reasonText : texts.reason(s.reason);
  const labels = [...new Set((s.candidates ?? []).map(fieldLabel).filter((x): x is string => !!x))];
  let detail = '';
  if (labels.length > 0 && s.reason === 'ambiguous') detail = `（${texts.maybe}：${labels.join('、')}）`;
  else if (labels.length > 0 && s.reason === 'no-value') detail = `（${texts.recordLacks}：${labels.join('、')}）`;
  // hidden or disabled now (a wizard's next step) with a record value waiting for it
  else if (labels.length > 0 && s.later) detail = `（${labels.join('、')}：${texts.later}）`;
  return `${name}：${reason}${detail}`;
}

/** One plan line: "建议标题 ← 关于……（记录：标题）". */
export function stepLine(step: { label: string; display: string; sensitive?: boolean; key: string } & PlainItem, masked: string, fieldLabel: (key: string) => string | undefined, unlabeled: string): string {
  const name = portalFieldName(step, unlabeled);
  const field = typeof step.fieldLabel === 'string' && step.fieldLabel ? step.fieldLabel : fieldLabel(step.key);
  const shown = field && field !== name ? `${masked}（${field}）` : masked;
  return `${name} ← ${shown}`;
}
