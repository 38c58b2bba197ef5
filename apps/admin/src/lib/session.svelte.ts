import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { navigating, page } from '$app/state';
import type { Actor } from '@vungxanh/domain';
import type { InferResponseType } from 'hono/client';
import { client, setAuthProblemHandler, unwrap } from './api';
import { canOpen, inNav, type Area } from './nav';

export type Me = InferResponseType<typeof client.api.auth.me.$get, 200>;

/** The signed-in account, loaded once and replaced by every call that returns it. */
class Session {
  me = $state<Me | null>(null);
  loaded = false;

  /** Reads /me; a 401 here only means "not signed in yet", so it is not routed through the 401 handler. */
  async load(): Promise<void> {
    const res = await client.api.auth.me.$get().catch(() => null);
    this.me = res?.ok ? await res.json() : null;
    this.loaded = true;
  }

  set(me: Me): void {
    this.me = me;
    this.loaded = true;
  }

  get actor(): Actor | null {
    const me = this.me;
    if (!me) return null;
    const { id, role, provinceId, communeId, villageId, schoolId } = me;
    return { accountId: id, role, provinceId, communeId, villageId, schoolId };
  }

  /** Shown in the navigation. */
  inNav(area: Area): boolean {
    return this.me !== null && inNav(this.me.role, area);
  }

  /** May be opened (the API still decides what the role may do there). */
  canOpen(area: Area): boolean {
    return this.me !== null && canOpen(this.me.role, area);
  }

  async signOut(): Promise<void> {
    await unwrap(client.api.auth.logout.$post()).catch(() => null);
    this.me = null;
    await goto(resolve('/login'));
  }
}

export const session = new Session();

setAuthProblemHandler((code) => {
  if (code === 'unauthenticated') {
    session.me = null;
    // Come back to where the user was going (a load in progress) or where they are.
    const url = navigating.to?.url ?? page.url;
    if (!url.pathname.endsWith('/login'))
      void goto(resolve(`/login?next=${encodeURIComponent(url.pathname + url.search)}`));
  } else if (session.me) {
    session.me = { ...session.me, mustEnrollTotp: true };
    void goto(resolve('/profile'));
  }
});
