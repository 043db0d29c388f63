/**
 * Value shapes of choices on portals the engine was not tuned on: a list written as one text
 * into a control of several choices, an option shown under a longer or shorter name.
 */
import { describe, expect, it } from 'vitest';
import { convertForControl, nameVariant, pickNameVariant, pickOption, valueFromControl, type ScannedControl } from '@lvzhi/shared';

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
  it('writes one person (a roster entry) into a select of several people as a list of one', () => {
    const person = { key: 't.recorder', label: '记录人', type: 'person' } as const;
    expect(convertForControl({ name: '徐静', unit: '镇人大办' }, person as never, undefined, multi())).toMatchObject({ ok: true, value: { type: 'options', items: [{ candidates: ['徐静'] }] }, display: '徐静' });
    expect(convertForControl({ unit: '镇人大办' }, person as never, undefined, multi())).toMatchObject({ ok: false, reason: 'unsupported' });
  });
  it('keeps a text that is one option as a whole, and never drops an item the portal lacks', () => {
    expect(convertForControl('县生态环境分局、县水利局联合工作组', text as never, undefined, multi(OPTS))).toMatchObject({ ok: true, value: { type: 'options', items: [{ value: 'hb' }] } });
    expect(convertForControl('县公安局、县教育局', text as never, undefined, multi(OPTS))).toMatchObject({ ok: false, reason: 'no-option' });
    expect(convertForControl('县公安局', text as never, undefined, multi(OPTS))).toMatchObject({ ok: true, value: { type: 'options', items: [{ value: 'ga' }] } });
  });
});

describe('one name, with its place in front or without', () => {
  it('matches 市场监督管理所 and 青山镇市场监督管理所 both ways', () => {
    expect(nameVariant('市场监督管理所', '青山镇市场监督管理所')).toBe(true);
    expect(nameVariant('泰兴市柳河镇人民政府', '柳河镇人民政府')).toBe(true);
    expect(pickOption(['财政所'], [{ value: '01', text: '青山镇财政所' }, { value: '02', text: '青山镇司法所' }])).toEqual({ value: '01', text: '青山镇财政所' });
  });
  it('never where the front changes the meaning, the short name says too little, or two options fit', () => {
    expect(nameVariant('中共党员', '非中共党员')).toBe(false);
    expect(nameVariant('主任委员', '副主任委员')).toBe(false);
    expect(nameVariant('镇长', '副镇长')).toBe(false);
    expect(nameVariant('所', '财政所')).toBe(false);
    expect(nameVariant('101', '2101')).toBe(false);
    expect(nameVariant('财政所', '财政所')).toBe(false);
    expect(nameVariant('县财政局', '县公安局、县财政局')).toBe(false);
    expect(pickNameVariant(['派出所'], ['柳河派出所', '青山派出所'])).toBeUndefined();
    expect(pickOption(['人大代表'], [{ value: '1', text: '县人大代表' }, { value: '2', text: '镇人大代表' }])).toBeUndefined();
  });
});

describe('a box that asks 是否X', () => {
  const box = (label: string): ScannedControl => ({ id: 'c1', adapter: 'native', kind: 'checkbox', labels: [{ source: 'label-for', text: label }], frame: '', usable: true });
  const disclosure = { key: 's.disclosure', label: '公开意见', type: 'enum' } as const;
  it('is ticked by the record\'s X and cleared by its negation; any other answer is left alone', () => {
    expect(convertForControl('公开', disclosure as never, undefined, box('是否公开'))).toMatchObject({ ok: true, value: { type: 'check', checked: true } });
    expect(convertForControl('不公开', disclosure as never, undefined, box('是否公开：'))).toMatchObject({ ok: true, value: { type: 'check', checked: false } });
    expect(convertForControl('依申请公开', disclosure as never, undefined, box('是否公开'))).toMatchObject({ ok: false, reason: 'unsupported' });
    // a box that asks nothing is not answered by an option
    expect(convertForControl('公开', disclosure as never, undefined, box('公开'))).toMatchObject({ ok: false });
  });
  it('reads back as the option it answers: ticked X, cleared 不X', () => {
    const opts = [{ value: '公开' }, { value: '依申请公开' }, { value: '不公开' }];
    expect(valueFromControl(true, disclosure as never, opts, undefined, box('是否公开'))).toBe('公开');
    expect(valueFromControl(false, disclosure as never, opts, undefined, box('是否公开'))).toBe('不公开');
    expect(valueFromControl(true, disclosure as never, opts, undefined, box('公开意见'))).toBeUndefined();
  });
});
