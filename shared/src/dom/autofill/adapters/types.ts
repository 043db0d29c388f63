/**
 * The adapter interface through which autofill reads and writes one kind of control.
 * See shared/README.md, "Adding a widget adapter".
 *
 *   detect(el)  → a handle when `el` (a widget root matched by `roots`, or a native control) is
 *                 this adapter's widget; the handle names the element whose visibility counts
 *   read(h)     → the value the page holds (text, option text(s), checked, file names), from the
 *                 framework's model where the adapter can reach it, else from what it displays
 *   write(h, v) → puts a FillValue in the way a person would (native setter + events, or opening
 *                 the dropdown and clicking the option), so the framework's own state takes it
 *   clear(h)    → empties it (used by undo when the control was empty before)
 *   ready(h)    → false while the control cannot take a value yet (options still loading);
 *                 apply waits for a mutation that makes it true, within a bounded time
 */
import type { ControlKind, FillValue, ScannedOption } from '../../../core/autofill/types.ts';
import { normalizeLabel } from '../../../core/labels.ts';
import { nameVariant } from '../../../core/autofill/names.ts';

export type ReadValue = string | string[] | boolean | null;

export interface WidgetHandle {
  /** The element written through: a native control, or the widget's root. */
  el: HTMLElement;
  /** Radio and checkbox groups: all inputs of the group. */
  group?: HTMLInputElement[];
  /** ARIA radio and checkbox groups: the role=radio/checkbox elements. */
  items?: HTMLElement[];
  /** The element whose visibility decides whether the user can see the control. */
  visible: Element;
  /** The element labels are inferred from (default: el). */
  labelTarget?: Element;
  kind: ControlKind;
  options?: ScannedOption[];
  multiple?: boolean;
  dateFormat?: string;
  readOnly?: boolean;
  /** Elements that belong to this widget, so the scanner does not list them again. */
  claims?: Element[];
  /** Names of the files the last write attached (so undo can remove them from an upload list). */
  written?: string[];
  /** The upload widget around a file input, found before the page replaces the input. */
  container?: Element;
}

export interface WidgetAdapter {
  name: string;
  /** Other names packs may give in a mapping's `widget` for controls this adapter handles. */
  aliases?: readonly string[];
  /** CSS selector of widget roots; adapters without it are offered native controls. */
  roots?: string;
  /**
   * Where the widget draws its choices: popups (often moved to the end of body) holding items.
   * Nothing inside an item, or inside such a popup that holds items, is a control of the page:
   * a multi-select's ticks, a dropdown's search box (see scan.ts).
   */
  dropdown?: { popup: string; item: string };
  /**
   * The widget's own panel (a date picker's calendar, with its year/month selects and the start
   * and end date and time inputs of a date-time range): every control inside it is the widget's,
   * never the page's, so the scan does not list it (see scan.ts). A class of the panel itself,
   * not of a popup other content shares.
   */
  panel?: string;
  /**
   * Whether the widget's dropdown is open, as the widget says itself (aria-expanded, a class on
   * its root). A grid's editor that opens its dropdown on its own is handed over once it is open
   * (grid.ts openCell), and the write takes an open dropdown as it is (popup.ts openOwnPopup).
   */
  expanded?(h: WidgetHandle): boolean;
  /**
   * The element whose framework component holds the widget's model, when it is not the handle's
   * root (the read-back asks the framework there): a widget whose root is drawn by an inner part
   * bound to something else (amis's tree-select root is its result box, whose value is the search text).
   */
  modelAt?(h: WidgetHandle): Element;
  detect(el: Element): WidgetHandle | undefined;
  read(h: WidgetHandle): ReadValue;
  write(h: WidgetHandle, v: FillValue): Promise<void>;
  clear?(h: WidgetHandle): Promise<void>;
  ready?(h: WidgetHandle): boolean;
}

export const same = (a: string, b: string) => a.trim() === b.trim() || normalizeLabel(a) === normalizeLabel(b);
/** The name shown is the one asked for: the same text, or the same name with its place in front or without (names.ts). */
export const sameName = (shown: string, asked: string) => same(shown, asked) || nameVariant(shown, asked);
export const matchesAny = (text: string, candidates: readonly string[]) => candidates.some((c) => same(text, c));

export function isInput(el: Element, ...types: string[]): el is HTMLInputElement {
  return el.tagName === 'INPUT' && (types.length === 0 || types.includes(((el as HTMLInputElement).type || 'text').toLowerCase()));
}

export type OptionItem = { value?: string; candidates: string[] };

/** The options a value asks for (one for a single choice, each item for a multiple one). */
export function itemsOf(v: FillValue): OptionItem[] {
  return v.type === 'option' ? [v] : v.type === 'options' ? v.items : v.type === 'text' ? [{ candidates: [v.text] }] : [];
}
