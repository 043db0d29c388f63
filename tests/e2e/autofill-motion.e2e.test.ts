/**
 * What the engine calls "leaving" (util.ts `leaving`, `leavingIn`), checked in real Chromium on
 * real CSS motion: a popup that closes is taken as closed once it is on its way out, so a fill
 * does not wait out each list's fade. Libraries say so differently — a leave class (Vue, rc-*
 * motion), an "…Out…" keyframe animation (Fusion), or nothing but an inline opacity transition
 * to 0 (DevExtreme's overlays: each select waited its 400 ms fade before this was known).
 * And "appearing": a popup replaying its fade-in from transparent (Ant Design Vue 1's multiple
 * select after each pick) is open, not to be opened again.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, REPO_ROOT, type PlainBrowser } from '../harness/browser.ts';

let b: PlainBrowser;
let code: string;
beforeAll(async () => {
  const out = await build({
    stdin: { contents: "export { leaving, leavingIn, shownOrAppearing } from './shared/src/dom/autofill/util.ts';", resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true, format: 'iife', globalName: '__motion', write: false, platform: 'browser',
  });
  code = out.outputFiles[0]!.text;
  b = await launchChromium();
});
afterAll(async () => { await b?.close(); });

type Probe = { fadeOut: boolean; fadeIn: boolean; still: boolean; keyframedOut: boolean; docLeaving: boolean; docAfter: boolean };

describe('leaving: an element on its way out', () => {
  it('is an element fading to transparent by an inline transition with no class, or by an "…Out" animation; never one fading in or standing still', async () => {
    const page = await b.newPage();
    try {
      await page.setContent(`<style>@keyframes zoomOut { from { transform: scale(1) } to { transform: scale(.5) } }</style>
        <div id="out" style="opacity:1">列表</div><div id="in" style="opacity:0">列表</div><div id="still" style="opacity:1">列表</div><div id="kf">列表</div>`);
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(async () => {
        const m = (window as unknown as { __motion: { leaving(e: Element): boolean; leavingIn(d: Document): boolean } }).__motion;
        const $ = (id: string) => document.getElementById(id) as HTMLElement;
        const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        await frame();
        // as DevExtreme hides an overlay: an inline transition, then the opacity it goes to
        $('out').style.transition = 'opacity 2s linear';
        $('in').style.transition = 'opacity 2s linear';
        await frame();
        $('out').style.opacity = '0';
        $('in').style.opacity = '1';
        $('kf').style.animation = 'zoomOut 2s linear forwards';
        await frame();
        const probe = { fadeOut: m.leaving($('out')), fadeIn: m.leaving($('in')), still: m.leaving($('still')), keyframedOut: m.leaving($('kf')), docLeaving: false, docAfter: false };
        $('kf').style.animation = '';
        probe.docLeaving = m.leavingIn(document);
        // the fade over: nothing is leaving any more
        $('out').style.transition = 'none';
        $('in').style.transition = 'none';
        await frame();
        probe.docAfter = m.leavingIn(document);
        return probe;
      }) as Probe;
      expect(r).toEqual({ fadeOut: true, fadeIn: false, still: false, keyframedOut: true, docLeaving: true, docAfter: false });
    } finally {
      await page.close();
    }
  });
});

describe('shownOrAppearing: a popup a person sees or is about to', () => {
  it('is one drawn, or one still transparent at the start of its fade-in; never one hidden, fading out or not rendered', async () => {
    const page = await b.newPage();
    try {
      // steps(1, end): transparent until the animation's end, as at the first frame of a replayed fade-in
      await page.setContent(`<style>@keyframes fadeIn { from { opacity: 0 } to { opacity: 1 } } @keyframes fadeAway { from { opacity: 0 } to { opacity: 0 } }</style>
        <div id="drawn">列表</div><div id="hidden" style="opacity:0">列表</div><div id="none" style="display:none">列表</div>
        <div id="fadingIn">列表</div><div id="away" style="opacity:0">列表</div><div id="child"><span id="item">选项</span></div>`);
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(async () => {
        const m = (window as unknown as { __motion: { shownOrAppearing(e: Element): boolean } }).__motion;
        const $ = (id: string) => document.getElementById(id) as HTMLElement;
        const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        $('fadingIn').style.animation = 'fadeIn 5s steps(1, end) both';
        $('child').style.animation = 'fadeIn 5s steps(1, end) both';
        $('away').style.animation = 'fadeAway 5s linear both';
        await frame();
        const ids = ['drawn', 'hidden', 'none', 'fadingIn', 'away', 'item'];
        const during = Object.fromEntries(ids.map((id) => [id, m.shownOrAppearing($(id))]));
        for (const id of ['fadingIn', 'child', 'away']) $(id).style.animation = '';
        await frame();
        return { during, afterFadingIn: m.shownOrAppearing($('fadingIn')) };
      });
      expect(r).toEqual({ during: { drawn: true, hidden: false, none: false, fadingIn: true, away: false, item: true }, afterFadingIn: true });
    } finally {
      await page.close();
    }
  });
});
