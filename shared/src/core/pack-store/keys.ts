/** The keys in force: those the administrator added plus those the policy pushes. */
import { issue, type ValidationIssue } from '../issues.ts';
import { importTrustedKey, PackKeyError, type TrustedKey } from '../pack-signing/keys.ts';
import type { ManagedPolicy, PackStoreState } from './types.ts';

/** A key in force: `managed` when the policy names it; `scope` the pack ids a user key may sign. */
export type ScopedKey = TrustedKey & { managed: boolean; scope?: string[] };

export interface KeyRing {
  keys: ScopedKey[];
  /** Keys that could not be read (a typo in the policy), with why. */
  issues: ValidationIssue[];
}

export async function trustedKeyRing(state: PackStoreState, policy: ManagedPolicy): Promise<KeyRing> {
  const keys: KeyRing['keys'] = [];
  const issues: ValidationIssue[] = [];
  const add = async (input: unknown, managed: boolean, where: string) => {
    try {
      const k = await importTrustedKey(input);
      const same = keys.find((x) => x.kid === k.kid);
      if (same) same.managed ||= managed;
      else keys.push({ ...k, managed });
    } catch (e) {
      const zh = e instanceof PackKeyError ? e.message : String(e);
      const en = e instanceof PackKeyError ? e.messageEn : String(e);
      issues.push({ source: where, ...issue([], 'bad-key', zh, en) });
    }
  };
  for (const [i, k] of policy.trustedKeys.entries()) await add(k, true, `策略 trustedKeys[${i}]`);
  // With lockTrust, keys the user added count for nothing (they stay listed for the administrator).
  if (!policy.lockTrust) for (const [i, k] of state.trustedKeys.entries()) await add(k, false, `trustedKeys[${i}]`);
  for (const k of keys) {
    const scope = state.keyScopes?.[k.kid];
    if (!k.managed && scope) k.scope = scope;
  }
  return { keys, issues };
}
