/**
 * DevExtreme (22.x, jQuery or not: .NET office systems' dxForm pages). Every editor is a
 * `.dx-widget` root whose state lives in its component instance (framework-state.ts reaches it,
 * so apply's read-back checks the instance's `value`, never only the text shown); a hidden input
 * beside the visible `.dx-texteditor-input` carries the posted value.
 *
 * - dxSelectBox and dxTagBox (a select box with tags): opened by a click on the box, items
 *   `.dx-list-item` in a popup appended to body, typed into the box's own input when it is
 *   searchable; `read` gives the text shown (the box's input, or the tags).
 * - dxLookup: the same list in a popover, with its search box inside the popover.
 * - dxDateBox (date, datetime): typed in its display format (the instance's `displayFormat`, or
 *   the zh locale's default y/M/d), then change and Enter, as a person types it; DevExtreme parses
 *   it into its value (a Date, or a string in its dateSerializationFormat).
 * - dxRadioGroup: the ARIA group's way (role=radio items, clicked).
 * - dxCheckBox, dxSwitch: clicked, read from their class.
 * - dxTextBox, dxTextArea, dxNumberBox: typed as native boxes are, checked against the instance.
 *
 * DevExtreme closes an open dropdown when the page scrolls (hideOnParentScroll): the scroll a
 * reach check may just have made to bring the box into view is announced in the next frame, so
 * each popup is opened after it, and by a click that does not scroll (no focus() that scrolls).
 */
import { textOf } from '../util.ts';
import { ariaGroup } from './aria.ts';
import { nativeInput } from './native.ts';
import { classSwitch, popupSelect, textPicker } from './popup.ts';
import { defineAdapter } from './registry.ts';
import type { WidgetAdapter, WidgetHandle } from './types.ts';
import { nextFrame } from './wait.ts';

const EDITOR_INPUT = '.dx-texteditor-input';
const editorInput = (el: Element) => el.querySelector<HTMLInputElement | HTMLTextAreaElement>(EDITOR_INPUT);
const itemText = (e: HTMLElement) => textOf(e.querySelector('.dx-list-item-content') ?? e, 200);

/** Waits out a scroll not yet announced before `write` opens a popup (see the file's comment). */
function afterScroll(a: WidgetAdapter): WidgetAdapter['write'] {
  return async (h, v) => { await nextFrame(h.el); return a.write(h, v); };
}

const selectBase = popupSelect({
  name: 'devextreme-select',
  aliases: ['dx-selectbox', 'dx-tagbox'],
  roots: '.dx-selectbox',
  trigger: EDITOR_INPUT,
  // a tag box's input is a sliver after its tags: the box around them is what a person sees
  visible: '.dx-texteditor-container',
  // lists of select boxes and tag boxes (dropdown lists); a date box's popup is a dropdown editor's too
  popup: '.dx-dropdownlist-popup-wrapper > .dx-overlay-content',
  item: '.dx-list-item',
  itemText,
  multipleDom: (el) => el.classList.contains('dx-tagbox'),
  tags: '.dx-tag-content',
  tagClose: '.dx-tag-remove-button',
  selected: `input${EDITOR_INPUT}`,
  clearIcon: '.dx-clear-button-area',
  search: `input${EDITOR_INPUT}:not([readonly])`,
  // the box is open while its root has dx-dropdowneditor-active; once an item is chosen the list
  // fades out by itself: an Escape then, in a dxDataGrid's editor cell, would cancel the cell's edit
  openState: (el) => el.classList.contains('dx-dropdowneditor-active'),
});

export const devextremeSelect: WidgetAdapter = defineAdapter({
  ...selectBase,
  detect(el) {
    const h = selectBase.detect(el);
    // the label's for= names the visible input, not the hidden value input before it
    return h && { ...h, labelTarget: editorInput(el) ?? h.labelTarget ?? el };
  },
  write: afterScroll(selectBase),
});

const lookupBase = popupSelect({
  name: 'devextreme-lookup',
  aliases: ['dx-lookup'],
  roots: '.dx-lookup',
  trigger: '.dx-lookup-field',
  popup: '.dx-lookup-popup-wrapper > .dx-overlay-content',
  item: '.dx-list-item',
  itemText,
  multipleDom: () => false,
  tags: '.dx-tag-content',
  tagClose: '.dx-tag-remove-button',
  selected: '.dx-lookup-field',
  popupSearch: `.dx-lookup-search input${EDITOR_INPUT}`,
});

export const devextremeLookup: WidgetAdapter = defineAdapter({
  ...lookupBase,
  detect(el) {
    const h = lookupBase.detect(el);
    return h && { ...h, labelTarget: el.querySelector('.dx-lookup-field') ?? h.labelTarget ?? el };
  },
  // an empty lookup shows its placeholder in the field itself
  read: (h) => (h.el.classList.contains('dx-lookup-empty') ? null : lookupBase.read(h)),
  write: afterScroll(lookupBase),
});

const dateBase = textPicker({
  name: 'devextreme-date',
  aliases: ['dx-datebox'],
  roots: '.dx-datebox',
  input: `input${EDITOR_INPUT}`,
  // the zh locale's shortdate and shortdate shorttime, when the instance's displayFormat is out of reach
  dateFormat: 'YYYY/M/D',
  dateTimeFormat: 'YYYY/M/D HH:mm',
  panel: '.dx-datebox-wrapper',
  timeDom: (el) => el.classList.contains('dx-datebox-datetime'),
});

export const devextremeDate: WidgetAdapter = defineAdapter({
  ...dateBase,
  // a time-only box (type time) is not a date
  detect: (el) => (el.classList.contains('dx-datebox-time') ? undefined : dateBase.detect(el)),
});

/**
 * dxRadioGroup: its items are role=radio, as the ARIA group's. A click never un-chooses a radio:
 * undo of a group that had nothing chosen says so instead of counting it restored.
 */
export const devextremeRadio: WidgetAdapter = defineAdapter({
  ...ariaGroup,
  name: 'devextreme-radio',
  aliases: ['dx-radiogroup'],
  roots: '.dx-radiogroup',
  async clear(h) {
    if (ariaGroup.read(h) !== null) throw new Error('单选项无法通过页面恢复为“未选择”，请手工核对');
  },
});

export const devextremeCheckbox: WidgetAdapter = defineAdapter(classSwitch({ name: 'devextreme-checkbox', aliases: ['dx-checkbox'], roots: '.dx-checkbox', on: 'dx-checkbox-checked', roles: ['checkbox'] }));

export const devextremeSwitch: WidgetAdapter = defineAdapter(classSwitch({ name: 'devextreme-switch', aliases: ['dx-switch'], roots: '.dx-switch', on: 'dx-switch-on-value', roles: ['button', 'switch'] }));

/** The native handle of a text editor's visible box. */
function boxOf(h: WidgetHandle): WidgetHandle {
  const input = editorInput(h.el);
  if (!input) throw new Error('找不到输入框');
  return nativeInput.detect(input) ?? { el: input, visible: input, kind: h.kind };
}

/**
 * dxTextBox, dxTextArea, dxNumberBox: typed into as a native box (DevExtreme takes the text on
 * its change event), with the widget's root as the handle so the read-back asks the instance.
 */
export const devextremeText: WidgetAdapter = defineAdapter({
  name: 'devextreme-text',
  aliases: ['dx-textbox', 'dx-textarea', 'dx-numberbox'],
  roots: '.dx-textbox, .dx-numberbox',
  detect(el) {
    // select boxes, lookups, date boxes, tag boxes: their own adapters
    if (el.classList.contains('dx-dropdowneditor') || !el.classList.contains('dx-widget')) return undefined;
    const input = editorInput(el);
    if (!input || input.closest('.dx-texteditor') !== el) return undefined;
    const box = nativeInput.detect(input);
    if (!box) return undefined;
    const kind = el.classList.contains('dx-numberbox') ? 'number' : box.kind;
    return { el: el as HTMLElement, visible: el, labelTarget: input, kind, ...(box.readOnly ? { readOnly: true } : {}), claims: Array.from(el.querySelectorAll('input, textarea')) };
  },
  read: (h) => editorInput(h.el)?.value ?? null,
  write: (h, v) => nativeInput.write(boxOf(h), v),
  clear: (h) => nativeInput.clear!(boxOf(h)),
});
