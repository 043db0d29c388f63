/** contenteditable editors (and role=textbox ones): read from what they display. */
import { blur, fire, win } from '../util.ts';
import { itemsOf, isInput, matchesAny, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
// ---------------------------------------------------------------- contenteditable

export const contentEditable: WidgetAdapter = {
  name: 'contenteditable',
  detect(el) {
    if (!(el as HTMLElement).isContentEditable || (el.parentElement as HTMLElement | null)?.isContentEditable) return undefined;
    return { el: el as HTMLElement, visible: el, kind: 'richtext' };
  },
  read: (h) => (h.el.innerText ?? h.el.textContent ?? '').trim(),
  async write(h, v) {
    if (v.type !== 'text') throw new Error('富文本只接受文本');
    const el = h.el;
    el.focus({ preventScroll: true });
    el.dispatchEvent(new (win(el).InputEvent)('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: v.text }));
    el.textContent = '';
    const lines = v.text.split('\n');
    lines.forEach((line, i) => { if (i > 0) el.appendChild(el.ownerDocument.createElement('br')); el.appendChild(el.ownerDocument.createTextNode(line)); });
    el.dispatchEvent(new (win(el).InputEvent)('input', { bubbles: true, inputType: 'insertText', data: v.text }));
    fire(el, 'change'); blur(el);
  },
  async clear(h) { await this.write(h, { type: 'text', text: '' }); },
};

defineAdapter(contentEditable, PRIORITY.contenteditable);
