/**
 * What the plan preview lists besides single fields: each record table written into a portal
 * table and each one written into a repeating group of blocks, with its row count. The clerk
 * confirms what will be written, so nothing the fill writes may be missing from this list.
 */
import type { FillPlan } from '@lvzhi/shared';

export interface PlanCollection {
  id: string;
  /** The portal's label of the table or group. */
  label: string;
  /** The record's dictionary key. */
  key: string;
  rows: number;
}

export function planCollections(plan: FillPlan): PlanCollection[] {
  return [
    ...plan.tables.map((t) => ({ id: `table:${t.table}`, label: t.label, key: t.key, rows: t.rows.length })),
    ...(plan.groups ?? []).map((g) => ({ id: `group:${g.group}`, label: g.label, key: g.key, rows: g.rows.length })),
  ];
}

/** How many items the preview lists: single fields, tables and repeating groups. */
export const planSize = (plan: FillPlan): number => plan.steps.length + planCollections(plan).length;
