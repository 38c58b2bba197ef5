import { ApiError } from '$lib/api';
import { FormState } from '$lib/form.svelte';
import { i18n, type MessageKey } from '$lib/i18n.svelte';

type Mode = 'check' | 'all_or_nothing' | 'valid_only';

/**
 * The steps of a file import, shared by every import page: choose a file, check it, then import
 * all or nothing or the valid rows only. `send` posts the file; `imported` refreshes what changed.
 */
export class ImportFlow<R> {
  readonly checking = new FormState(['file']);
  readonly importing = new FormState();
  file = $state<File | null>(null);
  report = $state<R | null>(null);
  result = $state<R | null>(null);
  mode = $state<Exclude<Mode, 'check'>>('all_or_nothing');
  fileInput: HTMLInputElement | undefined = $state();

  readonly #send: (file: File, mode: Mode) => Promise<R>;
  readonly #imported: () => Promise<void>;
  readonly #missingFile: MessageKey;

  constructor(send: (file: File, mode: Mode) => Promise<R>, imported: () => Promise<void>, missingFileKey: MessageKey) {
    this.#send = send;
    this.#imported = imported;
    this.#missingFile = missingFileKey;
  }

  choose(event: Event) {
    this.file = (event.currentTarget as HTMLInputElement).files?.[0] ?? null;
    this.report = null;
    this.result = null;
    this.checking.reset();
    this.importing.reset();
  }

  async run(runMode: Mode, ready = true) {
    if (!this.file || !ready) {
      this.checking.error = i18n.t(this.#missingFile);
      this.checking.fields = { file: i18n.t('admin.validation.required') };
      this.fileInput?.focus();
      return;
    }
    const chosen = this.file;
    const form = runMode === 'check' ? this.checking : this.importing;
    this.result = null;
    await form.submit(async () => {
      try {
        const answer = await this.#send(chosen, runMode);
        if (runMode === 'check') this.report = answer;
        else {
          this.result = answer;
          await this.#imported();
        }
      } catch (error) {
        // All or nothing with bad rows: nothing was written; say so with the way forward
        // (the rows at fault are already in the report above).
        if (error instanceof ApiError && error.code === 'import_has_errors') {
          throw new ApiError(error.code, i18n.t('units.importNothing'), [], error.status);
        }
        throw error;
      }
    });
  }
}
