import { createRequire } from 'node:module';

/**
 * Prepared statements kept per connection of the embedded database.
 *
 * `@libsql/client` prepares every statement again on each call and asks the statement for its columns twice, and
 * neither is cheap: under load a signed-in request's session lookup spent more time preparing its one query and
 * reading its column names than running it (pnpm bench, profiled). libSQL's statements are made to be run again
 * with new values (its API is better-sqlite3's), so each connection keeps the statements it has prepared, up to
 * `maxStatements`, and each keeps its column list. Only data statements are kept (SELECT, INSERT, UPDATE, DELETE,
 * WITH): a schema change (a migration at start-up) makes SQLite prepare kept statements again by itself, and the
 * project's queries name their columns, so a kept column list stays right.
 */
export const maxStatements = 500;

interface Statement {
  columns(): unknown[];
}
interface Database {
  prepare(sql: string): Statement;
}

const kept = /^\s*(select|insert|update|delete|with)\b/i;
let installed = false;

/** Keeps prepared statements on every libSQL connection of this process (once; later calls do nothing). */
export function keepPreparedStatements(): void {
  if (installed) return;
  installed = true;
  // The libsql package that @libsql/client itself loads, so that the connections of its pool are the ones changed.
  const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
  const { prototype } = fromClient('libsql') as { prototype: Database };
  const original = prototype.prepare;
  const prepare = function (this: Database, sql: string) {
    nativePrepares++;
    return original.call(this, sql);
  };
  const caches = new WeakMap<Database, Map<string, Statement>>();
  prototype.prepare = function (this: Database, sql: string): Statement {
    if (!kept.test(sql)) return prepare.call(this, sql);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last: the first entry is the one to drop when the cache is full.
      cache.delete(sql);
      cache.set(sql, statement);
      return statement;
    }
    statement = prepare.call(this, sql);
    const columns = statement.columns.bind(statement);
    let known: unknown[] | undefined;
    statement.columns = () => (known ??= columns());
    if (cache.size >= maxStatements) cache.delete(cache.keys().next().value!);
    cache.set(sql, statement);
    return statement;
  };
}

let nativePrepares = 0;
/** How many statements libSQL itself has prepared in this process (those not found kept); for tests. */
export const nativePrepareCount = (): number => nativePrepares;
