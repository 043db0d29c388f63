/** Prompt words name no field: they never label a control (core words.ts `isPromptOnly`). */
import { describe, expect, it } from 'vitest';
import { isPromptOnly } from '@lvzhi/shared';

describe('isPromptOnly', () => {
  it('knows prompts alone, in Chinese and English, with decorations, or naming only the widget kind', () => {
    for (const t of ['请选择', '--请选择--', '请输入', '选择', 'select', 'Select...', 'Please select', 'Please choose', '请选择一项', '输入内容', ' * ', '请选择日期', '选择日期', '选择时间', '请选择日期时间', 'Select date', '请上传文件']) expect(isPromptOnly(t), t).toBe(true);
  });
  it('keeps prompts that name a field, and labels (日期 alone is a label)', () => {
    for (const t of ['请输入姓名', '请输入手机号码', '请选择出生日期', '民族', '检查日期', '日期', '开始时间']) expect(isPromptOnly(t), t).toBe(false);
  });
});
