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
  framework: 'vue' | 'vue2' | 'react';
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

export function componentOf(el: Element, want: readonly string[] = MODEL_PROPS): WidgetComponent | undefined {
  const any = el as unknown as Anyish;
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
  const c = componentOf(el);
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

// ---------------------------------------------------------------- where it runs

/** How the engine reaches the page world: directly (default, the engine runs there) or through a bridge. */
export interface PageWorld {
  readRadioModel(group: HTMLInputElement[]): ModelRead | undefined;
  restoreRadioModel(group: HTMLInputElement[], prior: ModelRead): boolean;
  /** The widget's framework model (undefined when unreachable): honest read-back after a write. */
  readModel?(el: Element): PlainModel | undefined;
}

let world: PageWorld = { readRadioModel, restoreRadioModel, readModel: readWidgetModel };

/** The extension's isolated-world content script sets a bridge to its MAIN-world helper here. */
export function setPageWorld(w: PageWorld): void { world = w; }
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

type Wire = { op: 'read' } | { op: 'restore'; framework: 'vue' | 'react'; value?: ModelValue };

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
    const input = e.target as HTMLInputElement | null;
    const detail = (e as CustomEvent<unknown>).detail;
    if (!input || input.tagName !== 'INPUT' || input.type !== 'radio' || typeof detail !== 'string') return;
    let reply: string;
    try {
      const w = JSON.parse(detail) as Wire;
      if (w.op === 'read') reply = encodeRead(readRadioModel([input]));
      else if (w.op === 'restore' && (w.framework === 'vue' || w.framework === 'react') && isPrimitive(w.value)) reply = JSON.stringify(restoreRadioModel([input], { framework: w.framework, value: 'value' in w ? w.value : undefined }));
      else return;
    } catch {
      reply = 'null';
    }
    const W = input.ownerDocument.defaultView as Window & typeof globalThis;
    input.dispatchEvent(new W.CustomEvent(channel.reply, { detail: reply }));
  }, true);
}

/** Isolated world: reaches the MAIN-world helper through events on the input; nothing found when it is absent. */
export function eventBridgePageWorld(channel: PageWorldChannel = FIXED_CHANNEL): PageWorld {
  const ask = (input: HTMLInputElement, w: Wire): string | undefined => {
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
      return ask(input, w) === 'true';
    },
  };
}
