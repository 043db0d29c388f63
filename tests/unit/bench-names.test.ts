// The figures the issues name are benchmarks that exist under exactly those names (README and
// issue 14 refer to them; `npm run bench NAME` selects by name).
import { describe, expect, it } from 'vitest';

describe('minutes benchmarks', () => {
  it('has the 30-page meeting (goal < 2 s) and the 20 pages against pdfmake (≤ 1×)', async () => {
    const { default: benches } = await import('../bench/minutes.bench.ts');
    const byName = new Map(benches.map((b) => [b.name, b]));
    expect(byName.get('minutes: 30-page meeting with 60 attendees, PDF + sign-in sheet + .docx')?.goal).toMatchObject({ value: 2000, op: '<' });
    expect(byName.get('minutes: 20 pages')?.goal).toMatchObject({ value: 1, op: '<=', unit: 'ratio' });
  });
});
