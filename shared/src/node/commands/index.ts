import type { Command } from '../command.ts';
import { validateCommand } from './validate.ts';
import { schemaCommand } from './schema.ts';
import { packBuildCommand } from './pack-build.ts';

/** Every `lvzhi` command, once. Add a command here and in its own file. */
export const commands: Command[] = [
  validateCommand,
  schemaCommand,
  packBuildCommand,
] as Command[];
