/**
 * @lvzhi/shared/node — Node-only parts: reading packs and records from disk with file and line
 * locations, and the `lvzhi` command line.
 */
export * from './load.ts';
export * from './validate-files.ts';
export { main } from './cli.ts';
export { defineCommand, UsageError, type Command, type CommandContext, type CommandIO } from './command.ts';
export * from './spreadsheet.ts';
export { loadPacksFor, loadRecords } from './stats-io.ts';
