/**
 * The office's accounts have one of five roles. What each may do on the server is listed here
 * once; which workflow roles (the ids a pack's workflow names in `transitions[].roles`) each
 * account role acts in is listed beside it, so the core's workflow engine decides every step.
 */
import type { WorkflowActor } from '../core/index.ts';

export type Role = 'admin' | 'staff' | 'recorder' | 'unit' | 'deputy';

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  staff: { zh: '工作人员', en: 'Office staff' },
  recorder: { zh: '记录人', en: 'Recorder' },
  unit: { zh: '承办单位', en: 'Handling unit' },
  deputy: { zh: '代表', en: 'Deputy' },
};

export type Permission =
  | 'records.sync' | 'records.read' | 'conflicts.resolve' | 'workflows.read' | 'workflows.step'
  | 'accounts.manage' | 'packs.publish' | 'stats.read' | 'audit.read' | 'rating.link' | 'pair' | 'unit.tasks';

const PERMISSIONS: Record<Permission, readonly Role[]> = {
  'records.sync': ['admin', 'staff', 'recorder'],
  'records.read': ['admin', 'staff', 'recorder'],
  'conflicts.resolve': ['admin', 'staff', 'recorder'],
  'workflows.read': ['admin', 'staff', 'recorder'],
  'workflows.step': ['admin', 'staff', 'recorder', 'unit'],
  'accounts.manage': ['admin'],
  'packs.publish': ['admin'],
  'stats.read': ['admin', 'staff'],
  'audit.read': ['admin'],
  'rating.link': ['admin', 'staff'],
  pair: ['admin', 'staff', 'recorder'],
  'unit.tasks': ['unit'],
};

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}

/** Workflow role ids (as the built-in packs name them) each account role acts in. */
export const WORKFLOW_ROLES: Record<Role, readonly string[]> = {
  admin: ['staff', 'clerk', 'director', 'presidium', 'chair'],
  staff: ['staff', 'clerk'],
  recorder: ['clerk'],
  unit: ['handling-unit', 'unit', 'department'],
  deputy: ['deputy'],
};

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** For 承办单位 accounts: the unit's name, as records name it in `handlingUnit` / the assignee. */
  unit?: string;
}

export function actorOf(account: Account): WorkflowActor {
  return { id: account.id, name: account.displayName, roles: WORKFLOW_ROLES[account.role] };
}
