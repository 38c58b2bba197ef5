import type { InStatement, InValue } from '@libsql/client';
import { getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.ts';

/**
 * A query built once per database and kept, for the statements a busy route runs on every request. Building a
 * drizzle query (checking each column of each table, writing the SQL) costs more than running it against SQLite:
 * measured on the commitment submit path, a select of one entry by id took 209 µs built each time and 49 µs kept
 * (`.prepare()` with `sql.placeholder` values). Kept per database object, so a test's database or a transaction
 * never runs another's statement.
 */
export function keptPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const kept = new WeakMap<Db, T>();
  return (db) => {
    let query = kept.get(db);
    if (!query) kept.set(db, (query = build(db)));
    return query;
  };
}

/**
 * An INSERT of one whole row of `table`, written once: the statement to run (on a group-commit queue, say) and the
 * row as a select would return it, with the table's JavaScript defaults filled in. Defaults written in SQL cannot be
 * known here, so a table with one is refused when the insert is made.
 */
export function rowInsert<T extends SQLiteTable>(table: T) {
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  for (const [key, column] of columns)
    if (is(column.default, SQL)) throw new Error(`rowInsert: ${getTableName(table)}.${key} has a default in SQL`);
  const text = `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return (values: T['$inferInsert']): { stmt: InStatement; row: T['$inferSelect'] } => {
    const given = values as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const fill = column.defaultFn ?? column.onUpdateFn;
      row[key] = given[key] !== undefined ? given[key] : fill ? fill() : (column.default ?? null);
    }
    const args = columns.map(([key, column]) =>
      row[key] === null ? null : (column.mapToDriverValue(row[key]) as InValue),
    );
    return { stmt: { sql: text, args }, row: row as T['$inferSelect'] };
  };
}
