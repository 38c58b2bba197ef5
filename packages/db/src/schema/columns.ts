import { integer, text } from 'drizzle-orm/sqlite-core';

/** Primary key: a random UUID made by the application, so ids never reveal counts. */
export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** A UTC instant stored as milliseconds. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const createdAt = () =>
  instant('created_at')
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAt = () =>
  instant('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());
