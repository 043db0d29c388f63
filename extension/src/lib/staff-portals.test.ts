import { describe, expect, it } from 'vitest';
import { isPortalPattern, launcherMatches, matchesPattern, packPortalPatterns, patternFromInput, permissionOrigin, samePatterns, sitePattern } from './staff-portals.ts';

describe('portal patterns', () => {
  it('accepts http(s) site patterns and refuses everything-patterns', () => {
    expect(isPortalPattern('https://oa.example.gov.cn/rd/*')).toBe(true);
    expect(isPortalPattern('http://127.0.0.1:5173/*')).toBe(true);
    expect(isPortalPattern('https://*.example.gov.cn/*')).toBe(true);
    expect(isPortalPattern('<all_urls>')).toBe(false);
    expect(isPortalPattern('*://*/*')).toBe(false);
    expect(isPortalPattern('https://*/*')).toBe(false);
    expect(isPortalPattern('https://*.cn/*')).toBe(false);
    expect(isPortalPattern('file:///etc/*')).toBe(false);
    expect(isPortalPattern('https://oa.example.gov.cn')).toBe(false);
  });

  it('turns what a person types into a site pattern', () => {
    expect(patternFromInput('http://127.0.0.1:5173/rd/form.aspx?id=3')).toBe('http://127.0.0.1:5173/*');
    expect(patternFromInput('oa.example.gov.cn/rd/')).toBe('http://oa.example.gov.cn/*');
    expect(patternFromInput('https://oa.example.gov.cn/rd/*')).toBe('https://oa.example.gov.cn/rd/*');
    expect(patternFromInput('https://*/*')).toBeUndefined();
    expect(patternFromInput('   ')).toBeUndefined();
    expect(patternFromInput('javascript:alert(1)')).toBeUndefined();
    expect(sitePattern('ftp://x.cn/')).toBeUndefined();
  });

  it('asks for the permission without the port', () => {
    expect(permissionOrigin('http://127.0.0.1:5173/rd/*')).toBe('http://127.0.0.1/*');
    expect(permissionOrigin('https://*.example.gov.cn/*')).toBe('https://*.example.gov.cn/*');
  });

  it('registers only valid, permitted patterns, sorted and deduplicated', () => {
    const packs = [{ portals: [{ match: ['https://rd.example.gov.cn/dbxx/*'] }] }, {}];
    expect(packPortalPatterns(packs)).toEqual(['https://rd.example.gov.cn/dbxx/*']);
    const granted = new Set(['http://127.0.0.1/*']);
    const got = launcherMatches([packPortalPatterns(packs), ['http://127.0.0.1:9/*', '<all_urls>', 'http://127.0.0.1:9/*', 'http://127.0.0.1:8/*']], (o) => granted.has(o));
    expect(got).toEqual(['http://127.0.0.1:8/*', 'http://127.0.0.1:9/*']);
    expect(samePatterns(got, ['http://127.0.0.1:8/*', 'http://127.0.0.1:9/*'])).toBe(true);
    expect(samePatterns(got, ['http://127.0.0.1:8/*'])).toBe(false);
  });
});

describe('matchesPattern', () => {
  it('matches scheme, host, port and path like Chrome', () => {
    expect(matchesPattern('https://rd.example.gov.cn/dbxx/*', 'https://rd.example.gov.cn/dbxx/edit.html?id=1')).toBe(true);
    expect(matchesPattern('https://rd.example.gov.cn/dbxx/*', 'https://rd.example.gov.cn/other/')).toBe(false);
    expect(matchesPattern('https://rd.example.gov.cn/dbxx/*', 'http://rd.example.gov.cn/dbxx/')).toBe(false);
    expect(matchesPattern('http://127.0.0.1:8080/*', 'http://127.0.0.1:8080/a')).toBe(true);
    expect(matchesPattern('http://127.0.0.1:8080/*', 'http://127.0.0.1:8081/a')).toBe(false);
    expect(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.1:8081/a')).toBe(true);
    expect(matchesPattern('*://*.example.gov.cn/*', 'https://oa.example.gov.cn/x')).toBe(true);
    expect(matchesPattern('*://*.example.gov.cn/*', 'https://example.gov.cn.evil.com/x')).toBe(false);
  });
});
