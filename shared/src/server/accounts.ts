/**
 * Accounts, browser sessions (HttpOnly cookie + CSRF token), extension pairing (a one-time
 * code shown to a signed-in user, exchanged once for a revocable token) and the login rate
 * limit. All state is in the database, so any server behind a proxy answers any request.
 */
import type { Database } from './db.ts';
import { DUMMY_HASH, hashPassword, newId, newPairingCode, newToken, tokenDigest, verifyPassword } from './auth.ts';
import type { Account, Role } from './roles.ts';

export const SESSION_HOURS = 12;
export const PAIRING_MINUTES = 10;
/** Failed logins allowed per user name, and per client address, in the window. */
export const LOGIN_LIMIT = { failures: 5, windowMinutes: 15 };

interface AccountRow { id: string; username: string; display_name: string; role: Role; unit: string | null; password_hash: string; disabled: boolean }

const toAccount = (r: AccountRow): Account => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, ...(r.unit ? { unit: r.unit } : {}) });

export class Accounts {
  constructor(private readonly db: Database, private readonly now: () => Date = () => new Date()) {}

  async count(): Promise<number> {
    const [r] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
    return r?.n ?? 0;
  }

  async create(input: { username: string; displayName: string; role: Role; unit?: string | undefined; password: string }): Promise<Account> {
    const id = newId('a');
    await this.db.query('INSERT INTO accounts (id, username, display_name, role, unit, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, input.username, input.displayName, input.role, input.unit ?? null, await hashPassword(input.password)]);
    return { id, username: input.username, displayName: input.displayName, role: input.role, ...(input.unit ? { unit: input.unit } : {}) };
  }

  async list(): Promise<Array<Account & { disabled: boolean }>> {
    const rows = await this.db.query<AccountRow>('SELECT * FROM accounts ORDER BY created_at, username');
    return rows.map((r) => ({ ...toAccount(r), disabled: r.disabled }));
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    await this.db.query('UPDATE accounts SET disabled = $1 WHERE id = $2', [disabled, id]);
    if (disabled) await this.db.query('DELETE FROM sessions WHERE account_id = $1', [id]);
  }

  async byId(id: string): Promise<Account | undefined> {
    const [r] = await this.db.query<AccountRow>('SELECT * FROM accounts WHERE id = $1 AND NOT disabled', [id]);
    return r ? toAccount(r) : undefined;
  }

  /** Too many recent failures for this user name or this address? */
  async limited(keys: readonly string[]): Promise<boolean> {
    const since = new Date(this.now().getTime() - LOGIN_LIMIT.windowMinutes * 60_000).toISOString();
    for (const key of keys) {
      const [r] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures WHERE key = $1 AND at > $2', [key, since]);
      if ((r?.n ?? 0) >= LOGIN_LIMIT.failures) return true;
    }
    return false;
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.db.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, this.now().toISOString()]);
  }

  /** Checks the password (same time for an unknown name); the account or undefined. */
  async checkPassword(username: string, password: string): Promise<Account | undefined> {
    const [r] = await this.db.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [username]);
    const ok = await verifyPassword(password, r?.password_hash ?? DUMMY_HASH);
    return ok && r && !r.disabled ? toAccount(r) : undefined;
  }

  async clearFailures(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.db.query('DELETE FROM login_failures WHERE key = $1', [key]);
  }

  async startSession(account: Account): Promise<{ token: string; csrf: string }> {
    const token = newToken();
    const csrf = newToken();
    const expires = new Date(this.now().getTime() + SESSION_HOURS * 3_600_000).toISOString();
    await this.db.query('INSERT INTO sessions (token_hash, account_id, csrf, expires_at) VALUES ($1, $2, $3, $4)', [tokenDigest(token), account.id, csrf, expires]);
    return { token, csrf };
  }

  async session(token: string): Promise<{ account: Account; csrf: string } | undefined> {
    const [r] = await this.db.query<AccountRow & { csrf: string }>(
      'SELECT a.*, s.csrf FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT a.disabled',
      [tokenDigest(token), this.now().toISOString()]);
    return r ? { account: toAccount(r), csrf: r.csrf } : undefined;
  }

  async endSession(token: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenDigest(token)]);
  }

  /** A one-time code for pairing an extension, valid PAIRING_MINUTES. */
  async pairingCode(account: Account): Promise<{ code: string; expiresAt: string }> {
    const code = newPairingCode();
    const expiresAt = new Date(this.now().getTime() + PAIRING_MINUTES * 60_000).toISOString();
    await this.db.query('INSERT INTO pairing_codes (code_hash, account_id, expires_at) VALUES ($1, $2, $3)', [tokenDigest(code), account.id, expiresAt]);
    return { code, expiresAt };
  }

  /** Exchanges a pairing code (once) for an extension token. */
  async pair(code: string, label: string): Promise<{ token: string; tokenId: string; account: Account } | undefined> {
    return this.db.tx(async (sql) => {
      const [r] = await sql.query<{ account_id: string }>(
        'UPDATE pairing_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING account_id',
        [this.now().toISOString(), tokenDigest(code)]);
      if (!r) return undefined;
      const [a] = await sql.query<AccountRow>('SELECT * FROM accounts WHERE id = $1 AND NOT disabled', [r.account_id]);
      if (!a) return undefined;
      const token = newToken();
      const tokenId = newId('t');
      await sql.query('INSERT INTO device_tokens (id, token_hash, account_id, label) VALUES ($1, $2, $3, $4)', [tokenId, tokenDigest(token), a.id, label]);
      return { token, tokenId, account: toAccount(a) };
    });
  }

  async byToken(token: string): Promise<Account | undefined> {
    const [r] = await this.db.query<AccountRow>(
      'SELECT a.* FROM device_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT a.disabled',
      [tokenDigest(token)]);
    return r ? toAccount(r) : undefined;
  }

  async tokens(accountId?: string): Promise<Array<{ id: string; label: string; accountId: string; createdAt: string; revokedAt: string | null }>> {
    const rows = await this.db.query<{ id: string; label: string; account_id: string; created_at: string; revoked_at: string | null }>(
      `SELECT id, label, account_id, created_at::text AS created_at, revoked_at::text AS revoked_at FROM device_tokens ${accountId ? 'WHERE account_id = $1' : ''} ORDER BY created_at`, accountId ? [accountId] : []);
    return rows.map((r) => ({ id: r.id, label: r.label, accountId: r.account_id, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  /** Revokes a token: of this account, or any (administrator). */
  async revokeToken(id: string, accountId?: string): Promise<boolean> {
    const rows = await this.db.query('UPDATE device_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL' + (accountId ? ' AND account_id = $3' : '') + ' RETURNING id',
      accountId ? [this.now().toISOString(), id, accountId] : [this.now().toISOString(), id]);
    return rows.length > 0;
  }

  async ratingLink(recordId: string, days = 30): Promise<string> {
    const token = newToken(24);
    await this.db.query('INSERT INTO rating_links (token_hash, record_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenDigest(token), recordId, this.now().toISOString(), new Date(this.now().getTime() + days * 86_400_000).toISOString()]);
    return token;
  }

  async ratingRecord(token: string): Promise<string | undefined> {
    const [r] = await this.db.query<{ record_id: string }>('SELECT record_id FROM rating_links WHERE token_hash = $1 AND expires_at > $2 AND used_at IS NULL', [tokenDigest(token), this.now().toISOString()]);
    return r?.record_id;
  }

  async useRatingLink(token: string): Promise<void> {
    await this.db.query('UPDATE rating_links SET used_at = $1 WHERE token_hash = $2', [this.now().toISOString(), tokenDigest(token)]);
  }
}
