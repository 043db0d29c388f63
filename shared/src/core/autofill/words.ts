/**
 * Plain words for plans and reports: what staff read in the panel. Labels as the portal shows
 * them (without the trailing colon or required star), reasons as sentences. Internal keys,
 * DOM ids and names stay in their own properties for code and never appear here.
 */
import type { ControlKind } from './types.ts';

/** A portal label as shown to people: `*姓名：` → 姓名 (the panel adds its own punctuation). */
export function visibleLabel(text: string | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s*＊:：]+/u, '')
    .replace(/[\s*＊:：]+$/u, '')
    .trim();
}

// a prompt whose object is only the widget's kind (请选择日期, Select date) names no field either
const PROMPT_WORDS = /^(请|please)?(输入|选择|填写|上传|点击|搜索|查询|enter|input|select|choose|pick|search|type|fill(in)?|click)+(一个|一项|一下|内容|选项|日期|时间|日期时间|年月|月份|年份|年度|数字|文本|文字|文件|图片|anoption|anitem|one|here|tosearch|tochoose|toselect|a?date|a?time|datetime|a?month|a?year|a?file)?$/u;

/**
 * Whether a text is only a prompt, no label: 请选择, --请选择--, 请输入…, select, Please choose,
 * and prompts naming only the widget's kind (请选择日期, 选择时间, Select date). Widgets put such
 * words in their placeholder or aria-label (Fusion's select says "select"); they name no field,
 * so they never label a control — 请选择日期 matched whichever record date a synonym 日期 had.
 * A prompt with a field's name (请输入手机号码) is kept, as a placeholder, after the layout's labels.
 */
export function isPromptOnly(text: string): boolean {
  const t = text.normalize('NFKC').toLowerCase().replace(/[\s\-—–=_.…·。:：*＊()（）\[\]【】<>《》'"‘’“”!！?？~～]+/gu, '');
  return t === '' || PROMPT_WORDS.test(t);
}

const KIND_WORDS: Record<ControlKind, [string, string]> = {
  text: ['输入框', 'text box'], textarea: ['多行输入框', 'text area'], number: ['数字输入框', 'number box'],
  date: ['日期框', 'date box'], datetime: ['日期时间框', 'date-time box'], select: ['下拉框', 'drop-down'],
  multiselect: ['多选下拉框', 'multi-select'], radio: ['单选项', 'radio buttons'], checkbox: ['勾选框', 'check box'],
  checkboxes: ['多选项', 'check boxes'], cascader: ['级联选择框', 'cascader'], file: ['文件上传', 'file upload'],
  richtext: ['富文本编辑框', 'rich-text editor'],
  daterange: ['日期范围框', 'date range picker'], datetimerange: ['日期时间范围框', 'date-time range picker'],
};

/** An unlabelled control described by what it is: 无标签的输入框. */
export function unlabelled(kind: ControlKind): string {
  return `无标签的${KIND_WORDS[kind]?.[0] ?? '控件'}`;
}

/** Why a control cannot be used, from the DOM side's reason code (see `unusableReason`). */
const UNUSABLE: Record<string, [string, string]> = {
  disabled: ['控件已禁用', 'the control is disabled'],
  'aria-hidden': ['控件对读屏软件隐藏，属于隐藏内容', 'the control is hidden from assistive technology'],
  inert: ['控件当前不可操作', 'the control is inert'],
  hidden: ['控件不可见', 'the control is not visible'],
  transparent: ['控件几乎透明，看不见', 'the control is (almost) transparent'],
  'zero-size': ['控件太小，看不见', 'the control is too small to see'],
  'off-screen': ['控件在页面可见范围之外', 'the control is outside the page'],
  'far-away': ['控件远离页面内容，看不到', 'the control is far outside the page’s content'],
  clipped: ['控件被裁剪，看不见', 'the control is clipped out of view'],
  covered: ['控件被其他内容遮住', 'the control is covered by something else'],
  'invisible-text': ['控件的文字与背景同色，看不见', 'the control’s text has the colour of its background'],
  'tiny-text': ['控件文字太小，看不清', 'the control’s text is too small to read'],
  frame: ['所在的框架不可见', 'its frame is not visible'],
  'closed-tab': ['控件在无法切换到的标签页中（标签已禁用或不可见）', 'the control is on a tab that cannot be opened (disabled or not visible)'],
};

export function unusableWords(code: string | undefined): { zh: string; en: string } {
  const base = (code ?? '').replace(/^frame-/, '');
  const w = UNUSABLE[base] ?? ['控件不可见或不可用', 'the control cannot be seen or used'];
  if (code?.startsWith('frame-')) return { zh: `所在框架中${w[0]}`, en: `in its frame, ${w[1]}` };
  return { zh: w[0], en: w[1] };
}

/** Reasons the scan refused a frame or control. */
export function refusedWords(reason: string): { zh: string; en: string } {
  if (reason === 'cross-origin') return { zh: '位于其他网站的嵌入页面中，不会进入', en: 'inside a page of another site, which autofill does not enter' };
  if (reason === 'cross-origin-delegated') return { zh: '位于门户配置允许的其他网站页面中，需在该页面内填写', en: 'inside an allowed page of another site; filled from within that page' };
  if (reason === 'password') return { zh: '密码框从不填写', en: 'password boxes are never filled' };
  return { zh: '无法处理该控件', en: 'this control cannot be handled' };
}

/** A list of record fields as people read them: 手机号码、联系电话. */
export function fieldList(labels: readonly string[]): string {
  return [...new Set(labels)].join('、');
}
