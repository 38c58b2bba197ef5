import type { InferResponseType } from 'hono/client';
import { canEditContent, lawById, laws } from '@vungxanh/domain';
import { client } from './api';
import { i18n } from './i18n.svelte';
import { session } from './session.svelte';

/** The content routes of the typed RPC client, and the types of what they answer. */
export const contentApi = client.api.content;

export type Lesson = InferResponseType<(typeof contentApi.lessons)[':id']['$get'], 200>;
export type Question = InferResponseType<(typeof contentApi.questions)[':id']['$get'], 200>;
export type Hotline = InferResponseType<typeof contentApi.hotlines.$get, 200>['items'][number];
export type Poster = InferResponseType<typeof contentApi.posters.$get, 200>['items'][number];
export type QuestionImportReport = InferResponseType<typeof contentApi.questions.import.$post, 200>;
export type ContentStatus = Lesson['status'];
export type Citation = Lesson['legalBasis'][number];

/** A law's title for pickers and lists; a law that a newer one replaced says so. */
export function lawLabel(id: string): string {
  if (id === 'general') return i18n.t('content.general');
  const law = lawById(id);
  if (!law) return id;
  return law.status === 'earlier' ? `${law.title} ${i18n.t('content.replaced')}` : law.title;
}

/** The laws in the order of the domain's list, labelled for a select. */
export const lawChoices = () => laws.map((law) => ({ id: law.id, label: lawLabel(law.id) }));

/** Whether the signed-in account may change an item of this scope (the API decides the same way). */
export function canEdit(communeId: string | null): boolean {
  const actor = session.actor;
  return actor !== null && canEditContent(actor, communeId);
}

/** Whether the signed-in account may add content at all: the system role and commune admins. */
export function canCreateContent(): boolean {
  const role = session.me?.role;
  return role === 'system' || role === 'commune_admin';
}

/** "Toàn quốc" or the commune's name. */
export function scopeText(communeId: string | null, names: ReadonlyMap<string, string>): string {
  return communeId === null ? i18n.t('content.national') : (names.get(communeId) ?? communeId);
}
