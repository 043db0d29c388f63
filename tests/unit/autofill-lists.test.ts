/**
 * Value shapes of choices on portals the engine was not tuned on: a list written as one text
 * into a control of several choices, an option shown under a longer or shorter name.
 */
import { describe, expect, it } from 'vitest';
import { convertForControl, type ScannedControl } from '@lvzhi/shared';

const text = { key: 't.units', label: '会办单位', type: 'text' } as const;
const multi = (options?: { value: string; text: string }[]): ScannedControl => ({ id: 'c0', adapter: 'native', kind: 'multiselect', multiple: true, labels: [{ source: 'label-for', text: '会办单位' }], frame: '', usable: true, ...(options ? { options } : {}) });
const OPTS = [{ value: 'cz', text: '县财政局' }, { value: 'ga', text: '县公安局' }, { value: 'jt', text: '县交通运输局' }, { value: 'hb', text: '县生态环境分局、县水利局联合工作组' }];

describe('a list written as one text, into a control of several choices', () => {
  it('takes each item the text names (、，, ; separators)', () => {
    expect(convertForControl('县公安局、县财政局', text as never, undefined, multi(OPTS))).toMatchObject({ ok: true, value: { type: 'options', items: [{ value: 'ga' }, { value: 'cz' }] } });
    expect(convertForControl('县公安局， 县交通运输局；县财政局', text as never, undefined, multi(OPTS))).toMatchObject({ ok: true, value: { type: 'options', items: [{ value: 'ga' }, { value: 'jt' }, { value: 'cz' }] } });
    // options not known before the popup opens: the items go to the widget as they are named
    expect(convertForControl('县公安局、县财政局', text as never, undefined, multi())).toMatchObject({ ok: true, value: { type: 'options', items: [{ candidates: ['县公安局'] }, { candidates: ['县财政局'] }] } });
  });
  it('keeps a text that is one option as a whole, and never drops an item the portal lacks', () => {
    expect(convertForControl('县生态环境分局、县水利局联合工作组', text as never, undefined, multi(OPTS))).toMatchObject({ ok: true, value: { type: 'options', items: [{ value: 'hb' }] } });
    expect(convertForControl('县公安局、县教育局', text as never, undefined, multi(OPTS))).toMatchObject({ ok: false, reason: 'no-option' });
    expect(convertForControl('县公安局', text as never, undefined, multi(OPTS))).toMatchObject({ ok: true, value: { type: 'options', items: [{ value: 'ga' }] } });
  });
});
