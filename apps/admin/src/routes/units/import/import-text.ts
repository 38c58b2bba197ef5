import { i18n } from '$lib/i18n.svelte';

/** The column names of the import file, as the user typed them in the header row. */
const columns: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  population: 'population',
  households: 'households',
  mailboxInstalledOn: 'mailbox_installed_on',
  boardInstalledOn: 'board_installed_on',
};

/**
 * A row error in the user's language. The domain reports zod's English text per field; what the
 * user must fix depends only on the field, so the field decides the message.
 */
export function importErrorText(error: { path: string; message: string }): string {
  const column = columns[error.path] ?? error.path;
  const duplicate = /same name as row (\d+)/.exec(error.message);
  if (duplicate) return i18n.t('admin.import.duplicateRow', { row: duplicate[1] ?? '' });
  switch (error.path) {
    case 'name':
      return i18n.t('admin.import.nameError', { column });
    case 'kind':
      return i18n.t('admin.import.kindError', { column });
    case 'population':
    case 'households':
      return i18n.t('admin.import.countError', { column });
    case 'mailboxInstalledOn':
    case 'boardInstalledOn':
      return i18n.t('admin.import.dateError', { column });
    default:
      return `${column}: ${error.message}`;
  }
}

/** A small CSV to start from: the header row the import reads and two example villages. */
export const sampleCsv = [
  'name,kind,population,households,mailbox_installed_on,board_installed_on',
  'Thôn Đông,thon,1250,320,2025-09-15,2025-09-15',
  'Tổ dân phố số 1,to_dan_pho,980,260,,',
].join('\r\n');

/** The sample as URL-encoded file content, with a byte-order mark so spreadsheet programs read UTF-8 (the import strips it). */
export const sampleCsvData = encodeURIComponent(`\uFEFF${sampleCsv}\r\n`);
