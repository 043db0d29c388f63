/**
 * The engine as the extension runs it: in an isolated world of the page (made over CDP, as
 * Chrome makes a content script's), where the expandos Vue and React keep on DOM nodes are
 * invisible. Framework state crosses only through the page-world helper on a random channel
 * (framework-state.ts: widget models, widgets' props, grid rows). Without it the engine sees the
 * DOM alone: a date picker's type (date, not the date-time its placeholder's 时间 suggests) and a
 * select's model are unknown, and what it reads back is only what boxes show.
 * Pages of our own (tests/fixtures/adapters/).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { AUTOFILL_BUNDLE, autofillSuite, portalState } from '../harness/autofill.ts';
import { injectEngine } from '../harness/isolated-world.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);

async function openIsolated(file: string, bridge: boolean): Promise<{ page: Page; fill: (values: Record<string, unknown>) => Promise<FillReport> }> {
  const page = await t.browser.newPage();
  await page.goto(t.site.url(`/${file}`));
  await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal);
  const engine = await injectEngine(page, AUTOFILL_BUNDLE, { bridge });
  return { page, fill: async (values) => (await engine<{ report: FillReport }>('fill', values)).value.report };
}

describe('the engine in an isolated world, as the extension runs it', () => {
  it('reads a picker\'s type through the page-world helper: the date is filled as a date', async () => {
    const values = { 'meeting.documentDate': '2025-07-02', 'meeting.startTime': '2025-07-01T09:30' };
    const { page, fill } = await openIsolated('date-placeholder.html', true);
    try {
      const report = await fill(values);
      expect(await portalState(page), JSON.stringify(report)).toEqual({ issued: '2025-07-02', start: '2025-07-01 09:30:00' });
      expect(report.filled.map((f) => f.key).sort()).toEqual(['meeting.documentDate', 'meeting.startTime']);
    } finally { await page.close(); }
    // without the helper the type is unknown: 请选择 印发时间 reads as a date-time the record has no time for
    const blind = await openIsolated('date-placeholder.html', false);
    try {
      const report = await blind.fill(values);
      expect(report.filled.map((f) => f.key)).not.toContain('meeting.documentDate');
    } finally { await blind.page.close(); }
  });

  it('checks a read-only box of an unknown widget against its component\'s model through the helper: failed, never filled', async () => {
    const values = { 'meeting.title': '党委扩大会议', 'meeting.type': '党委扩大会议' };
    const { page, fill } = await openIsolated('unknown-select.html', true);
    try {
      const report = await fill(values);
      expect(await portalState(page), JSON.stringify(report)).toEqual({ title: '党委扩大会议', type: null });
      expect(report.filled.map((f) => f.key)).toEqual(['meeting.title']);
      expect(report.failed.map((f) => f.key)).toEqual(['meeting.type']);
    } finally { await page.close(); }
  });

  it('asks the helper for a widget\'s props once per scan for the same keys, and afresh in the next scan', async () => {
    // the Fusion page: its selects and pickers are asked the same keys more than once in a scan
    const page = await t.browser.newPage();
    try {
      await page.goto(t.site.url('/fusion.html'));
      await page.waitForFunction(() => !!(window as unknown as { __portal?: unknown }).__portal);
      const channel = `lvzhi-test-${Math.random().toString(36).slice(2)}`;
      // in the page's world: each props request the helper gets, by element and keys
      await page.evaluate((ch) => {
        const ids = new WeakMap<EventTarget, number>();
        let next = 0;
        const asked: string[] = [];
        (window as unknown as { __asked: string[] }).__asked = asked;
        document.addEventListener(`${ch}-q`, (e) => {
          const w = JSON.parse((e as CustomEvent<string>).detail) as { op: string; want?: string[] };
          if (w.op !== 'props' || !e.target) return;
          if (!ids.has(e.target)) ids.set(e.target, next++);
          asked.push(`${ids.get(e.target)}|${(w.want ?? []).join(',')}`);
        }, true);
      }, channel);
      const engine = await injectEngine(page, AUTOFILL_BUNDLE, { channel });
      const asked = () => page.evaluate(() => (window as unknown as { __asked: string[] }).__asked.splice(0));
      await engine('scan');
      const first = await asked();
      expect(first.length).toBeGreaterThan(0);
      expect(first.length, first.join('\n')).toBe(new Set(first).size);
      // a second scan keeps nothing from the first: the same questions cross again
      await engine('scan');
      expect((await asked()).length).toBe(first.length);
    } finally { await page.close(); }
  });
});
