export { openDb, isEmbedded, isUniqueViolation, pingDb, type Db, type DbOptions } from './client.ts';
export { migrateDb, migrationsFolder } from './migrate.ts';
export * as schema from './schema/index.ts';
export * from './queries/units.ts';
export * from './queries/accounts.ts';
export * from './queries/audit.ts';
export * from './queries/settings.ts';
export * from './queries/village-import.ts';
export * from './queries/content.ts';
