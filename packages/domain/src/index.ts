export * from './errors.ts';
export * from './text.ts';
export * from './roles.ts';
export * from './units.ts';
export * from './accounts.ts';
export * from './village-import.ts';
export * from './laws.ts';
export * from './content.ts';
