/**
 * Structured logs: one JSON object per line on stderr. Requests are logged by their route
 * pattern (`/rate/:token`, never the token), method, status, time and the account's role —
 * never bodies, names, ID numbers or phone numbers. Free text passes through the core's
 * masking before it is written.
 */
import { maskSensitiveText } from '../core/index.ts';

export type LogLevel = 'info' | 'warn' | 'error';
export interface Logger { log(level: LogLevel, msg: string, fields?: Record<string, string | number | boolean | undefined>): void }

export function jsonLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return {
    log(level, msg, fields = {}) {
      const clean: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) clean[k] = typeof v === 'string' ? maskSensitiveText(v) : v;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: maskSensitiveText(msg), ...clean })}\n`);
    },
  };
}

export const silentLogger: Logger = { log() {} };
