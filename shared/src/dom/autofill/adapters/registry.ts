/**
 * The one list of widget adapters. Each adapter file registers itself once with `defineAdapter`
 * (adapters/index.ts imports them in priority order); pages and tests add their own with
 * `registerAdapter`, tried before the built-in ones. The widget names packs may give in a
 * portal mapping (`widget`) are `widgetNames()`: adapter names and their aliases, plus `auto`.
 * Nothing here touches the DOM at import time, so the node CLI can import the names.
 */
import type { WidgetAdapter } from './types.ts';

const registry: WidgetAdapter[] = [];
const rank = new Map<string, number>();

/**
 * When an adapter is tried, lowest first (a file's imports run before it, so the order of
 * registration cannot decide): widget libraries by their root class, then read-only date
 * inputs, file inputs, Layui's re-rendered native controls, ARIA role widgets,
 * contenteditable, read-only boxes that open a choosing dialog, and native controls last.
 */
export const PRIORITY = { library: 10, my97: 20, file: 30, layui: 40, aria: 50, contenteditable: 60, dialog: 70, native: 100 } as const;

/** Built-in adapters: called once in each adapter file. */
export function defineAdapter<A extends WidgetAdapter>(adapter: A, priority: number = PRIORITY.library): A {
  const i = registry.findIndex((a) => a.name === adapter.name);
  if (i >= 0) registry.splice(i, 1);
  rank.set(adapter.name, priority);
  // after every adapter of the same or a lower rank (added ones, rank -1, stay first)
  let at = registry.length;
  while (at > 0 && (rank.get(registry[at - 1]!.name) ?? -1) > priority) at--;
  registry.splice(at, 0, adapter);
  return adapter;
}

/** Adds an adapter; it is tried before the built-in ones. */
export function registerAdapter(adapter: WidgetAdapter): void {
  const i = registry.findIndex((a) => a.name === adapter.name);
  if (i >= 0) registry.splice(i, 1);
  rank.set(adapter.name, -1);
  registry.unshift(adapter);
}

export function adapters(): readonly WidgetAdapter[] {
  return registry;
}

/** The adapter a widget name stands for (its name or one of its aliases). */
export function adapterByName(name: string): WidgetAdapter | undefined {
  return registry.find((a) => a.name === name) ?? registry.find((a) => a.aliases?.includes(name));
}

/** Every widget name a portal mapping may use. */
export function widgetNames(): string[] {
  const out = new Set<string>(['auto']);
  for (const a of registry) { out.add(a.name); for (const n of a.aliases ?? []) out.add(n); }
  return [...out].sort();
}
