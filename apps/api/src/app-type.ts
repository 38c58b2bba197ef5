/** The API's route types, for the apps' typed RPC client (`hc<ApiRoutes>`). Types only. */
export type { ApiRoutes } from './app.ts';
