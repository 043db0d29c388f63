/**
 * @lvzhi/shared/server — the office server (`lvzhi serve`): records, workflows, packs and
 * figures shared by a whole office, on PGlite or PostgreSQL. See README.md beside this file.
 */
export * from './db.ts';
export * from './migrations.ts';
export * from './roles.ts';
export * from './auth.ts';
export * from './accounts.ts';
export * from './store.ts';
export * from './packs.ts';
export * from './logger.ts';
export * from './app.ts';
export * from './server.ts';
