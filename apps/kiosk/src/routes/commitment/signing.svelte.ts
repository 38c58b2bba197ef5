import type { InferResponseType } from 'hono/client';
import { campaignTarget, nameKey, uuidv7, type CampaignKind, type EntryInput } from '@vungxanh/domain';
import { client, reach } from '$lib/api';
import { i18n } from '$lib/i18n.svelte';
import { outbox } from '$lib/outbox.svelte';
import { readJson, writeJson } from '$lib/storage';
import { onWipe } from '$lib/wipe';

export type Offer = InferResponseType<typeof client.api.public.commitments.campaigns.$get, 200>;
export type Campaign = Offer['campaigns'][number];
export type Step = 'choose' | 'details' | 'sign' | 'review' | 'receipt';

const cacheKey = (communeId: string) => `vungxanh.commitments.${communeId}`;

/** Which form field a domain issue path belongs to. */
function fieldOf(path: string): string {
  if (path.startsWith('signature')) return 'signature';
  if (path === 'phone' || path === 'members' || path === 'address' || path === 'signerName') return path;
  if (path.endsWith('Id')) return 'unit';
  if (path === 'consent') return 'consent';
  if (path === 'guardianName') return 'guardianName';
  return 'form';
}

/**
 * One signing on this screen: the campaign, what the person typed, their signature and the step.
 * Everything here is forgotten at the kiosk's idle reset; only the outbox keeps the entry, and only
 * until the server has it.
 */
type EntryRules = typeof import('./entry-rules');
let loadingRules: Promise<EntryRules> | null = null;
/** The entry's checks: asked for when a campaign is chosen, so the first paint does not wait for them. */
function entryRules(): Promise<EntryRules> {
  return (loadingRules ??= import('./entry-rules'));
}

export class Signing {
  offer = $state<Offer | null>(null);
  loadFailed = $state(false);
  step = $state<Step>('choose');
  campaign = $state<Campaign | null>(null);
  unitId = $state('');
  signerName = $state('');
  address = $state('');
  /** A number input binds a number, or null while empty. */
  members = $state<number | null>(null);
  phone = $state('');
  guardianName = $state('');
  consent = $state(false);
  signatureMode = $state<'drawn' | 'typed'>('drawn');
  drawn = $state<string | null>(null);
  typed = $state('');
  errors = $state<Record<string, string>>({});
  receiptId = $state<string | null>(null);
  #id = uuidv7();
  readonly dispose: () => void;

  constructor() {
    this.dispose = onWipe(() => this.reset());
  }

  get kind(): CampaignKind | null {
    return this.campaign?.kind ?? null;
  }

  get target() {
    return this.kind ? campaignTarget(this.kind) : 'village';
  }

  get units(): { id: string; name: string }[] {
    if (!this.offer) return [];
    return this.target === 'village'
      ? this.offer.villages
      : this.target === 'school'
        ? this.offer.schools
        : this.offer.organizations;
  }

  get unitName(): string {
    return this.units.find((u) => u.id === this.unitId)?.name ?? '';
  }

  /** Loads the commune's open campaigns, falling back to the last copy kept on the device. */
  async load(communeId: string): Promise<void> {
    try {
      const res = await reach(client.api.public.commitments.campaigns.$get({ query: { communeId } }));
      if (res.ok) {
        this.offer = await res.json();
        writeJson(cacheKey(communeId), this.offer);
        return;
      }
    } catch {
      // Offline: the copy below.
    }
    this.offer = readJson<Offer>(cacheKey(communeId));
    this.loadFailed = this.offer === null;
  }

  choose(campaign: Campaign, unitId = ''): void {
    this.campaign = campaign;
    void entryRules();
    if (unitId && this.units.some((u) => u.id === unitId)) this.unitId = unitId;
    this.step = 'details';
  }

  /** The entry as it will be sent, or the problems to show next to each field. */
  #build({ entryInput, entryProblems }: EntryRules): { entry: EntryInput } | { errors: Record<string, string> } {
    const kind = this.kind!;
    const unitKey = `${this.target}Id`;
    const raw = {
      id: this.#id,
      campaignId: this.campaign!.id,
      ...(this.unitId ? { [unitKey]: this.unitId } : {}),
      signerName: this.signerName,
      address: this.address,
      ...(this.members !== null && String(this.members) !== '' ? { members: Number(this.members) } : {}),
      ...(this.phone.trim() ? { phone: this.phone } : {}),
      ...(kind === 'student' && this.guardianName.trim() ? { guardianName: this.guardianName } : {}),
      consent: this.consent,
      signature:
        this.signatureMode === 'drawn'
          ? { kind: 'drawn', dataUrl: this.drawn ?? '' }
          : { kind: 'typed', name: this.typed || ' ' },
      // A timestamp sent once, not state: nothing renders from it.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      signedAt: new Date().toISOString(),
    };
    const parsed = entryInput.safeParse(raw);
    const errors: Record<string, string> = {};
    const add = (path: string) => {
      const field = fieldOf(path);
      errors[field] ??= this.#message(field, raw);
    };
    if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.join('.'));
    else for (const p of entryProblems(kind, parsed.data)) add(p.path);
    return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { entry: parsed.data };
  }

  #message(field: string, raw: { members?: number; phone?: string }): string {
    if (field === 'members' && raw.members !== undefined) return i18n.t('commitments.sign.membersInvalid');
    if (field === 'phone') return i18n.t('commitments.sign.phoneInvalid');
    if (field === 'consent') return i18n.t('commitments.sign.consentRequired');
    if (field === 'signature')
      return this.signatureMode === 'drawn'
        ? i18n.t('commitments.sign.drawFirst')
        : i18n.t('commitments.sign.typedMismatch');
    return i18n.t('commitments.sign.required');
  }

  /** Checks the fields of a step; moves on when they are fine. */
  async next(from: 'details' | 'sign'): Promise<boolean> {
    const result = this.#build(await entryRules());
    const fields =
      from === 'details'
        ? ['unit', 'signerName', 'address', 'members', 'phone', 'guardianName', 'consent']
        : ['signature'];
    const errors = 'errors' in result ? result.errors : {};
    this.errors = Object.fromEntries(Object.entries(errors).filter(([k]) => fields.includes(k)));
    if (Object.keys(this.errors).length > 0) return false;
    if (from === 'details' && this.signatureMode === 'typed' && nameKey(this.typed) !== nameKey(this.signerName))
      this.typed = this.signerName;
    this.step = from === 'details' ? 'sign' : 'review';
    return true;
  }

  async send(): Promise<void> {
    const result = this.#build(await entryRules());
    if ('errors' in result) {
      this.errors = result.errors;
      this.step = result.errors.signature ? 'sign' : 'details';
      return;
    }
    await outbox.sign(result.entry, this.campaign!.title);
    this.receiptId = result.entry.id;
    this.step = 'receipt';
  }

  reset(): void {
    this.step = 'choose';
    this.campaign = null;
    this.unitId = '';
    this.signerName = '';
    this.address = '';
    this.members = null;
    this.phone = '';
    this.guardianName = '';
    this.consent = false;
    this.signatureMode = 'drawn';
    this.drawn = null;
    this.typed = '';
    this.errors = {};
    this.receiptId = null;
    this.#id = uuidv7();
  }
}
