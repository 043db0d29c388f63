/**
 * Fields on another tab. A form split over tabs (基本信息 | 议题及纪要) keeps the fields of the
 * tabs not shown in hidden panels: a person cannot type there, and autofill never writes into a
 * control a person cannot see. What a person does is click the tab's header — a navigation,
 * not a submit — and then fill the fields it shows. Autofill does the same: a control hidden
 * only because its tab panel is not the active one is listed with that tab (`ScannedControl.tab`),
 * and right before it is written its tab header is clicked and the panel waited for; the usual
 * visibility check then runs on the control itself, so a trap inside a tab is still refused.
 *
 * Tabs are found through ARIA, which Ant Design (and Vue), Element Plus, Arco, TDesign, Naive
 * and most hand-made tab bars render: a `role=tabpanel` names its header by `aria-labelledby`,
 * or a `role=tab` names its panel by `aria-controls`; failing both, the header at the panel's
 * position among the panels next to it.
 */
import { waitUntil } from './adapters/wait.ts';
import { clickLikeUser, textOf, unusableReason } from './util.ts';

export interface HiddenTab {
  panel: Element;
  /** The tab header a person clicks to show the panel. */
  tab: HTMLElement;
  /** The header's text (议题及纪要). */
  label: string;
}

function byId(root: Element, id: string | null): Element | null {
  if (!id) return null;
  const r = root.getRootNode() as Document | ShadowRoot;
  return r.getElementById?.(id) ?? null;
}

/** The header of a tab panel, or undefined when the page does not say which it is. */
function tabOf(panel: Element): HTMLElement | undefined {
  for (const id of (panel.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const t = byId(panel, id);
    if (t?.getAttribute('role') === 'tab') return t as HTMLElement;
  }
  const root = panel.getRootNode() as Document | ShadowRoot;
  if (panel.id) {
    for (const t of Array.from(root.querySelectorAll<HTMLElement>('[role=tab][aria-controls]'))) {
      if (t.getAttribute('aria-controls')!.split(/\s+/).includes(panel.id)) return t;
    }
  }
  // no link either way: the header at the same position, in the nearest container holding both
  const siblings = Array.from(panel.parentElement?.children ?? []).filter((e) => e.getAttribute('role') === 'tabpanel');
  const index = siblings.indexOf(panel);
  for (let p = panel.parentElement; p && index >= 0; p = p.parentElement) {
    const tabs = Array.from(p.querySelectorAll<HTMLElement>('[role=tab]')).filter((t) => !t.closest('[role=tabpanel]') || t.closest('[role=tabpanel]')!.contains(panel));
    if (tabs.length === 0) continue;
    return tabs.length === siblings.length ? tabs[index] : undefined;
  }
  return undefined;
}

function tabUsable(tab: HTMLElement): boolean {
  if (tab.getAttribute('aria-disabled') === 'true' || (tab as HTMLButtonElement).disabled) return false;
  if (/(^|\s)[\w-]*(-|__)disabled(\s|$)|(^|\s)is-disabled(\s|$)/.test(`${tab.className} ${tab.parentElement?.className ?? ''}`)) return false;
  return unusableReason(tab) === undefined;
}

/**
 * The hidden tab panels `el` sits in, outermost first, each with its usable header; `[]` when
 * no hidden panel holds it; undefined when one does but its header cannot be found or used
 * (disabled, itself hidden): then the control stays unusable, as a person would find it.
 */
export function hiddenTabs(el: Element): HiddenTab[] | undefined {
  const out: HiddenTab[] = [];
  for (let p = el.parentElement?.closest('[role=tabpanel]'); p; p = p.parentElement?.closest('[role=tabpanel]')) {
    if (unusableReason(p) === undefined) continue; // the panel shown
    const tab = tabOf(p);
    if (!tab) return undefined;
    out.unshift({ panel: p, tab, label: textOf(tab) || tab.getAttribute('aria-label') || '' });
  }
  // every header must be one a person can reach once the panels around it are shown
  for (let i = 0; i < out.length; i++) {
    const outer = out.slice(0, i).map((t) => t.panel);
    if (!outer.some((p) => p.contains(out[i]!.tab)) && !tabUsable(out[i]!.tab)) return undefined;
  }
  return out;
}

/**
 * The header text of the tab panel `el` sits in, shown or not (发现问题 over the table of
 * problems): a tab names what its panel holds, as a card's title does.
 */
export function tabLabelOf(el: Element): string | undefined {
  const panel = el.parentElement?.closest('[role=tabpanel]');
  const tab = panel ? tabOf(panel) : undefined;
  return tab ? (textOf(tab) || tab.getAttribute('aria-label') || undefined) : undefined;
}

/**
 * Shows the tab panels `el` sits in by clicking their headers, outermost first, and waits
 * (bounded) for each panel to be shown. True when none hides it any more.
 */
export async function showTabsOf(el: Element, timeout = 1500): Promise<boolean> {
  const tabs = hiddenTabs(el);
  if (!tabs) return false;
  for (const t of tabs) {
    if (!tabUsable(t.tab)) return false;
    clickLikeUser(t.tab);
    const shown = await waitUntil(() => unusableReason(t.panel) === undefined, { near: t.panel, timeout });
    if (!shown) return false;
  }
  return true;
}

/** The panel a tab header shows, when the page says which (aria-controls), else undefined. */
export function panelOf(tab: Element): Element | undefined {
  for (const id of (tab.getAttribute('aria-controls') ?? '').split(/\s+/)) {
    const p = byId(tab, id);
    if (p) return p;
  }
  const root = tab.getRootNode() as Document | ShadowRoot;
  if (tab.id) return root.querySelector(`[role=tabpanel][aria-labelledby~="${CSS.escape(tab.id)}"]`) ?? undefined;
  return undefined;
}

/**
 * Tab headers not shown yet whose panel the page has not rendered (Ant Design renders a tab's
 * content when it is first opened, Element Plus with `lazy`): their fields cannot be in a scan
 * until the tab is opened. `known` tells whether an element is a control already scanned.
 */
export function unopenedTabs(doc: Document, known: (el: Element) => boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const tab of Array.from(doc.querySelectorAll<HTMLElement>('[role=tab]'))) {
    if (tab.getAttribute('aria-selected') === 'true' || !tabUsable(tab)) continue;
    const panel = panelOf(tab);
    // a rendered panel's controls are in the scan already (hidden, with their tab: see hiddenTabs)
    if (panel && Array.from(panel.querySelectorAll('*')).some(known)) continue;
    // only the tabs of the form being filled: their tab set holds scanned controls close by (a
    // portal's own module tabs or a workspace tab bar do not, and are never clicked)
    if (!nearKnown(tab, known)) continue;
    out.push(tab);
  }
  return out;
}

const TAB_SET_LEVELS = 5;
function nearKnown(tab: Element, known: (el: Element) => boolean): boolean {
  let p: Element | null = tab.closest('[role=tablist]') ?? tab.parentElement;
  for (let up = 0; p && up < TAB_SET_LEVELS; p = p.parentElement, up++) {
    if (/^(BODY|HTML)$/.test(p.tagName)) return false;
    if (p.querySelector('[role=tabpanel]') && Array.from(p.querySelectorAll('[role=tabpanel] *')).some(known)) return true;
  }
  return false;
}

/** The tab shown now in the tab set of `tab` (to go back to). */
export function selectedTabBeside(tab: Element): HTMLElement | undefined {
  const list = tab.closest('[role=tablist]') ?? tab.parentElement;
  return list?.querySelector<HTMLElement>('[role=tab][aria-selected="true"]') ?? undefined;
}

/** Opens a tab as a person does and waits (bounded) until the page shows it as the selected one. */
export async function openTab(tab: HTMLElement, timeout = 1500): Promise<boolean> {
  clickLikeUser(tab);
  const shown = await waitUntil(() => tab.getAttribute('aria-selected') === 'true' && (() => { const p = panelOf(tab); return !p || unusableReason(p) === undefined; })(), { near: tab, timeout });
  return !!shown;
}
