import type { Command } from '../command.ts';
import { validateCommand } from './validate.ts';
import { schemaCommand } from './schema.ts';
import { packBuildCommand } from './pack-build.ts';
import { signCommand } from './sign.ts';
import { verifyCommand } from './verify.ts';
import { packKeygenCommand } from './pack-keygen.ts';
import { packVerifyCommand } from './pack-verify.ts';
import { minutesCommand } from './minutes.ts';
import { statsCommand } from './stats.ts';
import { auditCommand } from './audit.ts';
import { importRosterCommand } from './import.ts';
import { serveCommand, serverBackupCommand, serverRestoreCommand } from './serve.ts';

/** Every `lvzhi` command, once. Add a command here and in its own file. */
export const commands: Command[] = [
  validateCommand,
  schemaCommand,
  packBuildCommand,
  signCommand,
  verifyCommand,
  packKeygenCommand,
  packVerifyCommand,
  minutesCommand,
  statsCommand,
  auditCommand,
  importRosterCommand,
  serveCommand,
  serverBackupCommand,
  serverRestoreCommand,
] as Command[];
