/**
 * What dropdown widgets of every library share: open the popup with the widget's own trigger,
 * wait (on mutations, never a fixed sleep) for the option to be rendered, scroll a virtual list
 * to reach it, type into the widget's search box when the option is not in the list, click it,
 * close once. Cascaders are walked level by level. Library files (element-plus.ts, antd.ts…)
 * pass their selectors to `popupSelect`, `textPicker` and `menuCascader`.
 */
import type { FillValue } from '../../../core/autofill/types.ts';
import { normalizeDateFormat } from '../../../core/autofill/convert.ts';
import { nameVariant, pickNameVariant } from '../../../core/autofill/names.ts';
import { compactRegion, isRegionName, regionIndexOf, regionParts, regionPrefix } from '../../../core/autofill/region.ts';
import { appearing, blur, clickLikeUser, entering, fire, hover, key, leaveClassed, leaving, setNativeValue, shownOrAppearing, textOf, unusableReason, win } from '../util.ts';
import { componentOf } from '../framework-state.ts';
import { chooserBeside, tickInDialog } from './dialog-picker.ts';
import { itemsOf, same, type OptionItem, type ReadValue, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { nextFrame, nextTask, scrollsSettled, waitUntil } from './wait.ts';

/**
 * The elements matching `selector` a person sees or is about to: drawn (perhaps scrolled off), or
 * transparent only because their fade-in has begun (see appearing) — an antd dropdown's appear
 * animation runs from opacity 0, and on a busy page its first drawn frame came ~50 ms after the
 * animation started: each select waited that out before it counted its dropdown as open. Not in
 * the transition's first frame (see entering): a choice confirmed then can leave a Vue popup drawn.
 */
export function visibleIn(doc: ParentNode, selector: string): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(selector)).filter((e) => { const r = unusableReason(e); return !r || r === 'off-screen' || (r === 'hidden' && !entering(e) && appearing(e)); });
}

const docOf = (el: Element) => el.ownerDocument;

/**
 * From now on, the popups that open: visible, not in a leave transition, and either not visible
 * before or (one popup shared by several fields) leaving before. A popup that is leaving is never
 * the one that opened, even when it grows from nothing (a page that empties a closing popup and
 * renders the next field's content into it while it fades out).
 */
export function popupsOpenedFrom(doc: Document, popupSel: string): () => HTMLElement[] {
  const before = new Set(visibleIn(doc, popupSel));
  const wasLeaving = new Set(Array.from(doc.querySelectorAll(popupSel)).filter((p) => leaving(p)));
  return () => visibleIn(doc, popupSel).filter((p) => !leaveClassed(p) && !leaving(p) && (!before.has(p) || wasLeaving.has(p)));
}

/** Closed, or on its way out (its leave animation running): the widget took the close. */
export function closedOrClosing(popup: HTMLElement): boolean {
  // (one fading in from transparent is opening, not closed: see appearing)
  return !popup.isConnected || !shownOrAppearing(popup) || leaving(popup);
}

/**
 * Opens a widget's dropdown and returns its popup element: the one its combobox names in
 * aria-controls, or else a popup that was not visible before the click (another widget's popup
 * may still be fading out: one that is leaving and comes back counts as opened), or the one
 * already open when the widget says it is expanded (its combobox's aria-expanded, or `expanded`
 * when the caller knows it otherwise: see openOwnPopup) — then it is not clicked, a click would
 * toggle it shut. `shown` narrows what counts as an open popup (a library that keeps its closed
 * panels in the page, where they still pass for visible). Returns once the popup's enter transition
 * has started: a choice confirmed in the very first frame can leave a Vue popup drawn while
 * its state says closed.
 */
export async function openPopup(root: HTMLElement, opener: Element, popupSel: string, timeout = 1500, opts: { expanded?: boolean; shown?: (p: HTMLElement) => boolean } = {}): Promise<HTMLElement | undefined> {
  const doc = docOf(root);
  const combo = root.querySelector('[role=combobox]') ?? (root.getAttribute('role') === 'combobox' ? root : null) ?? root.querySelector('input');
  const viaAria = () => {
    const id = combo?.getAttribute('aria-controls') || combo?.getAttribute('aria-owns');
    const l = id ? doc.getElementById(id) : null;
    const p = (l?.matches(popupSel) ? l : l?.closest(popupSel) ?? null) as HTMLElement | null;
    return p && !unusableReason(p) ? p : undefined;
  };
  const shown = opts.shown ?? (() => true);
  const opened = popupsOpenedFrom(doc, popupSel);
  const expanded = opts.expanded ?? combo?.getAttribute('aria-expanded') === 'true';
  if (!expanded) clickLikeUser(opener);
  const fresh = () => { const p = viaAria() ?? opened().filter(shown)[0]; return p && shown(p) ? p : undefined; };
  // already open before (expanded) or a popup that stays in the DOM: its own (drawn inside it), else the last visible one
  const openNow = () => visibleIn(doc, popupSel).filter((p) => !leaveClassed(p) && !leaving(p) && shown(p));
  const ownOpen = () => { const open = openNow(); return open.find((p) => root.contains(p)) ?? open[open.length - 1]; };
  // a widget that says it is open and shows its popup is taken at once; one that says so before
  // drawing it (opened by its focus a moment ago) is given a moment (waiting the moment out every
  // time cost a grid's select editor 0.1 s a cell)
  const got = await waitUntil(expanded ? () => fresh() ?? ownOpen() : fresh, { near: root, timeout: expanded ? 100 : timeout });
  const only = () => { const open = openNow(); return open.length === 1 ? open[0] : undefined; };
  const popup = got ?? (expanded ? ownOpen() : only());
  if (popup && entering(popup)) await waitUntil(() => !entering(popup), { root: popup, timeout: 300 });
  return popup;
}

/** How long a second click is given to open a dropdown the first click left closed (ms). */
const REOPEN_MS = 700;

/**
 * Opens a widget's dropdown, or takes the one it shows open already. An editor a grid hands over
 * (grid.ts openCell) may have opened its dropdown on its own — the grid focused it and the widget
 * opens on focus (vxe-select, Element Plus's automatic-dropdown), or the page opened it for the
 * clerk (a cell-click handler calling the select's toggleMenu) — and a click then toggles it
 * shut, or is swallowed by the widget's own guard against just that (vxe-select ignores clicks
 * for 500 ms after its focus opened the panel). So a dropdown the widget says is open (`open`:
 * aria-expanded, or the library's own class) is taken as it is, and a click that left it closed
 * (toggled shut, or swallowed) is given one more, the widget saying again what it is.
 */
export async function openOwnPopup(root: HTMLElement, opener: Element, popupSel: string, o: { open: () => boolean; shown?: (p: HTMLElement) => boolean; timeout?: number }): Promise<HTMLElement | undefined> {
  // (one fading in from transparent is open: see appearing)
  const usable = (p: HTMLElement | undefined) => !!p && p.isConnected && shownOrAppearing(p) && !leaving(p) && (o.shown?.(p) ?? true);
  for (let i = 0; i < 2; i++) {
    const p = await openPopup(root, opener, popupSel, i ? REOPEN_MS : o.timeout ?? 1500, { expanded: o.open(), ...(o.shown ? { shown: o.shown } : {}) });
    if (usable(p)) return p;
  }
  return undefined;
}

// (an item fading in takes a click already: see appearing)
const pickable = (e: HTMLElement) => { const r = unusableReason(e); return !r || r === 'off-screen' || r === 'clipped' || (r === 'hidden' && appearing(e)); };

/**
 * The first item whose text matches a candidate, in the order of the candidates; else the one
 * item whose leading text does (an option drawn as its name and a grey note beside it — 陈志强
 * <span style="float:right">青山片</span>, Element's and iView's custom option template).
 */
export function findItem(scope: ParentNode, itemSelector: string, textOfItem: (e: HTMLElement) => string, candidates: readonly string[]): HTMLElement | undefined {
  const items = Array.from(scope.querySelectorAll<HTMLElement>(itemSelector)).filter(pickable);
  for (const c of candidates) {
    const hit = items.find((i) => same(textOfItem(i), c));
    if (hit) return hit;
  }
  for (const c of candidates) {
    const hits = items.filter((i) => { const lead = leadText(i); return lead !== undefined && same(lead, c); });
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

/** An item's own text before its first element, or its first element's text, when the item holds more than that. */
function leadText(item: HTMLElement): string | undefined {
  const own = Array.from(item.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
  const first = own ? undefined : item.firstElementChild;
  const lead = own || (first ? textOf(first, 200) : '');
  return lead && lead !== textOf(item, 200) ? lead : undefined;
}

/**
 * The one item naming a candidate with its place in front or without (市场监督管理所 →
 * 青山镇市场监督管理所). Only over a list shown whole — a filtered list, or one not scrolled —
 * since uniqueness means nothing in the rendered slice of a virtual list.
 */
export function findNameVariant(scope: ParentNode, itemSelector: string, textOfItem: (e: HTMLElement) => string, candidates: readonly string[]): HTMLElement | undefined {
  const items = Array.from(scope.querySelectorAll<HTMLElement>(itemSelector)).filter(pickable);
  const i = pickNameVariant(candidates, items.map(textOfItem));
  return i === undefined ? undefined : items[i];
}

/** How many shown items name `c` with a place in front or without (names.ts). */
function nameVariants(scope: ParentNode, itemSelector: string, textOfItem: (e: HTMLElement) => string, c: string): number {
  return Array.from(scope.querySelectorAll<HTMLElement>(itemSelector)).filter((i) => pickable(i) && nameVariant(c, textOfItem(i))).length;
}

/** At most this many branches of a tree are opened to find a node (a popup is not crawled). */
const MAX_BRANCHES = 60;

/** A tree is drawn once nothing in it changed for this long (ms): a branch may slide open (jQuery's slideDown). */
const TREE_SETTLED_MS = 120;

/**
 * Opens the closed branches of the tree in `scope` one click at a time, each awaited on its
 * mutations; bounded by MAX_BRANCHES. With `until`, stops at what it finds, looked for once the
 * tree is still again after each branch (the nodes of a branch sliding open count once drawn).
 */
export async function expandTree<T>(scope: ParentNode, closed: string, until?: () => T | undefined, item?: string): Promise<T | undefined> {
  for (let i = 0; i < MAX_BRANCHES; i++) {
    if (until) {
      const hit = await waitUntil(until, { root: scope as Node, timeout: 1000, idle: TREE_SETTLED_MS });
      if (hit) return hit;
    }
    const toggles = () => Array.from(scope.querySelectorAll<HTMLElement>(closed)).find(pickable);
    // the branches a toggle just opened may still be growing in (Semi's tree slides each open
    // from no height): their toggles are waited for, not taken for none
    const next = toggles() ?? (item && scope.querySelector(closed) ? await waitUntil(toggles, { root: scope as Node, timeout: 400 }) : undefined);
    if (!next) break;
    const drawn = item ? scope.querySelectorAll(item).length : 0;
    clickLikeUser(next);
    await waitUntil(() => !next.isConnected || !next.matches(closed), { root: scope as Node, timeout: 400 });
    // a tree may mark the branch open a task before it draws its nodes (Semi's TreeSelect mounts
    // them in a collapsible that opens on a timer): the nodes (`item`) are awaited, or the walk
    // ended at a branch that looked empty
    if (item && next.isConnected && !next.matches(closed)) await waitUntil(() => scope.querySelectorAll(item).length !== drawn, { root: scope as Node, timeout: 400 });
    if (next.isConnected && next.matches(closed)) break; // a toggle that does not open: stop, do not loop on it
  }
  return until?.() ?? undefined;
}

/**
 * Finds the option in an open popup: rendered already, rendered soon (options loading), or
 * further down a virtual list (scrolled page by page, each page awaited on its mutations).
 */
export async function pickFromPopup(popup: HTMLElement, itemSelector: string, textOfItem: (e: HTMLElement) => string, candidates: readonly string[], opts: { scrollHolder?: string; timeout?: number; collapsed?: string } = {}): Promise<HTMLElement | undefined> {
  const find = () => findItem(popup, itemSelector, textOfItem, candidates);
  const anyItems = () => popup.querySelector(itemSelector);
  // wait for the list to be rendered (or to load), then for the option itself while the list
  // still changes (options arriving): a settled list without it will not grow it
  const timeout = opts.timeout ?? 1500;
  const t0 = Date.now();
  const listed = await waitUntil(() => find() ?? anyItems(), { root: popup, timeout });
  // items not pickable yet (fading or growing in) may be the option: the popup's animation counts as a change only then
  // (checked on every tick of the wait: the first items tell, a long list is not walked each time)
  const moving = () => Array.from(popup.querySelectorAll<HTMLElement>(itemSelector)).slice(0, MOVING_SAMPLE).some((i) => !pickable(i));
  // the one option naming it with its place in front (农经站 / 青山镇农经站) is taken once the list is
  // still, without waiting out the settle time for an exact text it does not have (~0.3 s a select)
  const variant = () => (moving() ? undefined : findNameVariant(popup, itemSelector, textOfItem, candidates));
  const holder = opts.scrollHolder ? popup.querySelector<HTMLElement>(opts.scrollHolder) ?? (popup.matches(opts.scrollHolder) ? popup : null) : null;
  // a list longer than its box has come (a virtual list draws only the rows in view): an option
  // not among the rows drawn will not appear by waiting for the list to be still — it is scrolled
  // to or searched for at once (waiting cost a ProComponents page ~0.4 s a select)
  const overflowing = () => !!holder && holder.isConnected && holder.scrollHeight > holder.clientHeight + 2;
  // a tree drawn with closed branches: a node not among those drawn is inside one of them, and
  // waiting for the tree to be still will not draw it (it cost each tree-select ~0.3–0.4 s before
  // its search or its branches were tried)
  const folded = () => !!opts.collapsed && !!popup.querySelector(opts.collapsed);
  const direct = listed ? find() ?? await waitUntil(() => find() ?? variant() ?? (!moving() && (overflowing() || folded()) ? NOT_SHOWN : undefined), { root: popup, timeout: Math.max(0, timeout - (Date.now() - t0)), idle: SETTLED_MS, moving }) : undefined;
  if (direct && direct !== NOT_SHOWN) return direct;
  if (!holder || holder.scrollHeight <= holder.clientHeight + 2) return find() ?? findNameVariant(popup, itemSelector, textOfItem, candidates);
  holder.scrollTop = 0;
  fire(holder, 'scroll', { bubbles: false });
  for (let i = 0; i < 200; i++) {
    const hit = await waitUntil(find, { root: holder, timeout: 60 });
    if (hit) return hit;
    const before = holder.scrollTop;
    holder.scrollTop += Math.max(32, holder.clientHeight - 32);
    fire(holder, 'scroll', { bubbles: false });
    if (holder.scrollTop === before) return find();
  }
  return undefined;
}

/** The wait's answer for "the list is all there and the option is not drawn": not an item. */
const NOT_SHOWN = {} as HTMLElement;

/** How many of a list's first items say whether it is still fading or growing in. */
const MOVING_SAMPLE = 12;

/** How long a rendered list must stay unchanged to count as settled (ms). */
export const SETTLED_MS = 150;
/** After typing into a search box: a remote search may show nothing until its debounce and request are over. */
export const SEARCH_SETTLED_MS = 300;

/** Types `text` into a search box the way a person does, so a filterable list narrows to it. */
export function typeSearch(input: HTMLInputElement, text: string): void {
  input.focus({ preventScroll: true });
  setNativeValue(input, text);
  input.dispatchEvent(new (win(input).InputEvent)('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

// ---------------------------------------------------------------- selects

export interface PopupSelectConfig {
  name: string;
  aliases?: readonly string[];
  roots: string;
  /** Not this widget after all (a cascader sharing the select's class…). */
  exclude?(el: Element): boolean;
  /** What to click to open, inside the root (default: the root). */
  trigger?: string;
  popup: string;
  item: string;
  itemText?(e: HTMLElement): string;
  /** A tree's closed branch toggles in the popup (a tree-select): opened when the item is not found otherwise. */
  expand?: string;
  /** Multiple choice by the DOM alone (class, tag container), besides the component's props. */
  multipleDom(el: Element): boolean;
  /** Selected tags' texts (multiple). */
  tags: string;
  tagClose: string;
  /** The single selected text: an element inside the root whose text is the choice (or the input's value). */
  selected?: string;
  /** Placeholder element shown when empty: its text is no value. */
  placeholder?: string;
  clearIcon?: string;
  /** The search input inside the root (filterable selects). */
  search?: string;
  /** A search input the widget draws in its open popup instead (DevExtreme's lookup). */
  popupSearch?: string;
  scrollHolder?: string;
  /** The element whose visibility counts (default: the trigger or root). */
  visible?: string;
  /**
   * Whether the widget's dropdown is open, when the widget says so itself (a class on its root):
   * then a popup still fading out after the choice is not taken for open, and no Escape is pressed
   * to close it — Escape in an editor cell of a grid (DevExtreme's dxDataGrid) cancels the edit.
   */
  openState?: (el: HTMLElement) => boolean;
}

export const multipleByProps = (el: Element) => {
  const p = componentOf(el, ['multiple', 'mode'])?.props;
  return !!p && (p.multiple === true || p.multiple === '' || p.mode === 'multiple' || p.mode === 'tags');
};

function displayText(e: Element | null | undefined): string {
  if (!e) return '';
  return ((e as HTMLInputElement).value ?? e.getAttribute('title') ?? textOf(e, 200)).trim?.() ?? '';
}

export function popupSelect(cfg: PopupSelectConfig): WidgetAdapter {
  const textOfItem = cfg.itemText ?? ((e: HTMLElement) => e.getAttribute('title') || textOf(e, 200));
  const tagTexts = (h: WidgetHandle) => Array.from(h.el.querySelectorAll(cfg.tags)).map((t) => textOf(t, 200)).filter((t) => t && !/^\+\s*\d+/.test(t));
  const isOpen = (h: WidgetHandle) => cfg.openState ? cfg.openState(h.el) : h.el.querySelector('[aria-expanded="true"]') !== null || h.el.getAttribute('aria-expanded') === 'true';
  const adapter: WidgetAdapter = {
    name: cfg.name,
    ...(cfg.aliases ? { aliases: cfg.aliases } : {}),
    roots: cfg.roots,
    dropdown: { popup: cfg.popup, item: cfg.item },
    expanded: isOpen,
    detect(el) {
      if (cfg.exclude?.(el)) return undefined;
      const multiple = cfg.multipleDom(el) || multipleByProps(el);
      const visible = (cfg.visible ? el.querySelector(cfg.visible) : null) ?? (cfg.trigger ? el.querySelector(cfg.trigger) : null) ?? el;
      return { el: el as HTMLElement, visible, labelTarget: el.querySelector('input') ?? el, kind: multiple ? 'multiselect' : 'select', multiple, claims: Array.from(el.querySelectorAll('input, select')) };
    },
    read(h): ReadValue {
      if (h.multiple) return tagTexts(h);
      const tags = tagTexts(h);
      if (tags.length) return tags[0]!;
      const ph = cfg.placeholder ? h.el.querySelector(cfg.placeholder) : null;
      for (const e of cfg.selected ? Array.from(h.el.querySelectorAll(cfg.selected)) : []) {
        if (ph && (e === ph || ph.contains(e) || e.contains(ph))) continue;
        const t = displayText(e);
        if (t) return t;
      }
      return null;
    },
    async write(h, v) {
      const items = itemsOf(v);
      if (!h.multiple && items.length !== 1) throw new Error('单选下拉框只接受一个选项');
      // a select held shut by its page (open: false) shows what a picker beside it chose (JeecgBoot's
      // JSelectUserByDept: a 选择 button opens a modal of users): its dropdown never opens, so no
      // waiting out the open, twice, before saying so
      if (componentOf(h.el, ['open'])?.props.open === false) {
        // chosen as the clerk does: its 选择 button, the people ticked in the window it opens, 确定
        const chooser = chooserBeside(h.el);
        if (!chooser) throw new Error('该下拉框不能展开，由旁边的选择按钮或弹窗选择，请手动选择');
        if (h.multiple ? tagTexts(h).length : adapter.read(h)) throw new Error('已有选择，请在选择窗口中手动更改');
        await tickInDialog(h.el, chooser, items);
        return;
      }
      const opener = (cfg.trigger ? h.el.querySelector(cfg.trigger) : null) ?? h.el;
      if (h.multiple && tagTexts(h).length) await adapter.clear!(h);
      const search = () => (cfg.search ? h.el.querySelector<HTMLInputElement>(cfg.search) : null) ?? (cfg.popupSearch && popup ? popup.querySelector<HTMLInputElement>(cfg.popupSearch) : null);
      let popup: HTMLElement | undefined;
      try {
        for (const it of items) {
          // (a dropdown open already — a grid's editor that opened itself — is taken, not clicked shut)
          // (nor one replaying its fade-in after the pick: see appearing)
          if (!popup || !popup.isConnected || !shownOrAppearing(popup)) popup = await openOwnPopup(h.el, opener, cfg.popup, { open: () => isOpen(h) });
          if (!popup) throw new Error('下拉框没有打开');
          let item = await pickFromPopup(popup, cfg.item, textOfItem, it.candidates, { ...(cfg.scrollHolder ? { scrollHolder: cfg.scrollHolder } : {}), ...(cfg.expand ? { collapsed: cfg.expand } : {}) });
          const box = search();
          if (!item && box && !box.readOnly) {
            // a remote or long list: let the widget search for the most specific text
            for (const c of it.candidates) {
              typeSearch(box, c);
              // the list narrowed to what the widget found for it: the exact name, or the one item naming it longer or shorter
              item = await waitUntil(() => findItem(popup!, cfg.item, textOfItem, [c]) ?? findNameVariant(popup!, cfg.item, textOfItem, [c]), { root: popup, timeout: 1500, idle: SEARCH_SETTLED_MS });
              if (item) break;
              // two items name it (柳河镇卫生院, 柳河镇中心卫生院 for 卫生院): no guess, and no later,
              // narrower synonym picks one of them either (pickNameVariant's rule, candidate by candidate)
              if (nameVariants(popup, cfg.item, textOfItem, c) > 1) break;
            }
          }
          if (!item && cfg.expand) {
            // a tree without a search box, or whose search found no node by the record's name (it
            // names the node longer or shorter): open its branches as a person does, then look again
            if (box && !box.readOnly && box.value) { typeSearch(box, ''); await waitUntil(() => false, { root: popup, timeout: 400, idle: SEARCH_SETTLED_MS }); }
            await expandTree(popup, cfg.expand, undefined, cfg.item);
            item = findItem(popup, cfg.item, textOfItem, it.candidates) ?? findNameVariant(popup, cfg.item, textOfItem, it.candidates);
          }
          if (!item) throw new Error('找不到选项');
          const count = tagTexts(h).length;
          const shown = h.el.textContent;
          clickLikeUser(item);
          // the click took effect when the widget shows something else (a new tag, the chosen text) or closes
          if (h.multiple) await waitUntil(() => tagTexts(h).length > count, { root: h.el, timeout: 800 });
          else await waitUntil(() => h.el.textContent !== shown || !isOpen(h), { root: h.el, timeout: 800 });
        }
      } finally {
        // close once, with the keyboard a person would use, then leave the field
        const input = h.el.querySelector('input') ?? opener;
        if (isOpen(h) || (!cfg.openState && popup && shownOrAppearing(popup))) { key(input, 'Escape'); if (isOpen(h)) clickLikeUser(docOf(h.el).body); }
        if (input instanceof win(input).HTMLElement) blur(input);
        // and see it go: closed, or leaving (a leaving popup covers nothing, see unusableReason;
        // the fill waits for the last animations once at its end)
        if (popup) await waitUntil(() => closedOrClosing(popup!), { root: popup, timeout: 800 });
      }
    },
    async clear(h) {
      const closes = () => Array.from(h.el.querySelectorAll<HTMLElement>(cfg.tagClose));
      let n = closes().length;
      while (n > 0) {
        clickLikeUser(closes()[n - 1]!);
        await waitUntil(() => closes().length < n, { near: h.el, timeout: 600 });
        const m = closes().length;
        if (m >= n) throw new Error('不能移除已选项');
        n = m;
      }
      if (adapter.read(h) === null || (Array.isArray(adapter.read(h)) && (adapter.read(h) as string[]).length === 0)) return;
      hover(h.el); const inner = cfg.trigger ? h.el.querySelector(cfg.trigger) : null; if (inner) hover(inner);
      const icon = cfg.clearIcon ? await waitUntil(() => h.el.querySelector<HTMLElement>(cfg.clearIcon!), { near: h.el, timeout: 500 }) : undefined;
      if (!icon) throw new Error('该下拉框不能清空');
      clickLikeUser(icon);
      await waitUntil(() => adapter.read(h) === null, { near: h.el, timeout: 600 });
    },
  };
  return adapter;
}

// ---------------------------------------------------------------- date pickers

/**
 * A pointer moving onto `target` enters every element from `root` down to it: mouseenter does
 * not bubble, and a library may show its clear icon on entering the input's wrapper only (View UI).
 */
function hoverDown(root: Element, target: Element | null | undefined): void {
  const path: Element[] = [];
  for (let n: Element | null = target ?? null; n && n !== root && root.contains(n); n = n.parentElement) path.unshift(n);
  for (const n of [root, ...path]) hover(n);
}

/** Types the date into the picker's input as a person would, then presses Enter and leaves. */
export async function typeIntoPicker(input: HTMLInputElement, text: string, confirm = false, popupSel?: string, enter = true): Promise<void> {
  const opened = popupSel ? popupsOpenedFrom(docOf(input), popupSel) : undefined;
  clickLikeUser(input);
  input.focus({ preventScroll: true });
  // let the panel open first: Arco and TDesign reset the input's text when their panel mounts or becomes visible
  if (opened) await waitUntil(() => opened().length > 0, { near: input, timeout: 600 });
  await nextFrame(input);
  setNativeValue(input, text);
  input.dispatchEvent(new (win(input).InputEvent)('input', { bubbles: true, inputType: 'insertText', data: text }));
  // between the keystrokes, the handlers read the state the one before set: the frameworks flush
  // it in microtasks, so the next task is enough (a frame each cost a date field four frames)
  await nextTask(input);
  fire(input, 'change');
  if (enter) key(input, 'Enter');
  await nextTask(input);
  // date-time panels of some libraries (TDesign, Arco) keep a typed value pending until their own 确定 is clicked
  if (confirm && text) {
    await scrollsSettled(input);
    const ok = panelConfirm(input.ownerDocument);
    if (ok) { clickLikeUser(ok); await nextTask(input); }
  }
  blur(input);
  key(input, 'Escape');
  await nextTask(input);
}

/**
 * The 确定 / 确认 button of an open picker panel (a button inside an element whose class names a
 * picker, popup, popper, popover or dropdown) that a person can press. Its words are the button's
 * own text: textOf leaves buttons out (their words are no label), so it found none of them.
 */
function panelConfirm(doc: Document): HTMLElement | undefined {
  return Array.from(doc.querySelectorAll<HTMLElement>('button, .t-button, [role=button]')).find((b) => /^(确定|确认|OK|Ok)$/.test((b.textContent ?? '').replace(/\s+/g, '')) && !!b.closest('[class*="picker"], [class*="Picker"], [class*="popup"], [class*="popper"], [class*="PopOver"], [class*="popover"], [class*="dropdown"]') && !unusableReason(b) && !(b as HTMLButtonElement).disabled);
}

/** What a single date picker and a range picker of one library share (the library files pass both). */
export interface PickerConfig {
  name: string;
  aliases?: readonly string[];
  roots: string;
  exclude?(el: Element): boolean;
  /** A class or DOM sign that the picker takes a time too (besides its props). */
  timeDom?(el: Element): boolean;
  /** The kind the library's own DOM states (amis marks its control is-date / is-datetime): placeholders are then not read. */
  kindDom?(el: Element): 'date' | 'datetime';
  /** A class or DOM sign that the picker takes a time of day only (Element's el-time-picker, antd's TimePicker). */
  timeOnlyDom?(el: Element): boolean;
  /** The format it shows by default (date, date-time). */
  dateFormat: string;
  dateTimeFormat: string;
  clearIcon?: string;
  /** False when Enter picks the panel's focused cell (View UI: today) instead of the typed text, which `change` already took. */
  enter?: boolean;
  /** The picker's panel: when it stays open after Enter/Escape (TDesign), a click outside closes it, so it does not cover the next field. */
  popup?: string;
  /** The picker's own panel, whose controls are the widget's (WidgetAdapter.panel). */
  panel?: string;
  /**
   * The picker's own box is read-only and the date is typed into its panel instead (antd 3 and
   * Ant Design Vue 1: `.ant-calendar-input` in the calendar that the box opens; a range's panel
   * holds a start and an end one): written by `typeIntoPanel`, with `popup` the panel.
   */
  panelInput?: PanelInputConfig;
}

export interface PanelInputConfig {
  /** The inputs to type into, inside the opened panel, in order (a range's start, then end). */
  input: string;
  /** The panel's confirm button (a date-time panel that keeps a typed value pending until 确定). */
  ok?: string;
  /** An input the panel marks as not taking the text typed (unparsable, or a disabled date). */
  invalid?: string;
}

export interface TextPickerConfig extends PickerConfig {
  input?: string;
}

/** Closes a popup that stays open after the keyboard's Escape: waits for it to go, else clicks outside as a person would. */
export async function closeStrayPopup(near: HTMLElement, popupSel: string): Promise<void> {
  const doc = docOf(near);
  const open = () => visibleIn(doc, popupSel).filter((p) => !p.contains(near) && !leaving(p));
  if (!open().length) return;
  if (await waitUntil(() => open().length === 0, { near, timeout: 150 })) return;
  clickLikeUser(doc.body);
  await waitUntil(() => open().length === 0, { near, timeout: 600 });
}

/**
 * Types into a picker's panel as a person does when the picker's own box is read-only: clicks
 * the box, waits for the panel that opens, types each text into the panel's input(s) (a range:
 * start, end), then presses Enter in a single one; a panel still open after that (a date-time
 * waiting for 确定, a range) is confirmed with its own button, and one that stays open is closed
 * by a press outside. A range's end box is not confirmed with Enter: antd 3 then takes the month
 * its right-hand calendar shows instead of the typed one (2024-09-11 became 2024-10-11), while
 * the two typed ends are taken as soon as both are in. A text the panel marks invalid is not
 * confirmed: the picker keeps what it held, and the read-back says so.
 */
export async function typeIntoPanel(opener: HTMLElement, texts: readonly string[], popupSel: string, p: PanelInputConfig): Promise<void> {
  const doc = docOf(opener);
  const opened = popupsOpenedFrom(doc, popupSel);
  clickLikeUser(opener);
  const popup = await waitUntil(() => opened()[0], { near: opener, timeout: 1000 });
  if (!popup) throw new Error('日期面板没有打开');
  // shut: gone, leaving, or no longer drawn. Not `closedOrClosing`: a panel fading in (Ant Design
  // Vue keeps its -enter class and a low opacity for a while) is open, and left so it took the
  // next field's typing as that field's panel
  const shut = () => !popup.isConnected || leaving(popup) || leaveClassed(popup) || popup.getClientRects().length === 0;
  if (entering(popup)) await waitUntil(() => !entering(popup), { root: popup, timeout: 300 });
  const boxes = await waitUntil(() => { const b = visibleIn(popup, p.input) as HTMLInputElement[]; return b.length >= texts.length ? b : undefined; }, { root: popup, timeout: 600 });
  if (!boxes) throw new Error('日期面板中没有可输入的框');
  let last = boxes[0]!;
  for (let i = 0; i < texts.length; i++) {
    const box = boxes[i]!;
    box.focus({ preventScroll: true });
    await nextFrame(box);
    setNativeValue(box, texts[i]!);
    box.dispatchEvent(new (win(box).InputEvent)('input', { bubbles: true, inputType: texts[i] ? 'insertText' : 'deleteContentBackward', data: texts[i] || null }));
    await nextTask(box);
    last = box;
  }
  const taken = texts.every(Boolean) && !(p.invalid && boxes.some((b) => b.matches(p.invalid!)));
  if (taken) {
    if (texts.length === 1) { key(last, 'Enter'); await waitUntil(shut, { root: popup, timeout: 300 }); }
    const ok = p.ok && !shut() ? Array.from(popup.querySelectorAll<HTMLElement>(p.ok)).find((b) => !(b as HTMLButtonElement).disabled && !/disabled/.test(b.className)) : undefined;
    if (ok) { clickLikeUser(ok); await waitUntil(shut, { root: popup, timeout: 400 }); }
  }
  if (!shut()) {
    clickLikeUser(doc.body);
    await waitUntil(shut, { root: popup, timeout: 600 });
  }
}

const TIME_TYPES = /time/i;

/**
 * What the picker shows, from its component props when reachable (format, type, showTime,
 * enableTimePicker…), else its placeholder and DOM.
 */
function pickerFormat(el: Element, input: HTMLInputElement, cfg: TextPickerConfig): { kind: 'date' | 'datetime'; format?: string } {
  const c = componentOf(el, ['format', 'type', 'showTime', 'valueFormat', 'enableTimePicker', 'mode', 'picker']);
  const p = c?.props ?? {};
  // format props come as a string, an array of accepted formats (the first is shown) or { format }
  const fmtOf = (f: unknown): string | undefined => typeof f === 'string' ? f : Array.isArray(f) ? fmtOf(f[0]) : f && typeof f === 'object' && 'format' in f ? fmtOf((f as { format: unknown }).format) : undefined;
  // a Vue 2 wrapper sharing the picker's root without a format prop of its own (JeecgBoot's j-date,
  // dateFormat) passes it as the picker's format: the outermost instance declaring one has it
  const inner = c?.framework === 'vue2' && !('format' in p) ? fmtOf(componentOf(el, ['format'])?.props.format) : undefined;
  // a format of no date or time parts is a value format (amis's `format: 'X'`, a Unix timestamp), not what the box shows
  const shows = (f: string | undefined) => (f && /[YyMDdHhms]/.test(f) ? f : undefined);
  const fmtProp = shows(fmtOf(p.format)) ?? shows(fmtOf(p.displayFormat)) ?? shows(fmtOf(p.inputFormat)) ?? inner;
  // a time of day only (开始时间 09:00 beside 活动日期): a format of hours and minutes alone, the
  // component's picker/type of time, or the library's own sign — written as the time the record
  // holds, never a date read as a time (2025-05-15 taken for 20:05)
  const timeOnlyFmt = (f: string | undefined) => (f && /[Hh]/.test(f) && !/[YyDd]|M/.test(f) ? normalizeDateFormat(f) : undefined);
  if (p.picker === 'time' || p.type === 'time' || timeOnlyFmt(fmtProp) || cfg.timeOnlyDom?.(el)) {
    return { kind: 'datetime', format: timeOnlyFmt(fmtProp) ?? timeOnlyFmt(fmtOf(p.valueFormat)) ?? 'HH:mm:ss' };
  }
  const level = [p.picker, p.type, p.mode].find((x): x is string => typeof x === 'string' && /^(month|year|week|quarter)$/.test(x));
  const showTime = !!p.showTime || p.enableTimePicker === true || [p.type, p.mode].some((x) => typeof x === 'string' && TIME_TYPES.test(x));
  const ph = input.getAttribute('placeholder') ?? '';
  // the placeholder's 时间 is the page's wording (请选择 印发时间 over a date-only picker): it
  // counts only when the component's props do not say the kind (a type such as date or datetime)
  const typed = [p.type, p.picker, p.mode].some((x) => typeof x === 'string');
  const byDom = cfg.kindDom ? cfg.kindDom(el) === 'datetime' : !!cfg.timeDom?.(el) || (!typed && /时间|time/i.test(ph) && !/日期$/.test(ph));
  const withTime = showTime || !!(fmtProp && /[Hh]/.test(fmtProp)) || byDom;
  // unknown: leave it to the scan (placeholder hint, current value)
  const format = fmtProp ? normalizeDateFormat(fmtProp) : level === 'month' ? 'YYYY-MM' : level === 'year' ? 'YYYY' : withTime ? cfg.dateTimeFormat : Object.keys(p).length ? cfg.dateFormat : undefined;
  return { kind: withTime ? 'datetime' : 'date', ...(format ? { format } : {}) };
}

/** What a picker adapter is called and where it looks, from its library's config. */
function pickerIdentity(cfg: PickerConfig): Pick<WidgetAdapter, 'name' | 'aliases' | 'roots' | 'panel'> {
  return { name: cfg.name, ...(cfg.aliases ? { aliases: cfg.aliases } : {}), roots: cfg.roots, ...(cfg.panel ? { panel: cfg.panel } : {}) };
}

export function textPicker(cfg: TextPickerConfig): WidgetAdapter {
  // a hidden input beside the box carries the posted value (DevExtreme's date box): it is no second date
  const inputOf = (h: { el: Element }) => (cfg.input ? h.el.querySelector(cfg.input) : null) as HTMLInputElement | null ?? h.el.querySelector('input:not([type=hidden])') as HTMLInputElement;
  const adapter: WidgetAdapter = {
    ...pickerIdentity(cfg),
    detect(el) {
      if (cfg.exclude?.(el)) return undefined;
      const inputs = el.querySelectorAll('input:not([type=hidden])');
      if (inputs.length !== 1) return undefined; // ranges are not dictionary values
      if (rangeProps(el)) return undefined; // a range in one input (View UI daterange): the range adapter's
      const input = inputs[0]! as HTMLInputElement;
      const f = pickerFormat(el, input, cfg);
      return { el: el as HTMLElement, visible: el, labelTarget: input, kind: f.kind, ...(f.format ? { dateFormat: f.format } : {}), claims: Array.from(el.querySelectorAll('input')) };
    },
    read: (h) => inputOf(h).value || null,
    async write(h, v) {
      if (v.type !== 'text') throw new Error('日期控件只接受文本');
      if (cfg.panelInput && cfg.popup) await typeIntoPanel(inputOf(h), [v.text], cfg.popup, cfg.panelInput);
      else await typeIntoPicker(inputOf(h), v.text, h.kind === 'datetime', cfg.popup, cfg.enter ?? true);
      if (cfg.popup) await closeStrayPopup(h.el, cfg.popup);
    },
    async clear(h) {
      hoverDown(h.el, inputOf(h));
      const icon = cfg.clearIcon ? await waitUntil(() => h.el.querySelector<HTMLElement>(cfg.clearIcon!), { near: h.el, timeout: 400 }) : undefined;
      if (icon) clickLikeUser(icon);
      else if (cfg.panelInput && cfg.popup) await typeIntoPanel(inputOf(h), [''], cfg.popup, cfg.panelInput);
      else await typeIntoPicker(inputOf(h), '');
    },
  };
  return adapter;
}

// ---------------------------------------------------------------- range pickers

export interface RangePickerConfig extends PickerConfig {
  /** The two inputs (start, end); default: the root's inputs. */
  inputs?: string;
  /** Press Enter after the start too (a library that takes each end on its own Enter). */
  enterEach?: boolean;
  /**
   * One input showing `start<separator>end` (View UI / iView): the separator is the component's
   * `separator` prop when reachable, else this default. Such a root is a range only when its
   * props say so (type daterange/datetimerange) or its text is two dates joined so.
   */
  single?: { separator: string };
  /**
   * The date-time panel, closing, may scroll its time columns back and write the time they show
   * into the start (TDesign: the end's time, or 59 seconds): once the panel is gone, a start that
   * is not what was typed is typed again, alone, as a person corrects it. Off for the others, who
   * would only wait for their panel to go.
   */
  retypeStartOnClose?: boolean;
  /** A date range, too, takes the typed period only on its 确定 / 确认 (amis: a close without it puts the old one back). */
  confirmAlways?: boolean;
}

/** The component's props say it picks a range (type / mode daterange, datetimerange…). */
export function rangeProps(el: Element): boolean {
  const p = componentOf(el, ['type', 'mode', 'separator'])?.props ?? {};
  return [p.type, p.mode].some((x) => typeof x === 'string' && /range$/i.test(x));
}

/**
 * What a range picker shows: date or date-time, from its props (type daterange/datetimerange,
 * showTime, enableTimePicker, format) when reachable, else its DOM and placeholders.
 */
function rangeFormat(el: Element, inputs: HTMLInputElement[], cfg: RangePickerConfig): { kind: 'daterange' | 'datetimerange'; format: string } {
  // either box's placeholder may say 时间 (开始时间 / 结束时间 over a date range too): the library's
  // own sign (timeDom) counts first, placeholders only when it gives none
  const byPlaceholder = !cfg.kindDom && inputs.some((i) => /时间|time/i.test(i.getAttribute('placeholder') ?? '') && !/日期$/.test(i.getAttribute('placeholder') ?? ''));
  const f = pickerFormat(el, inputs[0]!, { ...cfg, timeDom: (e) => !!cfg.timeDom?.(e) || byPlaceholder });
  // the two inputs show the library's default format when the props are out of reach
  return { kind: f.kind === 'datetime' ? 'datetimerange' : 'daterange', format: f.format ?? (f.kind === 'datetime' ? cfg.dateTimeFormat : cfg.dateFormat) };
}

/** Types a period into a range picker's two inputs as a person does: the start, the end, then Enter (and 确定 for times). */
export async function typeRange(start: HTMLInputElement, end: HTMLInputElement, from: string, to: string, confirm: boolean, cfg: Pick<RangePickerConfig, 'popup' | 'enter' | 'enterEach'> & { startOnly?: boolean }): Promise<void> {
  const opened = cfg.popup ? popupsOpenedFrom(docOf(start), cfg.popup) : undefined;
  const type = async (input: HTMLInputElement, text: string) => {
    clickLikeUser(input);
    input.focus({ preventScroll: true });
    await nextFrame(input);
    setNativeValue(input, text);
    input.dispatchEvent(new (win(input).InputEvent)('input', { bubbles: true, inputType: 'insertText', data: text }));
    await nextTask(input);
    fire(input, 'change');
    await nextTask(input);
  };
  clickLikeUser(start);
  if (opened) await waitUntil(() => opened().length > 0, { near: start, timeout: 600 });
  await type(start, from);
  if (cfg.enterEach) { key(start, 'Enter'); await nextTask(start); }
  if (cfg.startOnly) {
    blur(start);
    key(start, 'Escape');
    await nextTask(start);
    return;
  }
  await type(end, to);
  if (cfg.enter ?? true) key(end, 'Enter');
  await nextTask(end);
  if (confirm) {
    await scrollsSettled(end);
    const ok = panelConfirm(end.ownerDocument);
    if (ok) { clickLikeUser(ok); await nextTask(end); }
  }
  blur(end);
  key(end, 'Escape');
  await nextTask(end);
}

/**
 * A date or date-time range picker of two inputs (Element `daterange`, Ant Design RangePicker,
 * TDesign DateRangePicker, Arco RangePicker, Naive `daterange`): kind `daterange` or
 * `datetimerange`; `read` gives both ends as shown (null when both are empty), apply checks the
 * component's model holds both; `write` takes a `range` value only.
 */
export function rangePicker(cfg: RangePickerConfig): WidgetAdapter {
  const inputsOf = (el: Element) => Array.from(el.querySelectorAll<HTMLInputElement>(cfg.inputs ?? 'input'));
  const count = cfg.single ? 1 : 2;
  const separatorOf = (el: Element): string => {
    const sep = componentOf(el, ['separator', 'type'])?.props.separator;
    return typeof sep === 'string' && sep ? sep : cfg.single!.separator;
  };
  /** A single input's text as its two ends: split by the separator the widget joins them with. */
  const splitSingle = (el: Element, text: string): [string, string] | undefined => {
    const sep = separatorOf(el);
    let parts = text.split(sep);
    // typed by hand with other spacing (2024-09-10至2024-09-11); a bare hyphen never splits a date
    if (parts.length !== 2 && sep.trim() && sep.trim() !== '-') parts = text.split(sep.trim());
    return parts.length === 2 ? [parts[0]!.trim(), parts[1]!.trim()] : undefined;
  };
  const adapter: WidgetAdapter = {
    ...pickerIdentity(cfg),
    detect(el) {
      if (cfg.exclude?.(el)) return undefined;
      const inputs = inputsOf(el);
      if (inputs.length !== count) return undefined;
      // one input is a range only when the component says so, or when it shows two dates
      if (cfg.single && !rangeProps(el) && !(splitSingle(el, inputs[0]!.value)?.every((e) => /^\d{4}\D\d{1,2}\D\d{1,2}/.test(e)))) return undefined;
      const f = rangeFormat(el, inputs, cfg);
      return { el: el as HTMLElement, visible: el, labelTarget: inputs[0]!, kind: f.kind, dateFormat: f.format, claims: Array.from(el.querySelectorAll('input')) };
    },
    read(h) {
      if (cfg.single) {
        const text = inputsOf(h.el)[0]?.value.trim() ?? '';
        return text ? splitSingle(h.el, text) ?? [text, ''] : null;
      }
      const [a, b] = inputsOf(h.el).map((i) => i.value.trim());
      return a || b ? [a ?? '', b ?? ''] : null;
    },
    async write(h, v) {
      if (v.type !== 'range') throw new Error('日期范围控件只接受起止两个日期');
      if (cfg.single) {
        const input = inputsOf(h.el)[0];
        if (!input) throw new Error('找不到日期范围的输入框');
        // the whole period as the widget shows it, in one box (View UI parses it on change)
        await typeIntoPicker(input, `${v.from}${separatorOf(h.el)}${v.to}`, h.kind === 'datetimerange', cfg.popup, cfg.enter ?? true);
      } else {
        const [start, end] = inputsOf(h.el);
        if (!start || !end) throw new Error('找不到日期范围的输入框');
        // a period held already is cleared first, as a person does: typed over, the start of
        // Element Plus, Arco and TDesign ranges kept the old end's day (or time) and the new
        // period was not taken
        if (adapter.read(h) !== null && adapter.clear) {
          await adapter.clear(h);
          await waitUntil(() => adapter.read(h) === null, { near: h.el, timeout: 600 });
          if (cfg.popup) await closeStrayPopup(h.el, cfg.popup);
        }
        if (cfg.panelInput && cfg.popup) await typeIntoPanel(start, [v.from, v.to], cfg.popup, cfg.panelInput);
        else {
          await typeRange(start, end, v.from, v.to, h.kind === 'datetimerange' || !!cfg.confirmAlways, cfg);
          const gone = () => cfg.popup ? waitUntil(() => !visibleIn(docOf(h.el), cfg.popup!).some((p) => !unusableReason(p)), { near: h.el, timeout: 600 }) : Promise.resolve(undefined);
          // (see retypeStartOnClose)
          if (cfg.popup && cfg.retypeStartOnClose && h.kind === 'datetimerange') {
            await gone();
            if (v.from && start.value.trim() !== v.from && end.value.trim() === v.to) {
              await typeRange(start, end, v.from, '', true, { ...cfg, startOnly: true });
              await gone();
            }
          }
        }
      }
      if (cfg.popup) await closeStrayPopup(h.el, cfg.popup);
    },
    async clear(h) {
      hoverDown(h.el, inputsOf(h.el)[0]);
      const icon = cfg.clearIcon ? await waitUntil(() => h.el.querySelector<HTMLElement>(cfg.clearIcon!), { near: h.el, timeout: 400 }) : undefined;
      if (icon) { clickLikeUser(icon); return; }
      const [start, end] = inputsOf(h.el);
      if (cfg.single && start) await typeIntoPicker(start, '', false, cfg.popup, cfg.enter ?? true);
      // a range panel's boxes take no empty end (antd 3 ignores it): only its clear icon empties it
      else if (cfg.panelInput) throw new Error('该日期范围不能清空');
      else if (start && end) await typeRange(start, end, '', '', false, cfg);
    },
  };
  return adapter;
}

// ---------------------------------------------------------------- cascaders

/** The levels a value asks for: an array of level texts ("省/市/区" or a path), or one joined string. */
export function cascaderPaths(v: FillValue): string[][] {
  const cands = v.type === 'path' || v.type === 'option' ? v.candidates : v.type === 'text' ? [v.text] : v.type === 'options' ? [v.items.flatMap((i) => i.candidates.slice(0, 1)).join('/')] : [];
  return cands.map((c) => c.split(/\s*[/／>＞,，]\s*|\s+/).filter(Boolean)).filter((p) => p.length > 0);
}

export interface CascaderConfig {
  name: string;
  aliases?: readonly string[];
  roots: string;
  exclude?(el: Element): boolean;
  trigger?: string;
  /** The menus (one per level) of the open dropdown, in level order. */
  menu: string;
  node: string;
  nodeText(n: HTMLElement): string;
  isLeaf(n: HTMLElement): boolean;
  /** What the cascader shows (its input, or a selection element). */
  selected: string;
  search?: string;
  searchItem?: string;
  clearIcon?: string;
}

/**
 * Walks a cascader level by level: open, pick the level's option by its text; when a level's
 * text is not in its menu (the record starts lower, e.g. at the district), look for the most
 * specific part by descending through each branch (bounded), or type it into the search box.
 */
export async function walkCascader(root: HTMLElement, cfg: CascaderConfig, paths: string[][]): Promise<boolean> {
  const doc = docOf(root);
  // menus of a cascader filled just before may still be fading out: never walk those
  const menus = () => visibleIn(doc, cfg.menu).filter((m) => !leaving(m) && !leaveClassed(m));
  const nodesAt = (level: number) => Array.from(menus()[level]?.querySelectorAll<HTMLElement>(cfg.node) ?? []);
  const nodeAt = (level: number, text: string) => nodesAt(level).find((n) => same(cfg.nodeText(n), text));
  if (!(await waitUntil(() => menus().length > 0 && nodesAt(0).length > 0, { near: root, timeout: 1500 }))) return false;
  const clickNode = async (n: HTMLElement, level: number) => {
    clickLikeUser(n);
    if (!cfg.isLeaf(n)) await waitUntil(() => nodesAt(level + 1).length > 0, { near: root, timeout: 1500 });
  };
  for (const path of paths) {
    // start at the first part the top menu has (a record may name more than the cascader knows)
    let start = path.findIndex((p) => nodeAt(0, p));
    if (start < 0) continue;
    let ok = true;
    for (let level = 0; start + level < path.length; level++) {
      const n = await waitUntil(() => nodeAt(level, path[start + level]!), { near: root, timeout: 1000 });
      if (!n) { ok = false; break; }
      await clickNode(n, level);
      if (cfg.isLeaf(n)) return start + level === path.length - 1 || true;
    }
    if (ok) return true;
    start = -1;
  }
  // a region in one run of text (江苏省泰州市泰兴市青山镇), or with suffixes the options lack:
  // follow the options themselves, each level naming the next piece of the text
  for (const path of paths) if (await walkRegionText(root, cfg, path.join(''), nodesAt, clickNode, false)) return true;
  // the most specific part first: a search box finds it wherever it is (a joined region's last name too)
  const leaves = [...new Set(paths.flatMap((p) => {
    const last = p[p.length - 1]!;
    const names = regionParts(last).filter(isRegionName);
    return names.length > 1 ? [last, names[names.length - 1]!] : [last];
  }))];
  const box = cfg.search ? root.querySelector<HTMLInputElement>(cfg.search) : null;
  if (box && cfg.searchItem && !box.readOnly) {
    for (const leaf of leaves) {
      typeSearch(box, leaf);
      const hit = await waitUntil(() => visibleIn(doc, cfg.searchItem!).filter((e) => !leaving(e)).find((e) => { const t = textOf(e, 200); return t.split(/\s*[/／>]\s*/).some((part) => same(part, leaf)); }), { near: root, timeout: 1200 });
      if (hit) { clickLikeUser(hit); return true; }
    }
  }
  // a region text starting below the top level (转塘街道象山社区 under 西湖区), branch by branch
  // after the search: its names must follow each other, where the leaf search below takes the
  // first leaf of that text in any branch
  for (const path of paths) if (await walkRegionText(root, cfg, path.join(''), nodesAt, clickNode, true)) return true;
  // no search: descend each branch (bounded) looking for a leaf of that text
  const hit = await searchBranches(cfg, nodesAt, clickNode, 60, (level) => {
    const n = nodesAt(level).find((m) => leaves.some((l) => same(cfg.nodeText(m), l)));
    return n ? { n } : undefined;
  });
  return !!hit;
}

type NodesAt = (level: number) => HTMLElement[];
type ClickNode = (n: HTMLElement, level: number) => Promise<void>;

/**
 * Depth-first through a cascader's branches, as a person opens one after another looking for a
 * name: at each level the node `hit` finds is clicked and returned with its level; otherwise each
 * branch is opened in turn. Bounded: four levels and `budget` branch clicks, since a cascader of
 * all the country's regions must not be walked whole.
 */
async function searchBranches<T extends { n: HTMLElement }>(cfg: CascaderConfig, nodesAt: NodesAt, clickNode: ClickNode, budget: number, hit: (level: number) => T | undefined): Promise<(T & { level: number }) | undefined> {
  const go = async (level: number): Promise<(T & { level: number }) | undefined> => {
    const h = hit(level);
    if (h) { await clickNode(h.n, level); return { ...h, level }; }
    if (level >= 4) return undefined;
    const count = nodesAt(level).length;
    for (let i = 0; i < count && budget-- > 0; i++) {
      const n = nodesAt(level)[i];
      if (!n || cfg.isLeaf(n)) continue;
      await clickNode(n, level);
      const found = await go(level + 1);
      if (found) return found;
    }
    return undefined;
  };
  return go(0);
}

export function menuCascader(cfg: CascaderConfig): WidgetAdapter {
  const readSel = (h: WidgetHandle) => { const e = h.el.querySelector(cfg.selected) ?? (h.el.matches(cfg.selected) ? h.el : null); const t = e ? displayText(e) : ''; return t || null; };
  const adapter: WidgetAdapter = {
    name: cfg.name,
    ...(cfg.aliases ? { aliases: cfg.aliases } : {}),
    roots: cfg.roots,
    dropdown: { popup: cfg.menu, item: cfg.node },
    detect(el) {
      if (cfg.exclude?.(el)) return undefined;
      return { el: el as HTMLElement, visible: el, labelTarget: el.querySelector('input') ?? el, kind: 'cascader', claims: Array.from(el.querySelectorAll('input')) };
    },
    read: readSel,
    async write(h, v) {
      const paths = cascaderPaths(v);
      const opener = (cfg.trigger ? h.el.querySelector(cfg.trigger) : null) ?? h.el;
      const doc = docOf(h.el);
      clickLikeUser(opener);
      let ok = false;
      try { ok = await walkCascader(h.el, cfg, paths); } finally {
        // a picked leaf closes the menus (wait for them to be going); a failed walk leaves them open: close at once
        const open = () => visibleIn(doc, cfg.menu).filter((m) => !leaving(m));
        if (ok) await waitUntil(() => open().length === 0, { near: h.el, timeout: 400 });
        if (open().length) { key(h.el.querySelector('input') ?? h.el, 'Escape'); clickLikeUser(doc.body); }
      }
      if (!ok) throw new Error('找不到选项');
    },
    async clear(h) {
      hover(h.el); const inner = h.el.querySelector('input')?.parentElement; if (inner) hover(inner);
      const icon = cfg.clearIcon ? await waitUntil(() => h.el.querySelector<HTMLElement>(cfg.clearIcon!), { near: h.el, timeout: 500 }) : undefined;
      if (!icon) throw new Error('该级联选择不能清空');
      clickLikeUser(icon);
    },
  };
  return adapter;
}

export type { OptionItem };

/**
 * Walks a cascader by a region text, level by level from the options it shows: the top level's
 * option named earliest in the text (the record may name more than the cascader: 江苏省泰州市…
 * into a cascader starting at 泰兴市), or — when the top level names none of it, the record
 * starting lower — the first option found naming the text's beginning in the branches below
 * (bounded). Each next level must name the text right after the last. Done only when a leaf was
 * chosen and no region name of the text is left over: a cascader needing one more level than
 * the record names is not filled with a guess.
 */
async function walkRegionText(root: HTMLElement, cfg: CascaderConfig, text: string, nodesAt: NodesAt, clickNode: ClickNode, lower: boolean): Promise<boolean> {
  const t = compactRegion(text);
  if (!t) return false;
  const best = (level: number, at: (label: string) => { at: number; length: number } | undefined) => {
    let hit: { n: HTMLElement; at: number; length: number } | undefined;
    for (const n of nodesAt(level)) {
      const h = at(cfg.nodeText(n));
      if (h && (!hit || h.at < hit.at || (h.at === hit.at && h.length > hit.length))) hit = { n, ...h };
    }
    return hit;
  };
  const here = (pos: number) => (label: string) => { const k = regionPrefix(t.slice(pos), label); return k > 0 ? { at: 0, length: k } : undefined; };
  let level = 0, pos = 0, last: HTMLElement | undefined;
  const top = best(0, (label) => regionIndexOf(t, label));
  if (top) {
    await clickNode(top.n, 0);
    last = top.n; pos = top.at + top.length;
  } else if (!lower) {
    return false;
  } else {
    // the record starts below the top level: look for its first name branch by branch
    const hit = await searchBranches(cfg, nodesAt, clickNode, 40, (lv) => best(lv, here(0)));
    if (!hit) return false;
    last = hit.n; level = hit.level; pos = hit.length;
  }
  while (last && !cfg.isLeaf(last) && pos < t.length) {
    const next = await waitUntil(() => best(level + 1, here(pos)), { near: root, timeout: 1000 });
    if (!next) return false;
    level++;
    await clickNode(next.n, level);
    last = next.n; pos += next.length;
  }
  return !!last && cfg.isLeaf(last) && (pos >= t.length || !regionParts(t.slice(pos)).some(isRegionName));
}

// ---------------------------------------------------------------- class switches

export interface ClassSwitchConfig {
  name: string;
  aliases?: readonly string[];
  roots: string;
  exclude?(el: Element): boolean;
  /** The class the widget carries while it is on (checked). */
  on: string;
  /** The element to click (default: the root). */
  target?: string;
  /** Roles the widget's root carries itself (DevExtreme's switch is a role=button): others are left to the ARIA adapters. */
  roles?: readonly string[];
}

/**
 * A switch or a lone checkbox drawn as a styled element whose state is only a class (TDesign's
 * t-switch, View UI's ivu-switch): no role, no checked input. Written by clicking it as a person
 * does, then waiting (on mutations) for the class to follow; read from the class.
 */
export function classSwitch(cfg: ClassSwitchConfig): WidgetAdapter {
  const on = (h: { el: Element }) => h.el.classList.contains(cfg.on);
  const target = (h: WidgetHandle) => (cfg.target ? h.el.querySelector(cfg.target) : null) ?? h.el;
  const flip = async (h: WidgetHandle, want: boolean) => {
    if (on(h) === want) return;
    clickLikeUser(target(h));
    if (!(await waitUntil(() => on(h) === want, { root: h.el, timeout: 600 }))) throw new Error('开关没有响应');
  };
  return {
    name: cfg.name,
    ...(cfg.aliases ? { aliases: cfg.aliases } : {}),
    roots: cfg.roots,
    detect: (el) => (el.getAttribute('role') && !cfg.roles?.includes(el.getAttribute('role')!)) || cfg.exclude?.(el) ? undefined : { el: el as HTMLElement, visible: el, kind: 'checkbox', claims: Array.from(el.querySelectorAll('input')) },
    read: (h) => on(h),
    async write(h, v) {
      if (v.type !== 'check') throw new Error('开关只接受是/否');
      await flip(h, v.checked);
    },
    clear: (h) => flip(h, false),
  };
}
