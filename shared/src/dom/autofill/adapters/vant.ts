/**
 * Vant 4 (mobile pages, Vue 3). A choice is a read-only clickable van-field that opens a bottom
 * van-popup holding a Picker (one column per part: a select, or year/month/day of a
 * DatePicker) or a Cascader (one tab per level); what the popup holds decides how it is written,
 * since the field itself does not say. Checkbox groups are role=checkbox items with no group
 * role; radio groups (role=radiogroup) and switches (role=switch) are the ARIA adapter's.
 */
import type { FillValue } from '../../../core/autofill/types.ts';
import { blur, clickLikeUser, entering, leaving, textOf, unusableReason } from '../util.ts';
import { ariaGroup } from './aria.ts';
import { cascaderPaths, closedOrClosing, openPopup, SETTLED_MS, visibleIn } from './popup.ts';
import { defineAdapter } from './registry.ts';
import { itemsOf, same, type WidgetAdapter } from './types.ts';
import { nextFrame, waitUntil } from './wait.ts';

/** van-checkbox-group: role=checkbox items in a plain div. */
export const vantCheckboxGroup = defineAdapter({ ...ariaGroup, name: 'vant-checkbox-group', roots: '.van-checkbox-group' });

const POPUP = '.van-popup';
const inputOf = (h: { el: Element }) => h.el.querySelector<HTMLInputElement>('input.van-field__control, textarea.van-field__control');
const numbersOf = (s: string) => (s.match(/\d+/g) ?? []).map(Number);

/** The texts a value may be shown as (a choice's candidates, or the text itself). */
function candidatesOf(v: FillValue): string[] {
  return itemsOf(v).flatMap((i) => i.candidates).concat(v.type === 'path' ? v.candidates : []);
}

async function pickColumns(popup: HTMLElement, v: FillValue): Promise<void> {
  const columns = () => Array.from(popup.querySelectorAll<HTMLElement>('.van-picker-column'));
  const items = (c: HTMLElement) => Array.from(c.querySelectorAll<HTMLElement>('.van-picker-column__item')).filter((i) => !i.classList.contains('van-picker-column__item--disabled'));
  const isSel = (i: HTMLElement) => i.classList.contains('van-picker-column__item--selected');
  if (!(await waitUntil(() => columns().length > 0 && items(columns()[0]!).length > 0, { root: popup, timeout: 1500 }))) throw new Error('选择面板没有选项');
  const choose = async (col: number, match: (t: string) => boolean) => {
    // the columns are rendered: an option missing from a settled column will not come
    const hit = await waitUntil(() => { const c = columns()[col]; return c ? items(c).find((i) => match(textOf(i, 200))) : undefined; }, { root: popup, timeout: 800, idle: SETTLED_MS });
    if (!hit) throw new Error('找不到选项');
    if (!isSel(hit)) clickLikeUser(hit);
    await waitUntil(() => isSel(hit) || (columns()[col] && items(columns()[col]!).some((i) => isSel(i) && match(textOf(i, 200)))), { root: popup, timeout: 800 });
  };
  if (columns().length === 1) {
    const cands = candidatesOf(v);
    await choose(0, (t) => cands.some((c) => same(t, c)));
    return;
  }
  // a date (or date-time) picker: one column per number of the value, in order
  const text = v.type === 'text' ? v.text : candidatesOf(v)[0] ?? '';
  const parts = numbersOf(text);
  if (parts.length < columns().length) throw new Error('值的部分少于选择面板的列');
  for (let c = 0; c < columns().length; c++) await choose(c, (t) => { const n = numbersOf(t); return n.length === 1 && n[0] === parts[c]; });
}

async function pickCascader(popup: HTMLElement, v: FillValue): Promise<void> {
  const options = () => visibleIn(popup, '.van-cascader__options').flatMap((list) => Array.from(list.querySelectorAll<HTMLElement>('.van-cascader__option')));
  const has = (t: string) => options().find((o) => same(textOf(o, 200), t));
  if (!(await waitUntil(() => options().length > 0, { root: popup, timeout: 1500 }))) throw new Error('级联面板没有选项');
  for (const path of cascaderPaths(v)) {
    const start = path.findIndex((p) => has(p));
    if (start < 0) continue;
    for (const part of path.slice(start)) {
      const o = await waitUntil(() => has(part), { root: popup, timeout: 1000 });
      if (!o) throw new Error('找不到选项');
      clickLikeUser(o);
      // the next tab opens, or the cascader finishes and its popup closes
      await waitUntil(() => !popup.isConnected || !visibleIn(popup.ownerDocument, POPUP).includes(popup) || !has(part) || (o.isConnected && o.classList.contains('van-cascader__option--selected') && options().length !== 0), { root: popup.ownerDocument.body, timeout: 800 });
      await nextFrame(popup);
    }
    return;
  }
  throw new Error('找不到选项');
}

/**
 * After a step, failed or not, the popup and its overlay must be going, or they cover every
 * field below. A confirmed choice closes them itself; otherwise close as a person does (the
 * panel's 取消, else a tap on the overlay). A popup still drawn whose page state already says
 * closed ignores both: opening it again from its field and tapping its overlay puts the two
 * back in step. The page's own state is never written; throws when the popup stays.
 */
async function closeVantPopup(doc: Document, popup: HTMLElement, opener: Element, confirmed: boolean): Promise<void> {
  const overlays = () => visibleIn(doc, '.van-overlay').filter((o) => !leaving(o));
  const gone = () => closedOrClosing(popup) && overlays().length === 0;
  const wait = (timeout: number) => waitUntil(gone, { root: doc.body, timeout });
  if (confirmed && (await wait(300))) return;
  const tap = () => {
    const cancel = Array.from(popup.querySelectorAll<HTMLElement>('.van-picker__cancel, .van-cascader__close-icon')).find((b) => !unusableReason(b));
    const target = (!closedOrClosing(popup) ? cancel : undefined) ?? overlays().pop();
    if (target) clickLikeUser(target);
  };
  if (!gone()) tap();
  if (await wait(600)) return;
  clickLikeUser(opener);
  await waitUntil(() => !closedOrClosing(popup) && !entering(popup), { root: doc.body, timeout: 600 });
  tap();
  if (!(await wait(600))) throw new Error('选择面板没有关闭');
}

export const vantPickerField: WidgetAdapter = defineAdapter({
  name: 'vant-picker',
  roots: '.van-field',
  detect(el) {
    const input = inputOf({ el });
    if (!input || !input.readOnly || !(el.classList.contains('van-cell--clickable') || el.querySelector('.van-cell__right-icon'))) return undefined;
    return { el: el as HTMLElement, visible: el, labelTarget: input, kind: 'select', claims: [input] };
  },
  read: (h) => inputOf(h)?.value || null,
  async write(h, v) {
    const doc = h.el.ownerDocument;
    const opener = inputOf(h) ?? h.el;
    const popup = await openPopup(h.el, opener, POPUP);
    if (!popup) throw new Error('选择面板没有打开');
    let confirmed = false;
    try {
      if (popup.querySelector('.van-cascader')) await pickCascader(popup, v);
      else if (popup.querySelector('.van-picker')) {
        await pickColumns(popup, v);
        const ok = popup.querySelector<HTMLElement>('.van-picker__confirm');
        if (!ok) throw new Error('找不到确认按钮');
        clickLikeUser(ok);
      } else throw new Error('不认识的选择面板');
      confirmed = true;
    } finally {
      await closeVantPopup(doc, popup, opener, confirmed);
      const input = inputOf(h); if (input) blur(input);
    }
  },
} satisfies WidgetAdapter);

