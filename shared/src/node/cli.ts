import { parseArgs } from 'node:util';
import { UsageError, type Command, type CommandIO } from './command.ts';
import { commands } from './commands/index.ts';

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands as Command[]) {
    const n = command.name.length;
    if (argv.length >= n && command.name.every((w, i) => argv[i] === w)) {
      if (!best || n > best.command.name.length) best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.join(' ').length));
  return [
    '履职 Lvzhi — 命令行工具 / command-line tool',
    '',
    'Usage: lvzhi COMMAND [options]',
    '',
    ...commands.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'lvzhi help COMMAND (or lvzhi COMMAND --help) shows the usage of one command.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}`;
}

/** Runs the CLI; returns the exit code (0 ok, 1 problems found, 2 bad usage). */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const out = (line: string) => void io.stdout.write(line + '\n');
  const err = (line: string) => void io.stderr.write(line + '\n');
  if (argv[0] === 'help' && argv.length > 1) {
    // `lvzhi help validate` = `lvzhi validate --help`.
    const topic = findCommand(argv.slice(1));
    if (!topic || topic.rest.length) {
      err(`lvzhi: unknown command "${argv.slice(1).join(' ')}"\n\n${help()}`);
      return 2;
    }
    out(commandHelp(topic.command));
    return 0;
  }
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    err(`lvzhi: unknown command "${argv.join(' ')}"\n\n${help()}`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    out(commandHelp(command));
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ ...io, values: parsed.values as never, positionals: parsed.positionals, out, err });
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`lvzhi ${command.name.join(' ')}: ${(e as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    err(`lvzhi ${command.name.join(' ')}: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
