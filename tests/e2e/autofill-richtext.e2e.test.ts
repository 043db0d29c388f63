/**
 * Rich-text editors under long-text fields (tests/fixtures/adapters/richtext.html and
 * richtext-frames.html, the real editors): Quill 2 and wangEditor 5 (Slate) in the page, TinyMCE,
 * KindEditor and CKEditor 4 editing an iframe's document. Each page posts what the editor's own
 * model holds (its change event, getContent(), the textarea KindEditor syncs on blur, getData()),
 * read back as text, one line per paragraph. The fill types each line as a person does, so the
 * models take it: right, reported filled, the page's submit passes; a second record replaces the
 * first; undo empties them again. The editors' toolbars (with text in them: a block-format menu)
 * and the textareas they replaced are not fields, and 增加缩进 in a toolbar adds no list.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport, ScanResult } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
type Fill = { plan: FillPlan; report: FillReport };

const pages = [
  {
    name: 'Quill 2 and wangEditor 5 in the page',
    url: '/richtext.html', form: 'suggestion',
    values: { 'suggestion.title': '关于加强农村道路养护的建议', 'suggestion.reason': '我镇村道多建于十年前，路面老化。\n雨季积水严重，群众出行不便。', 'suggestion.content': '一、加大养护资金投入。\n二、建立村道管护长效机制。\n三、雨季前集中排查。' },
    again: { 'suggestion.reason': '路面破损。', 'suggestion.content': '尽快维修。' },
    state: { title: '关于加强农村道路养护的建议', reason: '我镇村道多建于十年前，路面老化。\n雨季积水严重，群众出行不便。', content: '一、加大养护资金投入。\n二、建立村道管护长效机制。\n三、雨季前集中排查。' },
    stateAgain: { reason: '路面破损。', content: '尽快维修。' },
    labels: ['建议标题', '情况及理由', '建议内容'],
    editors: ['情况及理由', '建议内容'],
  },
  {
    name: 'TinyMCE, KindEditor and CKEditor 4 in iframes',
    url: '/richtext-frames.html', form: 'letter',
    values: { 'letter.name': '周建华', 'letter.content': '村口路灯损坏已三个月。\n夜间出行不便，老人孩子容易摔倒。', 'letter.proposedHandling': '转镇城建办办理，十五日内答复。', 'letter.feedback': '已更换路灯三盏。\n已电话告知来信人，来信人表示满意。' },
    again: { 'letter.content': '路灯又坏了。', 'letter.proposedHandling': '转城建办。', 'letter.feedback': '已修复。' },
    state: { writer: '周建华', content: '村口路灯损坏已三个月。\n夜间出行不便，老人孩子容易摔倒。', proposal: '转镇城建办办理，十五日内答复。', feedback: '已更换路灯三盏。\n已电话告知来信人，来信人表示满意。' },
    stateAgain: { content: '路灯又坏了。', proposal: '转城建办。', feedback: '已修复。' },
    labels: ['来信人', '反映内容', '拟办意见', '办理反馈'],
    editors: ['反映内容', '拟办意见', '办理反馈'],
  },
];

describe('rich-text editors', () => {
  for (const p of pages) {
    it(`${p.name}: each line typed into the editor's model, reported filled, the page submits`, async () => {
      const page = await openWithBundle(t.browser, t.site.url(p.url));
      try {
        expect((await portalSubmit(page)).ok).toBe(false);
        // one control per editor, labelled from the layout; its toolbar and the textarea it replaced are not fields
        const scan = await lvzhi<ScanResult>(page, 'scan');
        const editors = scan.controls.filter((c) => c.kind === 'richtext');
        expect(editors.map((c) => c.labels[0]?.text)).toEqual(p.editors);
        expect(scan.controls.filter((c) => c.kind !== 'richtext').map((c) => c.labels[0]?.text)).toEqual(p.labels.filter((l) => !p.editors.includes(l)));
        // nor is a toolbar's 增加缩进 the add button of a list
        expect([...(scan.groups ?? []), ...scan.tables]).toEqual([]);
        const { report } = await lvzhi<Fill>(page, 'fill', p.values, { form: p.form });
        const detail = JSON.stringify(report);
        expect(await portalState(page), detail).toEqual(p.state);
        expect(report.filled.map((f) => f.label).sort(), detail).toEqual([...p.labels].sort());
        expect(report.failed, detail).toEqual([]);
        expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
      } finally { await page.close(); }
    });

    it(`${p.name}: a second record replaces the text, and undo puts back what the editors held`, async () => {
      const page = await openWithBundle(t.browser, t.site.url(p.url));
      try {
        await lvzhi<Fill>(page, 'fill', p.values, { form: p.form });
        const before = await portalState(page);
        const { report } = await lvzhi<Fill>(page, 'fill', p.again, { form: p.form });
        expect(await portalState(page), JSON.stringify(report)).toEqual({ ...p.state, ...p.stateAgain });
        const undone = await lvzhi<{ failed: unknown[] }>(page, 'undo');
        expect(undone.failed).toEqual([]);
        expect(await portalState(page)).toEqual(before);
      } finally { await page.close(); }
    });
  }
});
