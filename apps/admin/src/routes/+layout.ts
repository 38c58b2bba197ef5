import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { i18n } from '$lib/i18n.svelte';
import { session } from '$lib/session.svelte';
import type { LayoutLoad } from './$types';

// A single-page app: adapter-static writes one fallback index.html that the API serves for every /admin path.
export const ssr = false;
export const prerender = false;

/** Messages before the first paint; then the guard: sign in first, enrol in two-factor when required. */
export const load = (async ({ url, route }) => {
  await i18n.init();
  if (!session.loaded) await session.load();
  const onLogin = route.id === '/login';
  if (!session.me && !onLogin) {
    redirect(307, resolve(`/login?next=${encodeURIComponent(url.pathname + url.search)}`));
  }
  if (session.me && onLogin) redirect(307, resolve('/'));
  if (session.me?.mustEnrollTotp && route.id !== '/profile') redirect(307, resolve('/profile'));
}) satisfies LayoutLoad;
