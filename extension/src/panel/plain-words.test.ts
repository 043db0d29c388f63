import { describe, expect, it } from 'vitest';
import { looksLikeDomName, portalFieldName, skipLine } from './plain-words.ts';

const texts = { reason: (r: string) => ({ ambiguous: '可能对应多个字段，未填写', 'no-label': '没有可识别的标签' } as Record<string, string>)[r] ?? r, unlabeled: '一个没有标签的栏目', maybe: '可能是', recordLacks: '记录中没有', later: '该栏目显示后可继续填写' };
const labels: Record<string, string> = { 'deputy.phone': '代表电话', 'letter.phone': '来信人电话' };

describe('plain words', () => {
  it('names candidates by record field labels, not keys, and never doubles the colon', () => {
    const line = skipLine({ control: 'c3', label: '联系电话：', reason: 'ambiguous', detail: '可能是：deputy.phone、letter.phone', candidates: ['deputy.phone', 'letter.phone'] }, (k) => labels[k], texts);
    expect(line).toBe('联系电话：可能对应多个字段，未填写（可能是：代表电话、来信人电话）');
  });
  it('says which record field waits in a step not shown yet', () => {
    const line = skipLine({ control: 'c7', label: '转交部门', reason: 'unusable', candidates: ['letter.phone'], later: true }, (k) => labels[k], { ...texts, reason: () => '控件不可见' });
    expect(line).toBe('转交部门：控件不可见（来信人电话：该栏目显示后可继续填写）');
  });
  it('never shows a DOM name or a control id', () => {
    expect(skipLine({ control: 'c3', label: 'ctl00$main$rblSFLR', reason: 'no-label' }, () => undefined, texts)).toBe('一个没有标签的栏目：没有可识别的标签');
    expect(portalFieldName({ label: '' }, '?')).toBe('?');
    expect(looksLikeDomName('ctl00$main$txtXM')).toBe(true);
    expect(looksLikeDomName('txtName')).toBe(true);
    expect(looksLikeDomName('Email')).toBe(false);
    expect(looksLikeDomName('姓名')).toBe(false);
  });
});
