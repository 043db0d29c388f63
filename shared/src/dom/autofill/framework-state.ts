/**
 * The framework's own copy of a radio group's choice, reached through the expando properties
 * the framework puts on the DOM (Vue 3: `_value` and the app's vnode tree; React: the fiber on
 * `__reactFiber$…`). A click can choose a radio but never un-choose one, so undo of a radio
 * group that had nothing chosen needs this. Expandos are visible only from the page's own
 * JavaScript world: this module must run there (the standalone bundle does; the extension runs
 * it from a small MAIN-world script, see extension/src/inpage/main-world.ts).
 *
 * Nothing here knows one page: only the general shapes of Vue 3's v-model on a radio and of a
 * React radio group's context ({ value, onChange }) or props.
 */

/** The model value as a framework holds it; only plain primitives are carried. */
export type ModelValue = string | number | boolean | null | undefined;
export interface ModelRead { framework: 'vue' | 'react'; value: ModelValue }

const isPrimitive = (v: unknown): v is ModelValue => v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
type Anyish = Record<string, unknown> & { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function expando(el: Element, prefix: string): Anyish | undefined {
  for (const k of Object.keys(el)) if (k.startsWith(prefix)) return (el as unknown as Anyish)[k] as Anyish;
  return undefined;
}

// ---------------------------------------------------------------- Vue 3

/** The v-model binding value of `input`, found by walking the vnode tree from its mount container. */
function vueModel(input: HTMLInputElement): { found: boolean; value?: unknown } {
  if (!('_value' in input)) return { found: false };
  // render() keeps the root vnode on its container as `_vnode` (production builds included)
  let root: Anyish | undefined;
  for (let n: Element | null = input.parentElement; n && !root; n = n.parentElement) root = (n as unknown as Anyish)._vnode as Anyish | undefined;
  if (!root) return { found: true }; // a Vue input whose model cannot be read
  const seen = new Set<unknown>();
  let budget = 50_000;
  const visit = (vnode: Anyish | null | undefined): Anyish | undefined => {
    if (!vnode || typeof vnode !== 'object' || seen.has(vnode) || --budget < 0) return undefined;
    seen.add(vnode);
    if (vnode.el === input && Array.isArray(vnode.dirs) && vnode.dirs.length) return vnode;
    if (vnode.component) { const r = visit(vnode.component.subTree); if (r) return r; }
    if (vnode.suspense) { const r = visit(vnode.suspense.activeBranch); if (r) return r; }
    if (Array.isArray(vnode.children)) for (const c of vnode.children) { const r = visit(c as Anyish); if (r) return r; }
    return undefined;
  };
  const hit = visit(root);
  if (!hit) return { found: true };
  return { found: true, value: (hit.dirs as Anyish[])[0]!.value };
}

/** vModelRadio assigns `el._value` to the model on `change`: lend the input the old value for one change event. */
function vueRestore(input: HTMLInputElement, value: ModelValue): void {
  const own = (input as unknown as Anyish)._value;
  (input as unknown as Anyish)._value = value;
  try {
    input.dispatchEvent(new (input.ownerDocument.defaultView as Window & typeof globalThis).Event('change', { bubbles: true }));
  } finally {
    (input as unknown as Anyish)._value = own;
  }
}

// ---------------------------------------------------------------- React

/** The radio group's `{ value, onChange }`: the value of the nearest context provider above the input that has that shape. */
function reactGroup(input: HTMLInputElement): { value: unknown; onChange: (e: unknown) => void } | undefined {
  let fiber = expando(input, '__reactFiber$') ?? expando(input, '__reactInternalInstance$');
  if (!fiber) return undefined;
  for (let depth = 0; fiber && depth < 40; depth++, fiber = fiber.return as Anyish | undefined) {
    const p = fiber.memoizedProps as Anyish | null | undefined;
    if (!p || typeof p !== 'object') continue;
    const ctx = p.value as Anyish | undefined;
    // <GroupContext.Provider value={{ value, onChange, … }}>
    if (fiber.type && typeof fiber.type === 'object' && ctx && typeof ctx === 'object' && typeof ctx.onChange === 'function' && 'value' in ctx && isPrimitive(ctx.value)) {
      return { value: ctx.value, onChange: ctx.onChange as (e: unknown) => void };
    }
    if (fiber.stateNode && (fiber.stateNode as Element).tagName === 'FORM') break;
  }
  return undefined;
}

function reactRestore(input: HTMLInputElement, g: { onChange: (e: unknown) => void }, value: ModelValue): void {
  const target = { value, checked: true, type: 'radio', name: input.name };
  g.onChange({ target, currentTarget: target, type: 'change', nativeEvent: undefined, stopPropagation() {}, preventDefault() {}, persist() {}, isDefaultPrevented: () => false, isPropagationStopped: () => false });
}

// ---------------------------------------------------------------- the two operations

/** The framework's model value for the radio group `group`, or undefined when no framework is found. */
export function readRadioModel(group: HTMLInputElement[]): ModelRead | undefined {
  const first = group[0];
  if (!first) return undefined;
  const r = reactGroup(first);
  if (r && isPrimitive(r.value)) return { framework: 'react', value: r.value };
  const v = vueModel(first);
  // a model that cannot be read (no vnode tree found) is taken as '' (how Vue forms start a choice)
  if (v.found) return { framework: 'vue', value: 'value' in v && isPrimitive(v.value) ? v.value : '' };
  return undefined;
}

/** Puts the framework's model of the radio group back to `prior` (read before the fill); true when a framework took it. */
export function restoreRadioModel(group: HTMLInputElement[], prior: ModelRead): boolean {
  if (!isPrimitive(prior.value)) return false;
  const input = group.find((i) => i.checked) ?? group[0];
  if (!input) return false;
  if (prior.framework === 'react') {
    const g = reactGroup(input);
    if (!g) return false;
    reactRestore(input, g, prior.value);
    return true;
  }
  if (!('_value' in input)) return false;
  vueRestore(input, prior.value);
  return true;
}

// ---------------------------------------------------------------- a widget's component and model

/**
 * The props of the framework component that renders widget root `el`: Vue 3 (the instance on
 * `__vueParentComponent`, its own or its parent's when the root belongs to an inner one), Vue 2
 * (`__vue__`) or React (the nearest composite fiber above the element that has `value` or
 * `onChange`). Undefined when no framework is reachable (a plain page, or the extension's
 * isolated world, where expandos are not visible).
 */
export interface WidgetComponent {
  framework: 'vue' | 'vue2' | 'react' | 'devextreme';
  props: Record<string, unknown>;
  /** Vue 2: the props the page binds (v-model, :value, a form's v-decorator); the others hold their defaults, not the widget's state. */
  bound?: readonly string[];
}

const MODEL_PROPS = ['modelValue', 'value', 'formattedValue', 'checked', 'selectedKeys'];

/**
 * Vue 3 production builds put no expando on elements except the mount container's `_vnode`:
 * walk that tree for the component vnodes whose root element is `el`, and take the outermost
 * one that has one of the `want` props (a form generator's wrapper holds the form's own model).
 */
function vueComponentOf(el: Element, want: readonly string[]): Record<string, unknown> | undefined {
  const dev = (el as unknown as Anyish).__vueParentComponent as Anyish | undefined;
  if (dev?.props && dev.subTree?.el === el && want.some((k) => k in dev.props)) return dev.props as Record<string, unknown>;
  let root: Anyish | undefined;
  for (let n: Element | null = el; n && !root; n = n.parentElement) root = (n as unknown as Anyish)._vnode as Anyish | undefined;
  // a component teleported out of its app (a dialog appended to body, as RuoYi's and most admin
  // dialogs are) has no app root among its ancestors: walk the apps' trees (Vue 3 marks each
  // mount point with data-v-app), whose Teleport vnodes hold it
  const roots = root ? [root] : Array.from(el.ownerDocument.querySelectorAll('[data-v-app]')).slice(0, 8).map((n) => (n as unknown as Anyish)._vnode as Anyish | undefined).filter((v): v is Anyish => !!v);
  if (!roots.length) return undefined;
  const prune = !!root;
  const seen = new Set<unknown>();
  let budget = 50_000;
  const visit = (vnode: Anyish | null | undefined): Record<string, unknown> | undefined => {
    if (!vnode || typeof vnode !== 'object' || seen.has(vnode) || --budget < 0) return undefined;
    seen.add(vnode);
    const c = vnode.component as Anyish | undefined;
    if (c) {
      if (vnode.el === el && c.props && want.some((k) => k in c.props)) return c.props as Record<string, unknown>;
      // only descend into components whose DOM can hold el (teleported content is not in its
      // component's DOM: without an app root around el, every branch is walked, within the budget)
      const sub = c.subTree as Anyish | undefined;
      const subEl = sub?.el as Node | undefined;
      if (prune && subEl && subEl.nodeType === 1 && !(subEl as Element).contains(el)) return undefined;
      return visit(sub);
    }
    if (vnode.suspense) return visit(vnode.suspense.activeBranch);
    const own = vnode.el as Node | undefined;
    if (prune && own && own.nodeType === 1 && !(own as Element).contains(el)) return undefined;
    if (Array.isArray(vnode.children)) for (const ch of vnode.children) { const r = visit(ch as Anyish); if (r) return r; }
    return undefined;
  };
  for (const r of roots) { const hit = visit(r); if (hit) return hit; }
  return undefined;
}

/**
 * React keeps two fibers per component (current and work-in-progress) and the DOM's expando
 * points at the one from the element's first render, which after an update may be the stale
 * one: props read there lag one render behind (a switch just turned on still reads off). The
 * host fiber is current when its props are the element's `__reactProps$` (React updates those on
 * every commit); each parent is the one of the pair whose child list holds the current child.
 */
function currentHostFiber(el: Element): Anyish | undefined {
  const f = expando(el, '__reactFiber$') ?? expando(el, '__reactInternalInstance$');
  const props = expando(el, '__reactProps$');
  const alt = f?.alternate as Anyish | undefined;
  return f && alt && props && f.memoizedProps !== props && alt.memoizedProps === props ? alt : f;
}
function currentParent(fiber: Anyish): Anyish | undefined {
  const p = fiber.return as Anyish | undefined;
  if (!p) return undefined;
  const holds = (x: Anyish | undefined) => { for (let c = x?.child as Anyish | undefined, n = 0; c && n < 500; c = c.sibling as Anyish | undefined, n++) if (c === fiber) return true; return false; };
  const alt = p.alternate as Anyish | undefined;
  return !holds(p) && alt && holds(alt) ? alt : p;
}

/** The props of the nearest React component above `el` that has one of `want` (current render). */
export function reactPropsOf(el: Element, want: readonly string[], depth = 12): Record<string, unknown> | undefined {
  let fiber = currentHostFiber(el);
  for (let d = 0; fiber && d < depth; d++, fiber = currentParent(fiber)) {
    const p = fiber.memoizedProps as Record<string, unknown> | null | undefined;
    if (typeof fiber.type === 'function' || (fiber.type && typeof fiber.type === 'object')) {
      if (p && typeof p === 'object' && want.some((k) => k in p)) return p;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- DevExtreme

/**
 * DevExtreme's widgets (jQuery or not) keep their state in a component instance the root element
 * carries: its options (`value`, `type`, `displayFormat`…) are what the widget holds, whatever its
 * input shows. Reached through the library's own registry, `DevExpress.ui.dxXxx.getInstance(el)`,
 * or jQuery's data when the page bundles DevExtreme without the global; the root's class names the
 * widget (a tag box also carries dx-selectbox and dx-textbox: the most specific class first).
 */
const DX_WIDGETS: readonly (readonly [string, string])[] = [
  ['dx-tagbox', 'dxTagBox'], ['dx-lookup', 'dxLookup'], ['dx-autocomplete', 'dxAutocomplete'], ['dx-dropdownbox', 'dxDropDownBox'],
  ['dx-selectbox', 'dxSelectBox'], ['dx-datebox', 'dxDateBox'], ['dx-colorbox', 'dxColorBox'], ['dx-numberbox', 'dxNumberBox'],
  ['dx-textarea', 'dxTextArea'], ['dx-textbox', 'dxTextBox'], ['dx-radiogroup', 'dxRadioGroup'], ['dx-checkbox', 'dxCheckBox'],
  ['dx-switch', 'dxSwitch'], ['dx-slider', 'dxSlider'], ['dx-htmleditor', 'dxHtmlEditor'],
];

export interface DevExtremeWidget { name: string; option(): Record<string, unknown> }

export function devExtremeOf(el: Element): DevExtremeWidget | undefined {
  if (!el.classList?.contains('dx-widget')) return undefined;
  const w = el.ownerDocument?.defaultView as unknown as Anyish | null;
  if (!w) return undefined;
  const ui = (w.DevExpress as Anyish | undefined)?.ui as Anyish | undefined;
  const jq = (w.jQuery ?? w.$) as Anyish | undefined;
  for (const [cls, name] of DX_WIDGETS) {
    if (!el.classList.contains(cls)) continue;
    try {
      const inst = (ui?.[name]?.getInstance?.(el) ?? (typeof jq?.data === 'function' ? jq.data(el, name) : undefined)) as Anyish | undefined;
      if (inst && typeof inst.option === 'function') return { name, option: () => inst.option() as Record<string, unknown> };
    } catch { /* a widget being disposed */ }
  }
  return undefined;
}

/**
 * Vue 2 puts `__vue__` on a root element for the instance that rendered it last, and nested
 * components share their root element (Ant Design Vue 1's a-select → Select → SelectTrigger →
 * Trigger, a-date-picker → LocaleReceiver → its inner picker): the expando may name any of them
 * (the outermost at first, an inner one after it re-rendered alone). The one holding the page's model is the outermost
 * whose root is `el` and that declares one of the `want` props (a wrapper such as JeecgBoot's
 * j-dict-select-tag holds the form's own value, as v-decorator binds the outer a-select's).
 */
const VUE2_SHARED_ROOT_DEPTH = 12;
function vue2ComponentOf(el: Element, first: Anyish, want: readonly string[]): Anyish {
  // down to the innermost instance rendering `el` (the expando may name the outermost), then up
  let inner = first;
  for (let d = 0; d < VUE2_SHARED_ROOT_DEPTH; d++) {
    const child = ((inner.$children ?? []) as Anyish[]).find((c) => c.$el === el);
    if (!child) break;
    inner = child;
  }
  let best: Anyish | undefined;
  for (let vm: Anyish | undefined = inner, d = 0; vm && vm.$el === el && d < 2 * VUE2_SHARED_ROOT_DEPTH; vm = vm.$parent as Anyish | undefined, d++) {
    const declared = (vm.$props ?? {}) as Record<string, unknown>;
    if (want.some((k) => k in declared)) best = vm;
  }
  return best ?? first;
}

/**
 * The props of the widget component around `el` that has one of `want`: read here when the
 * engine runs in the page's world, through the bridge when it runs in the extension's isolated
 * world (props cross as plain JSON there: functions and class instances are dropped).
 */
export function componentOf(el: Element, want: readonly string[] = MODEL_PROPS): WidgetComponent | undefined {
  try { return world.componentOf ? bridgedComponentOf(world.componentOf, el, want) : componentHere(el, want); } catch { return undefined; }
}

/**
 * Props read through the bridge while a scan runs, by element and wanted keys. Each read through
 * the bridge is a synchronous event round trip and a JSON copy of the props, and a scan asks the
 * same picker more than once (detect, kind, format); a scan is synchronous and writes nothing, so
 * inside one the page cannot change them. Kept only while a hold is open (scanPage takes one),
 * dropped when the last hold closes and by every write (`forgetPropsReads`): outside a scan each
 * read crosses. Read here (componentHere, the page's own world) nothing is kept: nothing to save.
 */
let propsReads: WeakMap<Element, Map<string, WidgetComponent | undefined>> | undefined;
let propsHolds = 0;

/** Keeps bridged props reads until the returned release (a scan: starts afresh each time). */
export function holdPropsReads(): () => void {
  propsHolds++;
  propsReads = new WeakMap();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--propsHolds === 0) propsReads = undefined;
  };
}

/** Drops the props read so far: the page may have changed them (a write, an apply step). */
export function forgetPropsReads(): void {
  if (propsReads) propsReads = new WeakMap();
}

function bridgedComponentOf(read: NonNullable<PageWorld['componentOf']>, el: Element, want: readonly string[]): WidgetComponent | undefined {
  const cache = propsReads;
  if (!cache) return read(el, want);
  const key = want.join('\n');
  let byWant = cache.get(el);
  if (byWant?.has(key)) return byWant.get(key);
  const c = read(el, want);
  // (a read that threw is not kept: componentOf answers undefined and the next read tries again)
  if (!byWant) { byWant = new Map(); cache.set(el, byWant); }
  byWant.set(key, c);
  return c;
}

function componentHere(el: Element, want: readonly string[] = MODEL_PROPS): WidgetComponent | undefined {
  const any = el as unknown as Anyish;
  // a DevExtreme widget holds its own state, also inside a Vue or React app (devextreme-vue, devextreme-react)
  const dx = devExtremeOf(el);
  if (dx) return { framework: 'devextreme', props: dx.option() };
  const v2 = any.__vue__ as Anyish | undefined;
  if (v2 && typeof v2 === 'object') {
    const vm = vue2ComponentOf(el, v2, want);
    const given = (vm.$options?.propsData ?? {}) as Record<string, unknown>;
    const props = { ...given, ...(vm.$props ?? {}) } as Record<string, unknown>;
    return { framework: 'vue2', props, bound: Object.keys(given) };
  }
  const v3 = vueComponentOf(el, want);
  if (v3) return { framework: 'vue', props: v3 };
  const r = reactPropsOf(el, want);
  return r ? { framework: 'react', props: r } : undefined;
}

/** A model value as plain JSON: primitives, arrays of them, dates (dayjs, moment, Date) as ISO text. */
export type PlainModel = string | number | boolean | null | PlainModel[];
export function plainModel(v: unknown, depth = 0): PlainModel | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (depth > 3 || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) { const out = v.slice(0, 200).map((x) => plainModel(x, depth + 1)); return out.some((x) => x === undefined) ? undefined : out as PlainModel[]; }
  const o = v as Anyish;
  if (o instanceof Date || typeof o.toDate === 'function') {
    const d: Date = o instanceof Date ? o : o.toDate();
    if (Number.isNaN(d.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }
  // an option object (labelInValue) carries its value
  if ('value' in o) return plainModel(o.value, depth + 1);
  return undefined;
}

/** The widget's model value (what v-model / value holds) or undefined when it cannot be read. */
export function readWidgetModel(el: Element): PlainModel | undefined {
  const c = componentHere(el);
  if (!c) return undefined;
  const p = c.props;
  // v-model binds modelValue, v-model:value binds value: take the one the page bound
  // (Naive's date picker may bind formattedValue instead)
  const keys = ['modelValue', 'value', 'formattedValue', 'checked'] as const;
  // (a Vue 2 prop the page does not bind holds its default: such a widget keeps its value in its own state)
  const has = (k: string) => k in p && (!c.bound || c.bound.includes(k));
  const key = keys.find((k) => has(k) && p[k] !== undefined && p[k] !== null) ?? keys.find(has);
  if (!key) return undefined;
  return plainModel(p[key]);
}

// ---------------------------------------------------------------- a grid's own row data

/**
 * What an editable grid's own state says about one body cell: the value its row object holds for
 * the cell's column (plain), the column's field, whether the column has an editor (undefined when
 * the library does not say) and how the grid opens editors ('click', 'dblclick', 'manual').
 */
export interface GridCellRead {
  value: PlainModel | undefined;
  field?: string;
  editable?: boolean;
  trigger?: string;
  /** The text the grid shows for `value` when it is a code (a lookup column's display text for an id). */
  text?: string;
}

function pathValue(row: Anyish, field: unknown): unknown {
  if (Array.isArray(field)) return field.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Anyish)[String(k)] : undefined), row);
  if (typeof field !== 'string' || !field) return undefined;
  if (field in row) return row[field];
  return field.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Anyish)[k] : undefined), row);
}

/**
 * The Vue 3 component instances whose rendered DOM holds `el`, innermost first: the app's vnode
 * tree walked from its mount container (production builds put no instance on elements), only
 * down the branches whose element holds `el`. Bounded.
 */
function vueAncestors(el: Element): Anyish[] {
  const dev = (el as unknown as Anyish).__vueParentComponent as Anyish | undefined;
  if (dev) { const out: Anyish[] = []; for (let c: Anyish | undefined = dev; c && out.length < 60; c = c.parent as Anyish | undefined) out.push(c); return out; }
  let root: Anyish | undefined;
  for (let n: Element | null = el; n && !root; n = n.parentElement) root = (n as unknown as Anyish)._vnode as Anyish | undefined;
  if (!root) return [];
  const path: Anyish[] = [];
  let budget = 50_000;
  const holds = (n: unknown) => !!n && (n as Node).nodeType === 1 && (n as Element).contains(el);
  const visit = (vnode: Anyish | null | undefined): boolean => {
    if (!vnode || typeof vnode !== 'object' || --budget < 0) return false;
    const c = vnode.component as Anyish | undefined;
    if (c) {
      const subEl = (c.subTree as Anyish | undefined)?.el as Node | undefined;
      if (subEl && subEl.nodeType === 1 && !holds(subEl)) return false;
      path.push(c);
      if (visit(c.subTree as Anyish)) return true;
      path.pop();
      return false;
    }
    if (vnode.suspense) return visit(vnode.suspense.activeBranch as Anyish);
    if (vnode.el === el) return true;
    const own = vnode.el as Node | undefined;
    if (own && own.nodeType === 1 && !holds(own)) return false;
    if (Array.isArray(vnode.children)) for (const ch of vnode.children) if (visit(ch as Anyish)) return true;
    return false;
  };
  visit(root);
  return path.reverse();
}

/** vxe-table 4: the table provides `$xeTable` to every component inside it; rows and columns are found by the ids on the DOM (rowid, colid). */
function vxeCell(cell: Element): GridCellRead | undefined {
  const t = vueAncestors(cell).map((c) => c.provides?.$xeTable as Anyish | undefined).find((x) => !!x);
  if (!t || typeof t.getRowById !== 'function' || typeof t.getColumnById !== 'function') return undefined;
  const rowid = cell.closest('tr')?.getAttribute('rowid');
  const colid = cell.getAttribute('colid');
  if (!rowid || !colid) return undefined;
  const row = t.getRowById(rowid) as Anyish | null;
  const col = t.getColumnById(colid) as Anyish | null;
  if (!row || !col) return undefined;
  const ec = (t.props as Anyish | undefined)?.editConfig as Anyish | undefined;
  const on = !!ec && ec.enabled !== false;
  const out: GridCellRead = { value: col.field ? plainModel(pathValue(row, col.field)) : undefined, editable: on && !!(col.editRender || col.slots?.edit) };
  if (col.field) out.field = String(col.field);
  if (on) out.trigger = typeof ec.trigger === 'string' ? ec.trigger : 'click';
  return out;
}

/**
 * OpenTiny's TinyGrid (a vxe-table 2 fork, Vue 3 or 2): its table provides `$table` to every
 * component inside it, and finds a row and a column by the ids on the DOM (`getRowNode(tr)`,
 * `getColumnNode(td)`, data-rowid / data-colid). A column takes an editor when it has `editor`.
 */
function tinyGridCell(cell: Element): GridCellRead | undefined {
  const t = vueAncestors(cell).map((c) => (c.provides?.$table ?? c.proxy?.$table) as Anyish | undefined).find((x) => !!x && typeof x.getRowNode === 'function' && typeof x.getColumnNode === 'function');
  const tr = cell.closest('tr');
  if (!t || !tr) return undefined;
  const row = (t.getRowNode(tr) as Anyish | null)?.item as Anyish | undefined;
  const col = (t.getColumnNode(cell) as Anyish | null)?.item as Anyish | undefined;
  if (!row || !col) return undefined;
  const field = col.property ?? col.field;
  const ec = t.editConfig as Anyish | undefined;
  const on = !!ec && ec.enabled !== false;
  const out: GridCellRead = { value: field ? plainModel(pathValue(row, field)) : undefined, editable: on && !!col.editor };
  if (field) out.field = String(field);
  if (on) out.trigger = typeof ec.trigger === 'string' ? ec.trigger : 'click';
  return out;
}

/** Element Plus el-table: the body's store holds the rows and the columns (a cell's class names its column id). */
function elementCell(cell: Element): GridCellRead | undefined {
  const inst = vueAncestors(cell).find((c) => c.props?.store?.states);
  const states = inst?.props?.store?.states as Anyish | undefined;
  const data = states?.data?.value as Anyish[] | undefined;
  const cols = states?.columns?.value as Anyish[] | undefined;
  if (!Array.isArray(data) || !Array.isArray(cols)) return undefined;
  const col = cols.find((c) => typeof c.id === 'string' && cell.classList.contains(c.id));
  const tr = cell.closest('tr');
  const body = tr?.parentElement;
  if (!col || !tr || !body) return undefined;
  const index = Array.from(body.children).filter((r) => r.classList.contains('el-table__row')).indexOf(tr);
  const row = data[index];
  if (!row || !col.property) return undefined;
  return { value: plainModel(pathValue(row, col.property)), field: String(col.property) };
}

/** React tables (rc-table: Ant Design, and pages' own cell components): the cell component's `record` and `dataIndex`. */
function reactCell(cell: Element): GridCellRead | undefined {
  let fiber = currentHostFiber(cell);
  for (let d = 0; fiber && d < 8; d++, fiber = currentParent(fiber)) {
    const p = fiber.memoizedProps as Anyish | null | undefined;
    if (p && typeof p === 'object' && p.record && typeof p.record === 'object' && p.dataIndex !== undefined && p.dataIndex !== null) {
      const field = Array.isArray(p.dataIndex) ? p.dataIndex.join('.') : String(p.dataIndex);
      return { value: plainModel(pathValue(p.record as Anyish, p.dataIndex)), field };
    }
  }
  return undefined;
}

/** The grid's own record of a body cell (vxe-table, Element Plus, React tables), or undefined when no known grid state is reachable. */
/**
 * DevExtreme's dxDataGrid (and dxTreeList): the instance on the widget root around `.dx-datagrid`
 * holds the rows, edits not yet saved included (`cellValue(rowIndex, dataField)`); the row's index
 * is its place among the data rows the rows view draws (its filler row and virtual rows aside),
 * the column's the cell's among the visible columns. A lookup column holds an id and shows its
 * name (`lookup.calculateCellValue`). Editing in cell or batch mode opens a cell on its
 * startEditAction (click, or dblClick); in row, form or popup mode only the row's edit button does.
 */
function devExtremeCell(cell: Element): GridCellRead | undefined {
  const box = cell.closest('.dx-datagrid, .dx-treelist');
  const root = box?.parentElement;
  const tr = cell.closest('tr');
  if (!box || !root || !tr || !cell.closest('.dx-datagrid-rowsview, .dx-treelist-rowsview')) return undefined;
  const w = cell.ownerDocument?.defaultView as unknown as Anyish | null;
  const name = box.classList.contains('dx-treelist') ? 'dxTreeList' : 'dxDataGrid';
  const jq = (w?.jQuery ?? w?.$) as Anyish | undefined;
  const inst = ((w?.DevExpress as Anyish | undefined)?.ui?.[name]?.getInstance?.(root) ?? (typeof jq?.data === 'function' ? jq.data(root, name) : undefined)) as Anyish | undefined;
  if (!inst || typeof inst.getVisibleColumns !== 'function' || typeof inst.cellValue !== 'function') return undefined;
  const rows = Array.from(tr.parentElement?.children ?? []).filter((r) => r.matches('tr.dx-row') && !r.matches('.dx-freespace-row, .dx-virtual-row'));
  const rowIndex = rows.indexOf(tr);
  const col = (inst.getVisibleColumns() as Anyish[])[(cell as HTMLTableCellElement).cellIndex];
  if (rowIndex < 0 || !col) return undefined;
  const editing = (inst.option('editing') ?? {}) as Anyish;
  const inserted = tr.classList.contains('dx-row-inserted');
  const field = typeof col.dataField === 'string' && col.dataField ? col.dataField : undefined;
  const on = !!field && !col.type && col.allowEditing !== false && !!(inserted ? editing.allowAdding || editing.allowUpdating : editing.allowUpdating);
  const raw = field ? inst.cellValue(rowIndex, field) : undefined;
  const out: GridCellRead = { value: field ? plainModel(raw ?? null) : undefined, editable: on };
  if (field) out.field = field;
  const mode = typeof editing.mode === 'string' ? editing.mode : 'row';
  out.trigger = mode === 'cell' || mode === 'batch' ? (editing.startEditAction === 'dblClick' ? 'dblclick' : 'click') : 'manual';
  if (raw !== null && raw !== undefined && typeof col.lookup?.calculateCellValue === 'function') {
    const shown = col.lookup.calculateCellValue(raw);
    if (shown !== null && shown !== undefined) out.text = String(shown);
  }
  return out;
}

export function readGridCell(cell: Element): GridCellRead | undefined {
  try {
    if (cell.closest('.dx-datagrid, .dx-treelist')) return devExtremeCell(cell);
    if (cell.closest('.vxe-table')) return vxeCell(cell);
    if (cell.closest('.tiny-grid')) return tinyGridCell(cell);
    if (cell.closest('.el-table')) return elementCell(cell);
    return reactCell(cell);
  } catch { return undefined; }
}

// ---------------------------------------------------------------- where it runs

/** How the engine reaches the page world: directly (default, the engine runs there) or through a bridge. */
export interface PageWorld {
  readRadioModel(group: HTMLInputElement[]): ModelRead | undefined;
  restoreRadioModel(group: HTMLInputElement[], prior: ModelRead): boolean;
  /** The widget's framework model (undefined when unreachable): honest read-back after a write. */
  readModel?(el: Element): PlainModel | undefined;
  /** An editable grid's row data for one body cell (undefined when unreachable): read-back of a cell edited in place. */
  readGridCell?(cell: Element): GridCellRead | undefined;
  /** The names of the jQuery plugins that keep an instance on the element (jQuery.data keys); undefined without jQuery. */
  jqueryPlugins?(el: Element): string[] | undefined;
  /** The options of the jQuery plugin instance the element keeps under data key `key`, as plain JSON; undefined without it. */
  jqueryOptions?(el: Element, key: string): Record<string, unknown> | undefined;
  /** The widget component's props (format, type, showTime, dataSource…), when not read here. */
  componentOf?(el: Element, want: readonly string[]): WidgetComponent | undefined;
  /** Turns the open jQuery WeUI calendar of `el` to a month (0-11) in one slide; false when it has none or refuses. */
  turnCalendar?(el: Element, year: number, month: number): boolean;
}

/**
 * What jQuery plugins keep on an element: the keys of its jQuery.data (a plugin stores its
 * instance there — jQuery WeUI's picker / weui-select / calendar, daterangepicker, chosen…).
 * Invisible from an isolated world, like expandos. Bounded: 20 keys of at most 40 characters.
 */
export function jqueryPluginsOf(el: Element): string[] | undefined {
  const W = el.ownerDocument?.defaultView as unknown as Anyish | null;
  const $ = (W?.jQuery ?? undefined) as Anyish | undefined;
  if (!$ || typeof $.hasData !== 'function' || typeof $.data !== 'function') return undefined;
  try {
    // (hasData first: jQuery.data creates an empty store on an element that has none)
    if (!($.hasData as (e: Element) => boolean)(el)) return [];
    const d = ($.data as (e: Element) => unknown)(el);
    return d && typeof d === 'object' ? Object.keys(d).filter((k) => k.length <= 40).slice(0, 20) : [];
  } catch { return undefined; }
}

/** A jQuery data key as jqueryPluginsOf lists them (picker, weuiSelect, calendar…): what the bridge accepts. */
const JQ_KEY = /^[A-Za-z][\w-]{0,39}$/;

/** A moment (daterangepicker's dates) as `YYYY-MM-DD HH:mm:ss` by its own format; null for none or an invalid one. */
function momentText(m: unknown): string | null {
  const o = m as Anyish | null | undefined;
  if (!o || typeof o !== 'object' || typeof o.format !== 'function' || typeof o.isValid !== 'function' || !o.isValid()) return null;
  const t = o.format('YYYY-MM-DD HH:mm:ss') as unknown;
  return typeof t === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t) ? t : null;
}

/**
 * daterangepicker (Dan Grossman, 3.x) keeps no options object: its settings and its state are
 * the instance's own fields (moments for startDate, endDate, minDate, maxDate; `locale`;
 * `singleDatePicker`, `timePicker`…), beside a jQuery container and callbacks. What an adapter
 * needs of them, as a fixed set of plain values: the dates written by the instance's own moment,
 * the locale's texts bounded, and which `.daterangepicker` of the document is its calendar.
 * Read only; undefined for anything else kept under that key.
 */
function daterangepickerState(el: Element, inst: Anyish): Record<string, unknown> | undefined {
  const loc = inst.locale as Anyish | undefined;
  if (!momentText(inst.startDate) || !loc || typeof loc !== 'object' || !inst.container) return undefined;
  const text = (v: unknown, max = 100) => (typeof v === 'string' ? v.slice(0, max) : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : null);
  const box = (inst.container as Anyish)[0] as unknown;
  const all = el.ownerDocument.getElementsByClassName('daterangepicker');
  return {
    singleDatePicker: inst.singleDatePicker === true, timePicker: inst.timePicker === true, timePicker24Hour: inst.timePicker24Hour === true,
    timePickerSeconds: inst.timePickerSeconds === true, timePickerIncrement: num(inst.timePickerIncrement), autoApply: inst.autoApply === true,
    autoUpdateInput: inst.autoUpdateInput !== false, showDropdowns: inst.showDropdowns === true, linkedCalendars: inst.linkedCalendars !== false,
    minYear: num(inst.minYear), maxYear: num(inst.maxYear), isShowing: inst.isShowing === true, maxSpan: !!inst.maxSpan,
    startDate: momentText(inst.startDate), endDate: momentText(inst.endDate), minDate: momentText(inst.minDate), maxDate: momentText(inst.maxDate),
    locale: {
      format: text(loc.format), separator: text(loc.separator), applyLabel: text(loc.applyLabel), cancelLabel: text(loc.cancelLabel), customRangeLabel: text(loc.customRangeLabel),
      monthNames: Array.isArray(loc.monthNames) ? (loc.monthNames as unknown[]).slice(0, 12).map((m) => text(m, 40) ?? '') : [],
    },
    // (the container is the instance's own element: found among the document's by its place)
    container: box ? Array.prototype.indexOf.call(all, box) : -1,
  };
}

/**
 * The options a jQuery plugin instance was made with (jQuery WeUI's picker keeps them as `params`,
 * its select as `config`; others as `options`; daterangepicker its own fields, see
 * daterangepickerState), as plain JSON (plainProps: functions and nodes dropped, bounded): the
 * items a select offers, a picker's columns, a calendar's minDate. Read only; undefined without
 * jQuery or such an instance.
 */
export function jqueryOptionsOf(el: Element, key: string): Record<string, unknown> | undefined {
  if (!JQ_KEY.test(key)) return undefined;
  const W = el.ownerDocument?.defaultView as unknown as Anyish | null;
  const $ = (W?.jQuery ?? undefined) as Anyish | undefined;
  if (!$ || typeof $.hasData !== 'function' || typeof $.data !== 'function') return undefined;
  try {
    if (!($.hasData as (e: Element) => boolean)(el)) return undefined;
    const inst = ($.data as (e: Element, k: string) => unknown)(el, key) as Anyish | null | undefined;
    const own = inst && typeof inst === 'object' ? (inst.params ?? inst.config ?? inst.options) as unknown : undefined;
    const opts = own ?? (key === 'daterangepicker' && inst && typeof inst === 'object' ? daterangepickerState(el, inst) : undefined);
    const plain = opts && typeof opts === 'object' ? plainProps(opts) : undefined;
    return plain && typeof plain === 'object' && !Array.isArray(plain) ? plain as Record<string, unknown> : undefined;
  } catch { return undefined; }
}

const validMonth = (year: unknown, month: unknown): boolean => Number.isInteger(year) && Number.isInteger(month) && (year as number) >= 1000 && (year as number) <= 9999 && (month as number) >= 0 && (month as number) <= 11;

/**
 * Turns an open jQuery WeUI (Framework7) calendar straight to a month with its own setYearMonth,
 * which slides once: its arrows slide ~0.3 s a tap, and a date 18 months away took seven taps.
 * The day is then tapped as a person does. The calendar refuses (false) a month past its
 * minDate / maxDate. Nothing else is reachable: the instance under the `calendar` key, an
 * integer year and month.
 */
export function turnJqueryCalendar(el: Element, year: number, month: number): boolean {
  if (!validMonth(year, month)) return false;
  const W = el.ownerDocument?.defaultView as unknown as Anyish | null;
  const $ = (W?.jQuery ?? undefined) as Anyish | undefined;
  if (!$ || typeof $.hasData !== 'function' || typeof $.data !== 'function') return false;
  try {
    if (!($.hasData as (e: Element) => boolean)(el)) return false;
    const inst = ($.data as (e: Element, k: string) => unknown)(el, 'calendar') as Anyish | null | undefined;
    if (!inst || typeof inst !== 'object' || typeof inst.setYearMonth !== 'function' || !inst.opened || !inst.wrapper) return false;
    return (inst.setYearMonth as (y: number, m: number) => unknown)(year, month) !== false;
  } catch { return false; }
}

let world: PageWorld = { readRadioModel, restoreRadioModel, readModel: readWidgetModel, readGridCell, jqueryPlugins: jqueryPluginsOf, jqueryOptions: jqueryOptionsOf, turnCalendar: turnJqueryCalendar };

/** The extension's isolated-world content script sets a bridge to its MAIN-world helper here. */
export function setPageWorld(w: PageWorld): void { world = w; forgetPropsReads(); }
export function pageWorld(): PageWorld { return world; }

// ---------------------------------------------------------------- a bridge between two worlds (the extension)

/**
 * The extension's content script lives in an isolated world and cannot see expandos. Its
 * MAIN-world helper listens for one event type, dispatched on the radio input itself (the
 * locator), whose detail is a JSON string carrying only the operation and the value to restore;
 * the helper answers synchronously with a reply event on the same input. No other data crosses,
 * and the helper offers the page nothing it could not do to its own radios.
 */
export const PAGE_WORLD_REQUEST = 'lvzhi-radio-model';
export const PAGE_WORLD_REPLY = 'lvzhi-radio-model-reply';

/**
 * The two event names of one bridge. The extension passes random names (one pair per page), so
 * a page cannot tell the helper is there by dispatching the fixed names (staffflow, issue 13).
 */
export interface PageWorldChannel { request: string; reply: string }
const FIXED_CHANNEL: PageWorldChannel = { request: PAGE_WORLD_REQUEST, reply: PAGE_WORLD_REPLY };

type Wire =
  | { op: 'read' } | { op: 'restore'; framework: 'vue' | 'react'; value?: ModelValue }
  // reads only, of the element the event is dispatched on: its widget model, its grid cell, its component's props
  | { op: 'model' } | { op: 'grid' } | { op: 'props'; want: string[] } | { op: 'jq' } | { op: 'jqopts'; key: string }
  // a month turned in the element's own calendar (what its arrows do)
  | { op: 'jqmonth'; year: number; month: number };

/** Props as plain JSON, bounded (5000 values, 10 000 characters a text): what a picker's format, type or data source says; functions, nodes and cycles dropped. */
export function plainProps(v: unknown, depth = 0, budget = { left: 5000 }): unknown {
  // bounded in all directions: a page's props may hold a whole store or a huge text
  if (--budget.left < 0) return undefined;
  if (typeof v === 'string') return v.length > 10_000 ? v.slice(0, 10_000) : v;
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (depth > 3 || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) return v.slice(0, 500).map((x) => plainProps(x, depth + 1, budget));
  const date = plainModel(v);
  if (typeof date === 'string' && (v instanceof Date || typeof (v as Anyish).toDate === 'function')) return date;
  if (typeof (v as Anyish).nodeType === 'number') return undefined;
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const k of Object.keys(v as object)) {
    if (n++ > 100 || budget.left < 0) break;
    const x = plainProps((v as Anyish)[k], depth + 1, budget);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

function answerRead(el: Element, w: Wire): string | undefined {
  if (w.op === 'model') { const m = readWidgetModel(el); return JSON.stringify(m === undefined ? { none: true } : { value: m }); }
  if (w.op === 'grid') return JSON.stringify(readGridCell(el) ?? null);
  if (w.op === 'jq') return JSON.stringify(jqueryPluginsOf(el) ?? null);
  if (w.op === 'jqopts' && typeof w.key === 'string' && JQ_KEY.test(w.key)) return JSON.stringify(jqueryOptionsOf(el, w.key) ?? null);
  if (w.op === 'props' && Array.isArray(w.want) && w.want.length <= 20 && w.want.every((k) => typeof k === 'string' && k.length <= 40)) {
    const c = componentHere(el, w.want);
    return JSON.stringify(c ? { framework: c.framework, props: plainProps(c.props), ...(c.bound ? { bound: c.bound } : {}) } : null);
  }
  return undefined;
}

function encodeRead(r: ModelRead | undefined): string {
  return JSON.stringify(r ? { framework: r.framework, ...(r.value === undefined ? {} : { value: r.value }) } : null);
}

function decodeRead(s: unknown): ModelRead | undefined {
  if (typeof s !== 'string') return undefined;
  const o = JSON.parse(s) as { framework?: unknown; value?: unknown } | null;
  if (!o || (o.framework !== 'vue' && o.framework !== 'react')) return undefined;
  const value = 'value' in o ? o.value : undefined;
  return isPrimitive(value) ? { framework: o.framework, value } : undefined;
}

/** MAIN world: answers the content script's requests in `doc` (call once per document). */
export function listenForPageWorldRequests(doc: Document, channel: PageWorldChannel = FIXED_CHANNEL): void {
  doc.addEventListener(channel.request, (e) => {
    const target = e.target as Element | null;
    const detail = (e as CustomEvent<unknown>).detail;
    if (!target || typeof target.tagName !== 'string' || typeof detail !== 'string' || detail.length > 4000) return;
    const input = target as HTMLInputElement;
    const radio = input.tagName === 'INPUT' && input.type === 'radio';
    let reply: string;
    try {
      const w = JSON.parse(detail) as Wire;
      const read = answerRead(target, w);
      if (read !== undefined) reply = read;
      else if (w.op === 'jqmonth') reply = JSON.stringify(turnJqueryCalendar(target, w.year, w.month));
      else if (!radio) return;
      else if (w.op === 'read') reply = encodeRead(readRadioModel([input]));
      else if (w.op === 'restore' && (w.framework === 'vue' || w.framework === 'react') && isPrimitive(w.value)) reply = JSON.stringify(restoreRadioModel([input], { framework: w.framework, value: 'value' in w ? w.value : undefined }));
      else return;
    } catch {
      reply = 'null';
    }
    const W = target.ownerDocument.defaultView as Window & typeof globalThis;
    target.dispatchEvent(new W.CustomEvent(channel.reply, { detail: reply }));
  }, true);
}

/** Isolated world: reaches the MAIN-world helper through events on the input; nothing found when it is absent. */
export function eventBridgePageWorld(channel: PageWorldChannel = FIXED_CHANNEL): PageWorld {
  const ask = (input: Element, w: Wire): string | undefined => {
    let answer: string | undefined;
    const take = (e: Event) => { const d = (e as CustomEvent<unknown>).detail; if (typeof d === 'string') answer = d; };
    input.addEventListener(channel.reply, take);
    try {
      const W = input.ownerDocument.defaultView as Window & typeof globalThis;
      input.dispatchEvent(new W.CustomEvent(channel.request, { detail: JSON.stringify(w) }));
    } finally {
      input.removeEventListener(channel.reply, take);
    }
    return answer;
  };
  return {
    readRadioModel(group) {
      const first = group[0];
      return first ? decodeRead(ask(first, { op: 'read' })) : undefined;
    },
    restoreRadioModel(group, prior) {
      const input = group.find((i) => i.checked) ?? group[0];
      if (!input) return false;
      const w: Wire = { op: 'restore', framework: prior.framework, ...(prior.value === undefined ? {} : { value: prior.value }) };
      // a write in the page's world: props read before it are not to be trusted after it
      forgetPropsReads();
      return ask(input, w) === 'true';
    },
    readModel(el) {
      const a = ask(el, { op: 'model' });
      if (a === undefined) return undefined;
      const o = JSON.parse(a) as { value?: unknown; none?: true };
      return o.none ? undefined : plainModel(o.value);
    },
    readGridCell(cell) {
      const a = ask(cell, { op: 'grid' });
      const o = a === undefined ? null : JSON.parse(a) as GridCellRead | null;
      return o && typeof o === 'object' ? { ...o, value: plainModel(o.value) } : undefined;
    },
    jqueryPlugins(el) {
      const a = ask(el, { op: 'jq' });
      const o = a === undefined ? null : JSON.parse(a) as unknown;
      return Array.isArray(o) ? o.filter((k): k is string => typeof k === 'string' && k.length <= 40).slice(0, 20) : undefined;
    },
    jqueryOptions(el, key) {
      if (!JQ_KEY.test(key)) return undefined;
      const a = ask(el, { op: 'jqopts', key });
      const o = a === undefined ? null : JSON.parse(a) as unknown;
      return o && typeof o === 'object' && !Array.isArray(o) ? o as Record<string, unknown> : undefined;
    },
    turnCalendar(el, year, month) {
      return validMonth(year, month) && ask(el, { op: 'jqmonth', year, month }) === 'true';
    },
    componentOf(el, want) {
      const a = ask(el, { op: 'props', want: [...want] });
      const o = a === undefined ? null : JSON.parse(a) as WidgetComponent | null;
      if (!o || !(o.framework === 'vue' || o.framework === 'vue2' || o.framework === 'react' || o.framework === 'devextreme') || !o.props || typeof o.props !== 'object') return undefined;
      const bound = Array.isArray(o.bound) && o.bound.every((k) => typeof k === 'string') ? o.bound : undefined;
      return bound ? { framework: o.framework, props: o.props, bound } : { framework: o.framework, props: o.props };
    },
  };
}
