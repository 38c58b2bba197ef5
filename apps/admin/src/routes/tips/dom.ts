import { tick } from 'svelte';

/**
 * Argon2id runs on the page's own thread for a few seconds: let the browser paint the busy message (and announce
 * it) before the work blocks it.
 */
export function afterPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 30)));
}

/** After a refused submit: the first field marked invalid gets focus, so its message is read next. */
export async function focusInvalid(form: HTMLElement | undefined): Promise<void> {
  await tick();
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** After a step of the flow replaces the form: focus the new view's heading so reading goes on from there. */
export async function focusHeading(id: string): Promise<void> {
  await tick();
  document.getElementById(id)?.focus();
}
