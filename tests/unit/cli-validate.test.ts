// The `lvzhi validate` contract from the foundation issue, through the real bin (child process)
// for the exit codes and output format, and in-process for the finer cases.
import { describe, expect, it } from 'vitest';
import { lvzhiInProcess, lvzhiNpx } from '../harness/cli.ts';

const bad = (name: string) => `tests/fixtures/packs/bad/${name}`;
const lvzhi = (...args: string[]) => lvzhiNpx(args);
const inProcess = (...args: string[]) => lvzhiInProcess(args);

describe('lvzhi validate (bin)', () => {
  it('accepts the built-in packs and their example records', async () => {
    const r = await lvzhi('validate', 'forms');
    expect(r.stdout + r.stderr).toMatch(/全部有效/);
    expect(r.code).toBe(0);
  });

  it('gives line and column for a JSON syntax error', async () => {
    const r = await lvzhi('validate', bad('syntax-error.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tests/fixtures/packs/bad/syntax-error.json: $: JSON 语法错误');
    expect(r.stdout).toContain('(line 5, column 3)');
  });

  it('prints the usage and exits 2 without a path', async () => {
    const r = await lvzhi('validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: lvzhi validate');
  });
});

describe('lvzhi validate (located messages)', () => {
  it('reports each missing property of an empty object', async () => {
    const r = await inProcess('validate', bad('empty-object.json'));
    expect(r.code).toBe(1);
    for (const key of ['id', 'version', 'title']) expect(r.stdout).toContain(`empty-object.json: $.${key}: 缺少必填项`);
  });

  it('names an unknown field type at its "type"', async () => {
    const r = await inProcess('validate', bad('unknown-field-type.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('$.forms[0].sections[0].fields[1].type: 未知的类型 "slider"');
    expect(r.stdout).toContain('(line 17,');
  });

  it('finds a condition that names a missing field, and suggests nothing wrong', async () => {
    const r = await inProcess('validate', bad('missing-field-condition.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('$.forms[0].sections[0].fields[1].visibleIf["=="][0].var: 表达式引用了不存在的字段 "knid"');
  });

  it('reports an unreachable workflow state at the state', async () => {
    const r = await inProcess('validate', bad('unreachable-state.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('$.workflows[0].states[2].id: 状态 "archived"（归档）从初始状态无法到达');
  });

  it('speaks English on request', async () => {
    const r = await inProcess('validate', '--lang', 'en', bad('unreachable-state.json'));
    expect(r.stdout).toContain('cannot be reached from the initial state');
  });

  it('maps issues of a pack folder to the file and line that hold them', async () => {
    const r = await inProcess('validate', 'tests/fixtures/packs/mini', 'tests/fixtures/records');
    expect(r.stdout + r.stderr).toContain('1 个定义包，1 条记录：全部有效');
    expect(r.code).toBe(0);
  });

  it('writes JSON for tools', async () => {
    const r = await inProcess('validate', '--json', bad('unknown-field-type.json'));
    const parsed = JSON.parse(r.stdout) as { ok: boolean; issues: { path: unknown[]; code: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.issues[0]).toMatchObject({ path: ['forms', 0, 'sections', 0, 'fields', 1, 'type'], code: 'unknown-type' });
  });

  it('refuses unknown commands with exit 2', async () => {
    const r = await inProcess('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
});
