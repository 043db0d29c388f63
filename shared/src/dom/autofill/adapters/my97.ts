/** My97DatePicker and other read-only text date pickers (laydate, data-datepicker): read from the input. */
import { normalizeDateFormat } from '../../../core/autofill/convert.ts';
import { typeValue } from '../util.ts';
import { itemsOf, isInput, matchesAny, type WidgetAdapter, type WidgetHandle } from './types.ts';
import { defineAdapter, PRIORITY } from './registry.ts';
// ---------------------------------------------------------------- My97 and other read-only date pickers

/** My97DatePicker: a read-only input opened by `onclick="WdatePicker({dateFmt:'yyyy年MM月dd日'})"` or class Wdate. */
export const my97: WidgetAdapter = {
  name: 'my97',
  detect(el) {
    if (!isInput(el, 'text', '')) return undefined;
    const code = `${el.getAttribute('onclick') ?? ''} ${el.getAttribute('onfocus') ?? ''}`;
    if (!/WdatePicker|laydate|DatePicker/i.test(code) && !el.classList.contains('Wdate') && !el.hasAttribute('data-datepicker')) return undefined;
    const fmt = /dateFmt\s*:\s*['"]([^'"]+)['"]/.exec(code)?.[1] ?? el.getAttribute('data-date-format') ?? undefined;
    const h: WidgetHandle = { el, visible: el, kind: fmt && /H/.test(fmt) ? 'datetime' : 'date', readOnly: el.readOnly };
    h.dateFormat = normalizeDateFormat(fmt ?? 'yyyy-MM-dd');
    return h;
  },
  read: (h) => (h.el as HTMLInputElement).value,
  async write(h, v) {
    if (v.type !== 'text') throw new Error('日期控件只接受文本');
    const i = h.el as HTMLInputElement;
    const ro = i.readOnly;
    i.readOnly = false;
    try { typeValue(i, v.text); } finally { i.readOnly = ro; }
  },
  async clear(h) { await this.write(h, { type: 'text', text: '' }); },
};

defineAdapter(my97, PRIORITY.my97);
