/**
 * The `lvzhi` command dispatcher's contract. Each command lives in its own file under
 * `commands/` and is listed once in `commands/index.ts`; the dispatcher owns help, argument
 * parsing and error reporting so that commands only do their work.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  cwd: string;
}

export interface CommandContext<V> extends CommandIO {
  /** Parsed options (node:util parseArgs `values`). */
  values: V;
  /** Positional arguments after the command words. */
  positionals: string[];
  /** Writes one line to stdout. */
  out(line: string): void;
  /** Writes one line to stderr. */
  err(line: string): void;
}

export interface Command<O extends NonNullable<ParseArgsConfig['options']> = NonNullable<ParseArgsConfig['options']>> {
  /** Command words, e.g. ['validate'] or ['pack', 'build']. */
  name: string[];
  /** One-line summary for `lvzhi help`. */
  summary: string;
  /** Usage line(s), e.g. 'lvzhi validate PATH... [--lang en]'. */
  usage: string;
  options: O;
  /** Returns the exit code. Throw `UsageError` for bad arguments (exit 2). */
  run(ctx: CommandContext<ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values']>): Promise<number> | number;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Declares a command with its option types inferred. */
export function defineCommand<const O extends NonNullable<ParseArgsConfig['options']>>(command: Command<O>): Command<O> {
  return command;
}
