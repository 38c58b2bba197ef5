import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../env.ts';
import { databaseFile, prepareDatabaseFile } from './startup.ts';

/**
 * Where a generated password of `admin` waits until it is changed: beside the database file (or in ./data for a
 * libSQL server). Printed once is not enough: a terminal closed too early would lose the only way in.
 */
export function initialPasswordFile(config: Pick<Config, 'DATABASE_URL'>): string {
  const db = databaseFile(config.DATABASE_URL);
  return join(db ? dirname(db) : resolve('data'), 'admin-password.txt');
}

/** Writes the password readable by this user only. */
export function keepInitialPassword(file: string, password: string): void {
  prepareDatabaseFile(file);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
}

/** Removes the kept password once it no longer opens the account. */
export function forgetInitialPassword(file: string): void {
  if (existsSync(file)) rmSync(file, { force: true });
}
