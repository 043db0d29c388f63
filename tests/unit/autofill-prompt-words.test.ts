/** Prompt words name no field: they never label a control (core words.ts `isPromptOnly`). */
import { describe, expect, it } from 'vitest';
import { isPromptOnly } from '@lvzhi/shared';

describe('isPromptOnly', () => {
  it('knows prompts alone, in Chinese and English, with decorations', () => {
    for (const t of ['请选择', '--请选择--', '请输入', '选择', 'select', 'Select...', 'Please select', 'Please choose', '请选择一项', '输入内容', ' * ']) expect(isPromptOnly(t), t).toBe(true);
  });
  it('keeps prompts that name something, and labels', () => {
    for (const t of ['请选择日期', '请输入姓名', '选择日期', '民族', '检查日期', 'Select date']) expect(isPromptOnly(t), t).toBe(false);
  });
});
