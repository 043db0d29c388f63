import { describe, expect, it } from 'vitest';
import { SYSTEM_TOOLS, planSystemSetup } from './system-deps.mjs';

const allFound = () => Object.fromEntries(SYSTEM_TOOLS.map((t) => [t.id, true]));

describe('planSystemSetup', () => {
  it('does nothing when every tool is present', () => {
    expect(planSystemSetup({ found: allFound(), isRoot: false, isDebian: true })).toEqual({
      action: 'none', missing: [], packages: [], commands: [],
    });
  });

  it('installs the missing packages, once each, when root on Debian', () => {
    const found = { ...allFound(), chromium: false, pdftotext: false, pdfsig: false, 'cjk-font': false };
    const plan = planSystemSetup({ found, isRoot: true, isDebian: true });
    expect(plan.action).toBe('install');
    expect(plan.missing).toEqual(['chromium', 'pdftotext', 'pdfsig', 'cjk-font']);
    expect(plan.packages).toEqual(['chromium', 'poppler-utils', 'fonts-noto-cjk']);
    expect(plan.commands).toEqual([
      'apt-get update',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y chromium poppler-utils fonts-noto-cjk',
    ]);
  });

  it('counts a tool missing from the probe results as missing', () => {
    const { qpdf: _qpdf, ...found } = allFound();
    const plan = planSystemSetup({ found, isRoot: true, isDebian: true });
    expect(plan.packages).toEqual(['qpdf']);
  });

  it('prints a sudo command instead of installing when not root', () => {
    const plan = planSystemSetup({ found: { ...allFound(), qpdf: false, 'fc-list': false }, isRoot: false, isDebian: true });
    expect(plan.action).toBe('manual');
    expect(plan.commands).toEqual([
      'sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y qpdf fontconfig',
    ]);
  });

  it('never runs apt-get off Debian, even as root', () => {
    const plan = planSystemSetup({ found: { ...allFound(), chromium: false }, isRoot: true, isDebian: false });
    expect(plan.action).toBe('manual');
    expect(plan.commands.join('\n')).not.toMatch(/^apt-get/m);
    expect(plan.commands.join('\n')).toContain('chromium');
  });

  it('asks for chromium at /usr/bin/chromium and each poppler tool', () => {
    const chromium = SYSTEM_TOOLS.find((t) => t.id === 'chromium');
    expect(chromium?.path).toBe('/usr/bin/chromium');
    for (const id of ['pdftotext', 'pdffonts', 'pdftoppm', 'pdfsig']) {
      expect(SYSTEM_TOOLS.find((t) => t.id === id)?.pkg).toBe('poppler-utils');
    }
  });
});
