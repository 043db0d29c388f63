/**
 * Conditions and computed values are JSON Logic (jsonlogic.com), evaluated by json-logic-js,
 * an interpreter: no eval, so it runs under MV3. We add a few operators offices need (sums and
 * averages of table columns, day counts) and refuse anything else, `log` included (it would
 * print personal data) and `method` (older json-logic-js versions call arbitrary methods). `checkExpression` resolves every field reference against
 * the form when a pack loads, so a typo is a located error, not a silent `null` at run time.
 */
import jsonLogic from 'json-logic-js';
import { issue, type PathSegment, type ValidationIssue } from './issues.ts';
import { todayInChina, nowInChina } from './dates.ts';

type Located = Omit<ValidationIssue, 'source'>;

const STANDARD_OPERATORS = [
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'reduce', 'filter', 'all',
  'none', 'some', 'merge', 'in', 'cat', 'substr',
] as const;

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return NaN;
}

function numbersOf(args: unknown[]): number[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return list.map(toNumber).filter((n) => Number.isFinite(n));
}

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const DAY_MS = 86_400_000;
function dayNumber(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

const CUSTOM_OPERATIONS: Record<string, (...args: unknown[]) => unknown> = {
  sum: (...args) => numbersOf(args).reduce((a, b) => a + b, 0),
  avg: (...args) => {
    const n = numbersOf(args);
    return n.length === 0 ? null : n.reduce((a, b) => a + b, 0) / n.length;
  },
  count: (list) => (Array.isArray(list) ? list.filter((v) => !isEmptyValue(v)).length : isEmptyValue(list) ? 0 : 1),
  len: (value) => (typeof value === 'string' || Array.isArray(value) ? value.length : 0),
  empty: (value) => isEmptyValue(value),
  round: (value, digits) => {
    const n = toNumber(value);
    if (!Number.isFinite(n)) return null;
    const f = 10 ** Math.max(0, Math.min(6, Math.trunc(toNumber(digits ?? 0)) || 0));
    return Math.round(n * f) / f;
  },
  days_between: (a, b) => {
    const d = dayNumber(b) - dayNumber(a);
    return Number.isFinite(d) ? d : null;
  },
};

/**
 * Every evaluation runs under a budget. json-logic-js interprets recursively through
 * `jsonLogic.apply`, so counting calls of that one function counts every step, `map`/`reduce`
 * bodies included; the sizes of the arrays and strings produced are summed as well, because a
 * `reduce` that `merge`s its accumulator copies it on every step (5 s and 1.7 GB for one rule in
 * the security review). Over budget, evaluation stops with an ExpressionError.
 */
export const EXPRESSION_BUDGET = { steps: 200_000, produced: 2_000_000, arrayLength: 50_000, stringLength: 200_000 } as const;
interface Budget { steps: number; produced: number }
let budget: Budget | undefined;

function overBudget(what: string, whatEn: string): never {
  budget = undefined;
  throw new ExpressionError(`表达式超出计算限制（${what}）`, `expression over its computing budget (${whatEn})`);
}

function charge(result: unknown): void {
  const b = budget;
  if (!b) return;
  if (Array.isArray(result)) {
    if (result.length > EXPRESSION_BUDGET.arrayLength) overBudget(`列表超过 ${EXPRESSION_BUDGET.arrayLength} 项`, `a list over ${EXPRESSION_BUDGET.arrayLength} items`);
    b.produced += result.length;
  } else if (typeof result === 'string') {
    if (result.length > EXPRESSION_BUDGET.stringLength) overBudget(`文字超过 ${EXPRESSION_BUDGET.stringLength} 字`, `a text over ${EXPRESSION_BUDGET.stringLength} characters`);
    b.produced += result.length;
  }
  if (b.produced > EXPRESSION_BUDGET.produced) overBudget('生成的数据过多', 'too much data produced');
}

let registered = false;
function registerOperations(): void {
  if (registered) return;
  const rawApply = jsonLogic.apply.bind(jsonLogic);
  jsonLogic.apply = ((logic: jsonLogic.RulesLogic, data?: unknown) => {
    const b = budget;
    if (b && ++b.steps > EXPRESSION_BUDGET.steps) overBudget(`超过 ${EXPRESSION_BUDGET.steps} 步`, `over ${EXPRESSION_BUDGET.steps} steps`);
    const result = rawApply(logic, data);
    // Reading data (`var`) produces nothing new: only what operations build is charged.
    if (!(isOperation(logic) && 'var' in logic)) charge(result);
    return result;
  }) as typeof jsonLogic.apply;
  for (const [name, fn] of Object.entries(CUSTOM_OPERATIONS)) jsonLogic.add_operation(name, fn);
  // `log` prints its argument: a condition must never put an ID number in the console.
  jsonLogic.rm_operation('log');
  registered = true;
}

export const EXPRESSION_OPERATORS: ReadonlySet<string> = new Set([...STANDARD_OPERATORS, ...Object.keys(CUSTOM_OPERATIONS)]);

/** Names every expression may read besides fields. */
export const RESERVED_VARIABLES = ['$today', '$now'] as const;

/**
 * What an expression may reference. `fields` are the form's top-level field ids; `tables`
 * maps a table field to its column ids; `row` is set inside a table column (`row.<column>`).
 */
export interface ExpressionScope {
  fields: ReadonlySet<string>;
  tables: ReadonlyMap<string, ReadonlySet<string>>;
  row?: ReadonlySet<string>;
}

/** Inside map/filter/all/some/none: the current item (`''` or a column id when we know the table). */
type ItemScope = { kind: 'item'; columns?: ReadonlySet<string> } | { kind: 'reduce'; columns?: ReadonlySet<string> };

const OPS_WITH_ITEM = new Set(['map', 'filter', 'all', 'some', 'none']);

function isOperation(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks operators and every field reference; returns located problems (never throws). */
export function checkExpression(expr: unknown, scope: ExpressionScope, path: PathSegment[]): Located[] {
  const out: Located[] = [];
  walk(expr, scope, undefined, path, out);
  return out;
}

function walk(expr: unknown, scope: ExpressionScope, item: ItemScope | undefined, path: PathSegment[], out: Located[]): void {
  if (Array.isArray(expr)) {
    expr.forEach((e, i) => walk(e, scope, item, [...path, i], out));
    return;
  }
  if (!isOperation(expr)) return;
  const keys = Object.keys(expr);
  if (keys.length !== 1) {
    out.push(issue(path, 'expression-shape', `表达式对象必须恰好有一个运算符键，实际有 ${keys.length} 个（${keys.join(', ')}）`, `an expression object must have exactly one operator key, found ${keys.length} (${keys.join(', ')})`));
    return;
  }
  const op = keys[0]!;
  const argsPath = [...path, op];
  if (!EXPRESSION_OPERATORS.has(op)) {
    out.push(issue(argsPath, 'unknown-operator', `未知或不允许的运算符 "${op}"`, `unknown or forbidden operator "${op}"`));
    return;
  }
  const raw = expr[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const argPath = (i: number) => (Array.isArray(raw) ? [...argsPath, i] : argsPath);

  if (op === 'var') {
    const name = args[0];
    if (typeof name === 'string' || typeof name === 'number') checkReference(String(name), scope, item, argPath(0), out);
    else walk(name, scope, item, argPath(0), out);
    if (args.length > 1) walk(args[1], scope, item, argPath(1), out);
    return;
  }
  if (op === 'missing' || op === 'missing_some') {
    const names = op === 'missing_some' ? args[1] : (args.length === 1 && Array.isArray(args[0]) ? args[0] : args);
    const base = op === 'missing_some' ? argPath(1) : args.length === 1 && Array.isArray(args[0]) ? argPath(0) : argsPath;
    if (Array.isArray(names)) {
      names.forEach((n, i) => {
        const p = op === 'missing' && !(args.length === 1 && Array.isArray(args[0])) ? argPath(i) : [...base, i];
        if (typeof n === 'string') checkReference(n, scope, item, p, out);
        else walk(n, scope, item, p, out);
      });
    }
    return;
  }
  if (OPS_WITH_ITEM.has(op) || op === 'reduce') {
    walk(args[0], scope, item, argPath(0), out);
    const columns = tableOf(args[0], scope);
    const inner: ItemScope = op === 'reduce' ? { kind: 'reduce', ...(columns ? { columns } : {}) } : { kind: 'item', ...(columns ? { columns } : {}) };
    if (args.length > 1) walk(args[1], scope, inner, argPath(1), out);
    for (let i = 2; i < args.length; i++) walk(args[i], scope, item, argPath(i), out);
    return;
  }
  args.forEach((a, i) => walk(a, scope, item, argPath(i), out));
}

/** When `{"var": "tableId"}` is iterated we know what its items hold. */
function tableOf(expr: unknown, scope: ExpressionScope): ReadonlySet<string> | undefined {
  if (isOperation(expr) && 'var' in expr) {
    const name = Array.isArray(expr.var) ? expr.var[0] : expr.var;
    if (typeof name === 'string') return scope.tables.get(name);
  }
  return undefined;
}

function checkReference(name: string, scope: ExpressionScope, item: ItemScope | undefined, path: PathSegment[], out: Located[]): void {
  const [head = '', second] = name.split('.');
  if (item) {
    if (item.kind === 'item') {
      if (name === '' || !item.columns) return;
      if (item.columns.has(head)) return;
    } else {
      if (head === 'accumulator') return;
      if (head === 'current') {
        if (second === undefined || !item.columns || item.columns.has(second)) return;
        out.push(issue(path, 'unknown-field', `表格中没有列 "${second}"`, `the table has no column "${second}"`));
        return;
      }
      if (!item.columns) return;
    }
  }
  if ((RESERVED_VARIABLES as readonly string[]).includes(name)) return;
  if (head === 'row' && scope.row) {
    if (second === undefined || scope.row.has(second)) return;
    out.push(issue(path, 'unknown-field', `本表格没有列 "${second}"；可用的列：${[...scope.row].join(', ')}`, `this table has no column "${second}"; columns: ${[...scope.row].join(', ')}`));
    return;
  }
  if (scope.fields.has(head)) {
    const columns = scope.tables.get(head);
    if (columns && second !== undefined) {
      const col = /^\d+$/.test(second) ? name.split('.')[2] : second;
      if (col !== undefined && !columns.has(col)) {
        out.push(issue(path, 'unknown-field', `表格 "${head}" 没有列 "${col}"`, `table "${head}" has no column "${col}"`));
      }
    }
    return;
  }
  out.push(issue(path, 'unknown-field', `表达式引用了不存在的字段 "${head}"`, `the expression names a field that does not exist: "${head}"`));
}

const safeChecked = new WeakSet<object>();

/** Visits every operation of an expression; `visit` returns what to descend into (undefined: nothing). */
function walkOperations(expr: unknown, visit: (op: string, args: unknown) => unknown): void {
  const stack: unknown[] = [expr];
  while (stack.length) {
    const e = stack.pop();
    if (Array.isArray(e)) stack.push(...e);
    else if (isOperation(e)) for (const [op, args] of Object.entries(e)) stack.push(visit(op, args));
  }
}

function assertSafe(expr: unknown): void {
  if (typeof expr !== 'object' || expr === null || safeChecked.has(expr)) return;
  walkOperations(expr, (op, args) => {
    if (!EXPRESSION_OPERATORS.has(op)) throw new ExpressionError(`unknown or forbidden operator "${op}"`);
    return args;
  });
  safeChecked.add(expr);
}

export class ExpressionError extends Error {
  constructor(message: string, readonly messageEn: string = message) { super(message); }
}

export interface EvaluateOptions {
  /** The clock (for `$today`, `$now`); defaults to the current time. */
  now?: Date;
}

/**
 * Evaluates an expression against values keyed by field id (plus `row` inside tables).
 * Throws `ExpressionError` only for an expression the validator would have refused.
 */
export function evaluate(expr: unknown, data: Record<string, unknown>, options: EvaluateOptions = {}): unknown {
  registerOperations();
  assertSafe(expr);
  const now = options.now ?? new Date();
  const outer = budget;
  budget = { steps: 0, produced: 0 };
  try {
    return jsonLogic.apply(expr as jsonLogic.RulesLogic, { ...data, $today: todayInChina(now), $now: nowInChina(now) });
  } catch (e) {
    // An operation that breaks on its operands (json-logic's `*` of nothing, a non-array to
    // `reduce`, …) is the pack's fault, not a crash: callers get the one error they handle.
    if (e instanceof ExpressionError) throw e;
    const why = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
    throw new ExpressionError(`表达式无法计算：${why}`, `the expression cannot be evaluated: ${why}`);
  } finally {
    budget = outer;
  }
}

/** JSON Logic truthiness (empty arrays are false), as conditions use it. */
export function isTruthy(value: unknown): boolean {
  registerOperations();
  return jsonLogic.truthy(value);
}

/** Every `var` name an expression reads (for dependency tracking). */
export function referencedNames(expr: unknown): string[] {
  const names = new Set<string>();
  walkOperations(expr, (op, args) => {
    if (op !== 'var') return args;
    const name = Array.isArray(args) ? args[0] : args;
    if (typeof name !== 'string') return name;
    names.add(name.split('.')[0]!);
    return undefined;
  });
  return [...names];
}
