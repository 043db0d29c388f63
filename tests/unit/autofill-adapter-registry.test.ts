// The adapter registry is the one source of widget names, and honest read-back comparisons.
import { describe, expect, it } from 'vitest';
import { validatePackSet } from '@lvzhi/shared';
import { adapterByName, widgetNames } from '../../shared/src/dom/autofill/adapters/index.ts';
import { modelMatches, readMatches } from '../../shared/src/dom/autofill/verify.ts';

const pack = (widget: string) => ({
  id: 'lvzhi.widget-test', version: '1.0.0', title: '测试',
  dictionary: [{ key: 'test.name', type: 'text', label: '姓名' }],
  portals: [{ id: 'p', title: '门户', match: ['https://oa.example.gov.cn/*'], fields: [{ key: 'test.name', widget }] }],
});

describe('widget names come from the adapter registry', () => {
  it('lists every registered adapter and alias, and resolves aliases', () => {
    const names = widgetNames();
    for (const n of ['auto', 'native', 'element-select', 'antd-date', 'antdv-select', 'tdesign-select', 'naive-cascader', 'arco-date', 'select2', 'bootstrap-select', 'aria-combobox', 'layui-select', 'element-radio', 'element-ui-select', 'view-ui-select', 'view-ui-date', 'view-ui-cascader', 'view-ui-switch', 'fusion-select', 'fusion-date', 'fusion-cascader', 'fusion-date2', 'vant-picker', 'vant-checkbox-group', 'tdesign-switch', 'easyui-combobox', 'easyui-date', 'devextreme-select', 'devextreme-lookup', 'devextreme-date', 'devextreme-radio', 'devextreme-checkbox', 'devextreme-switch', 'devextreme-text', 'dx-tagbox']) expect(names).toContain(n);
    expect(adapterByName('dx-selectbox')?.name).toBe('devextreme-select');
    expect(adapterByName('element-radio')?.name).toBe('native');
    expect(adapterByName('no-such-widget')).toBeUndefined();
  });
  it('the validator given the names rejects an unknown widget with its path; without them, any slug passes', () => {
    const bad = validatePackSet([{ source: 'p.json', json: pack('fusion-selectt') }], { widgetNames: widgetNames() });
    const issue = bad.issues.find((i) => i.code === 'unknown-widget');
    expect(issue?.path).toEqual(['portals', 0, 'fields', 0, 'widget']);
    expect(validatePackSet([{ source: 'p.json', json: pack('element-select') }], { widgetNames: widgetNames() }).issues.filter((i) => i.code === 'unknown-widget')).toEqual([]);
    expect(validatePackSet([{ source: 'p.json', json: pack('fusion-selectt') }]).issues.filter((i) => i.code === 'unknown-widget')).toEqual([]);
    expect(validatePackSet([{ source: 'p.json', json: pack('Not A Slug') }]).ok).toBe(false);
  });
});

describe('honest read-back', () => {
  it('dates compare by their numbers, date-times too; a date is not a date-time', () => {
    expect(readMatches('2024年3月5日', { type: 'text', text: '2024-03-05' }, { kind: 'date' })).toBe(true);
    expect(readMatches('2024-03-05', { type: 'text', text: '2024-03-05 09:30' }, { kind: 'datetime' })).toBe(false);
    expect(readMatches(null, { type: 'text', text: '2024-03-05' }, { kind: 'date' })).toBe(false);
    // whole minutes shown without their :00 seconds are the same time; other seconds, a missing hour or an hour 00 are not
    expect(readMatches('09:00', { type: 'text', text: '09:00:00' }, { kind: 'datetime' })).toBe(true);
    expect(readMatches('2024-03-05 09:30:00', { type: 'text', text: '2024-03-05 09:30' }, { kind: 'datetime' })).toBe(true);
    expect(readMatches('09:00', { type: 'text', text: '09:00:30' }, { kind: 'datetime' })).toBe(false);
    expect(readMatches('2024-03-05', { type: 'text', text: '2024-03-05 00:00' }, { kind: 'datetime' })).toBe(false);
  });
  it('a text box padding a decimal to its precision holds the number; a code with a leading zero is another value', () => {
    expect(readMatches('91.40', { type: 'text', text: '91.4' }, { kind: 'text' })).toBe(true);
    expect(readMatches('3.0', { type: 'text', text: '3' }, { kind: 'text' })).toBe(true);
    expect(readMatches('91.41', { type: 'text', text: '91.4' }, { kind: 'text' })).toBe(false);
    expect(readMatches('01', { type: 'text', text: '1' }, { kind: 'text' })).toBe(false);
    expect(readMatches('10', { type: 'text', text: '1' }, { kind: 'text' })).toBe(false);
    expect(readMatches('1.50', { type: 'text', text: '15' }, { kind: 'text' })).toBe(false);
    // a unit the box shows after the number is no other value; another number before it is
    expect(readMatches('5人', { type: 'text', text: '5' }, { kind: 'text' })).toBe(true);
    expect(readMatches('12.50 万元', { type: 'text', text: '12.5' }, { kind: 'text' })).toBe(true);
    expect(readMatches('6人', { type: 'text', text: '5' }, { kind: 'text' })).toBe(false);
    expect(readMatches('5人', { type: 'text', text: '5人次' }, { kind: 'text' })).toBe(false);
  });
  it('multi-selects item by item, cascaders by their last level', () => {
    expect(readMatches(['县公安局', '县城管局'], { type: 'options', items: [{ candidates: ['县公安局'] }, { candidates: ['县城管局'] }] }, { kind: 'multiselect' })).toBe(true);
    expect(readMatches(['县公安局', '县公安局', '县城管局'], { type: 'options', items: [{ candidates: ['县公安局'] }, { candidates: ['县城管局'] }] }, { kind: 'multiselect' })).toBe(false);
    expect(readMatches('浙江省 / 杭州市 / 西湖区', { type: 'path', candidates: ['浙江省/杭州市/西湖区'] }, { kind: 'cascader' })).toBe(true);
    expect(readMatches('浙江省 / 杭州市 / 上城区', { type: 'path', candidates: ['浙江省/杭州市/西湖区'] }, { kind: 'cascader' })).toBe(false);
  });
  it('an empty framework model means not accepted, whatever the display says', () => {
    expect(modelMatches(null, { type: 'option', candidates: ['回族'] }, { kind: 'select' })).toBe(false);
    expect(modelMatches('03', { type: 'option', candidates: ['回族'] }, { kind: 'select' })).toBe(true);
    expect(modelMatches(undefined, { type: 'option', candidates: ['回族'] }, { kind: 'select' })).toBe(true);
    expect(modelMatches('2026-03-05 00:00:00', { type: 'text', text: '2026-03-05 09:30:00' }, { kind: 'datetime' })).toBe(false);
    expect(modelMatches(['a'], { type: 'options', items: [{ candidates: ['x'] }, { candidates: ['y'] }] }, { kind: 'multiselect' })).toBe(false);
  });
});
