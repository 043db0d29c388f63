// Types for system-deps.mjs (plain JavaScript so that `npm test` runs with bare node).

export interface SystemTool {
  id: string;
  kind: 'file' | 'command' | 'cjk-font';
  path?: string;
  pkg: string;
  why: string;
}

export interface SystemPlan {
  action: 'none' | 'install' | 'manual';
  missing: string[];
  packages: string[];
  commands: string[];
}

export const SYSTEM_TOOLS: readonly SystemTool[];
export function planSystemSetup(input: { found: Record<string, boolean>; isRoot: boolean; isDebian: boolean }): SystemPlan;
export function probeSystem(): Record<string, boolean>;
export function systemFacts(): { isRoot: boolean; isDebian: boolean };
export function ensureSystemTools(io: { log: (line: string) => void; run: (command: string) => unknown }): { ok: boolean; plan: SystemPlan };
