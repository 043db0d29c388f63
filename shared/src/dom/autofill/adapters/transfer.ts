/**
 * Transfers (穿梭框): two lists with a pair of buttons between them, as OA pages choose deputies
 * and staff — Element Plus / Element UI `el-transfer`, Ant Design / Ant Design Vue `Transfer`.
 * What the widget holds is the target (right) list. Written as a person does it: whoever is in
 * the target list and not wanted is ticked there and moved back; each wanted person is found in
 * the source list (typed into its filter box when the list has one and the name is not shown),
 * ticked, and the ticked ones moved across with the button that the ticking enabled. Ticking a
 * name was all the fill did before (each name's checkbox taken for a checkbox group): the names
 * were reported filled while the widget's model stayed empty.
 */
import { clickLikeUser, textOf } from '../util.ts';
import { itemsOf, sameName, type OptionItem, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
import { findItem, findNameVariant, typeSearch } from './popup.ts';
import { waitUntil } from './wait.ts';

interface TransferDom {
  name: string;
  roots: string;
  /** One list (source first, target second, in document order). */
  list: string;
  item: string;
  /** The item's label inside it (the name a person reads). */
  text: string;
  /** An item ticked for moving. */
  ticked: (item: Element) => boolean;
  /** The two buttons between the lists. */
  buttons: string;
  /** A list's filter box. */
  filter: string;
}

const ELEMENT: TransferDom = {
  name: 'element-transfer', roots: '.el-transfer', list: '.el-transfer-panel', item: '.el-transfer-panel__item',
  text: '.el-checkbox__label', ticked: (i) => i.classList.contains('is-checked'), buttons: '.el-transfer__buttons button',
  filter: '.el-transfer-panel__filter input',
};
const ANTD: TransferDom = {
  name: 'antd-transfer', roots: '.ant-transfer', list: '.ant-transfer-list', item: '.ant-transfer-list-content-item',
  text: '.ant-transfer-list-content-item-text', ticked: (i) => i.classList.contains('ant-transfer-list-content-item-checked') || !!i.querySelector('.ant-checkbox-checked'),
  buttons: '.ant-transfer-operation button', filter: '.ant-transfer-list-body-search-wrapper input, .ant-transfer-list-search input, .ant-transfer-list-body .ant-input',
};

/** How long a move or a filter may take to show (ms): the lists re-render on the next tick. */
const MOVE_MS = 1500;

function transfer(dom: TransferDom): WidgetAdapter {
  const lists = (h: WidgetHandle) => Array.from(h.el.querySelectorAll<HTMLElement>(dom.list)).filter((l) => l.parentElement === h.el || l.closest(dom.roots) === h.el);
  const textOfItem = (i: HTMLElement) => textOf(i.querySelector(dom.text) ?? i, 200);
  const items = (list: Element) => Array.from(list.querySelectorAll<HTMLElement>(dom.item));
  const named = (list: Element, it: OptionItem) => findItem(list, dom.item, textOfItem, it.candidates) ?? findNameVariant(list, dom.item, textOfItem, it.candidates);
  const filterOf = (list: Element) => list.querySelector<HTMLInputElement>(dom.filter) ?? undefined;

  /**
   * Ticks one item, awaited: a list keeps its ticks in state it updates after the click, and a second
   * click in the same moment starts from the old ticks (the first tick was lost).
   */
  async function tick(list: HTMLElement, item: HTMLElement): Promise<void> {
    if (dom.ticked(item)) return;
    const name = textOfItem(item);
    clickLikeUser(item.querySelector('input[type=checkbox]')?.closest('label') ?? item);
    const now = () => (item.isConnected ? item : items(list).find((i) => textOfItem(i) === name));
    if (!(await waitUntil(() => { const n = now(); return !!n && dom.ticked(n); }, { root: list, timeout: MOVE_MS }))) throw new Error(`穿梭框中的“${name}”勾选不上`);
  }

  /** Presses the one button the ticks in `from` enabled; waits until the named items have left it. */
  async function moveTicked(h: WidgetHandle, from: HTMLElement, names: readonly string[]): Promise<void> {
    const button = await waitUntil(() => {
      const enabled = Array.from(h.el.querySelectorAll<HTMLButtonElement>(dom.buttons)).filter((b) => !b.disabled && !/disabled/.test(b.className));
      return enabled.length === 1 ? enabled[0] : undefined;
    }, { root: h.el, timeout: MOVE_MS });
    if (!button) throw new Error('穿梭框的移动按钮不可用');
    clickLikeUser(button);
    const gone = await waitUntil(() => names.every((n) => !items(from).some((i) => textOfItem(i) === n)), { root: h.el, timeout: MOVE_MS });
    if (!gone) throw new Error('穿梭框没有移动所选项');
  }

  async function move(h: WidgetHandle, from: HTMLElement, picked: HTMLElement[]): Promise<void> {
    const names = picked.map(textOfItem);
    for (const i of picked) await tick(from, i);
    await moveTicked(h, from, names);
  }

  async function filterTo(list: HTMLElement, text: string): Promise<void> {
    const box = filterOf(list);
    if (!box || box.value === text) return;
    typeSearch(box, text);
    await waitUntil(() => false, { root: list, timeout: 300, idle: 60 });
  }

  const adapter: WidgetAdapter = {
    name: dom.name,
    roots: dom.roots,
    detect(el) {
      const h: WidgetHandle = { el: el as HTMLElement, visible: el, kind: 'multiselect', multiple: true, claims: Array.from(el.querySelectorAll('input, button')) };
      const ls = lists(h);
      if (ls.length !== 2) return undefined;
      // a list shown a page at a time offers more than its page: its options are not listed (the
      // plan would refuse a name on page 2); the write finds it through the filter box
      if (!ls.some((l) => l.querySelector('[class*="pagination"]'))) h.options = ls.flatMap((l) => items(l).map((i) => ({ value: textOfItem(i), text: textOfItem(i) })));
      return h;
    },
    read(h) {
      const target = lists(h)[1];
      return target ? items(target).map(textOfItem) : [];
    },
    async write(h, v) {
      const wanted = itemsOf(v);
      const [source, target] = lists(h);
      if (!source || !target) throw new Error('穿梭框不完整');
      // whoever is held and not asked for goes back first (a second record replacing the first)
      const unwanted = items(target).filter((i) => { const t = textOfItem(i); return !wanted.some((it) => it.candidates.some((c) => sameName(t, c))); });
      if (unwanted.length) await move(h, target, unwanted);
      // ticked in the source as found, moved together; one the list shows only through its filter box
      // (a list shown a page at a time) is moved on its own, the ticks before it moved first
      const ticked: string[] = [];
      const flush = async () => { if (ticked.length) await moveTicked(h, source, ticked.splice(0)); };
      for (const it of wanted) {
        if (named(target, it)) continue;
        let item = named(source, it);
        if (!item && filterOf(source)) {
          await flush();
          for (const c of it.candidates) {
            await filterTo(source, c);
            item = named(source, { candidates: [c] });
            if (item) break;
          }
          if (item) { await move(h, source, [item]); await filterTo(source, ''); continue; }
          await filterTo(source, '');
        }
        if (!item) throw new Error(`找不到选项“${it.candidates[0] ?? ''}”`);
        await tick(source, item);
        ticked.push(textOfItem(item));
      }
      await flush();
    },
    async clear(h) {
      const target = lists(h)[1];
      const held = target ? items(target) : [];
      if (target && held.length) await move(h, target, held);
    },
  };
  return adapter;
}

// before the libraries' own adapters: the lists' checkbox groups and filter boxes are the transfer's
export const elementTransfer = defineAdapter(transfer(ELEMENT), PRIORITY.library - 1);
export const antdTransfer = defineAdapter(transfer(ANTD), PRIORITY.library - 1);
