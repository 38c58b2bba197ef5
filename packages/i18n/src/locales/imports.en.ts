import type { importsVi } from './imports.vi.ts';

/** English strings of file imports and bulk review (same keys as `imports.vi.ts`). */
export const importsEn: typeof importsVi = {
  imports: {
    issue: {
      row: 'Row {{row}}: {{expect}}',
      found: 'Row {{row}}, column “{{column}}”: “{{found}}” is not right. {{expect}}',
      empty: 'Row {{row}}, column “{{column}}” is empty. {{expect}}',
      exists: 'Row {{row}}: this form is already stored (imported before), so it is not imported again.',
      repeated: 'Row {{row}}: same as row {{first}} (same signer, unit and date), so it is not imported again.',
      questionExists:
        'Row {{row}}: this question is already in the bank (imported before), so it is not imported again.',
    },
    expect: {
      lawCode:
        'Type the code of a law, for example luat-120-2025 (as in an exported question bank), or general for a general-knowledge item.',
      oneOf: 'Type one of: {{values}}.',
      required: 'Fill in this cell.',
      text120: 'Type at most 120 characters.',
      text200: 'Type at most 200 characters.',
      date: 'Type a date as day/month/year, for example 01/04/2026.',
      dateInCampaign: 'Type a date within the campaign, from {{opensOn}} to {{closesOn}}.',
      unit: 'Type the name of one {{target}} of the commune, as listed under Units.',
      members: 'Type a number from 1 to 50.',
      phone: 'Type a Vietnamese phone number, for example 0912 345 678, or leave it empty.',
      count: 'Type a whole number, for example 1,250.',
      villageKind: 'Type “Thôn” or “Tổ dân phố”.',
      uniqueName: 'This name is already on row {{first}}; write each village or residential group once.',
    },
    targets: { village: 'village', school: 'school', organization: 'agency or business' },
    columns: {
      signerName: 'Full name',
      address: 'Address (house number)',
      members: 'Household members',
      phone: 'Phone number',
      guardianName: 'Parent’s name',
      signedOn: 'Date signed',
    },
    unitColumns: { village: 'Village', school: 'School', organization: 'Agency or business' },
    villageColumns: {
      name: 'Village or residential group',
      kind: 'Kind',
      population: 'Population',
      households: 'Households',
      mailboxInstalledOn: 'Mailbox installed',
      boardInstalledOn: 'Hotline board installed',
      active: 'In use',
    },
    villageTemplateTitle: 'VILLAGES AND RESIDENTIAL GROUPS',
    villageExample: { name: 'Thôn Đông (example, delete this row)', kind: 'Thôn', active: 'Có' },
    questionTemplateTitle: 'QUESTION BANK (keep the row of column names below)',
    template: 'Download the template (XLSX)',
    templateHelp:
      'The template has the header row and one example row. A title row above it is fine; type dates as 01/04/2026.',
    example: 'Example, delete this row',
    progress: 'Processing: {{done}}/{{total}} rows',
    progressRead: 'Reading the file…',
    limit: 'At most {{max}} rows per import, and 16 MB per file.',
    existing: '{{count}} rows were imported before and will not be imported again.',
    questionsExisting:
      '{{count}} questions are already in the bank from an earlier import and will not be imported again.',
    onlyProblems: 'Only rows with errors or already stored are listed ({{count}} rows).',
    allGood: 'Every row is valid.',
  },
  bulkReview: {
    select: 'Select entry: {{name}}',
    selectPage: 'Select this page',
    selected: '{{count}} entries selected',
    selectAll: 'Select all {{total}} entries matching the filter',
    allSelected: 'All {{total}} entries matching the filter are selected',
    clear: 'Clear selection',
    verify: 'Verify the selected entries',
    reject: 'Mark as not valid',
    reason: 'Why they are not valid',
    confirmVerify: 'Verify {{count}} entries?',
    confirmReject: 'Mark {{count}} entries as not valid?',
    confirmHelp: 'Only entries awaiting review change; the action is written to the audit log.',
    working: 'Updating {{count}} entries…',
    result: '{{changed}} entries updated; {{unchanged}} left as they were (already reviewed).',
    done: '{{count}} entries updated.',
    shortcuts:
      'Shortcuts: J/K move between rows, X selects a row, A selects the page, V verifies, R marks not valid, Esc clears.',
    confirm: 'Confirm',
    cancel: 'Cancel',
  },
  duplicateReview: {
    compare: 'Compare',
    field: 'Field',
    kept: 'Entry kept ({{code}})',
    other: 'Possible duplicate ({{code}})',
    same: 'Same',
    differs: 'Differs',
    diacritics: 'Differs only by a diacritic',
    diffHelp: 'Letters that differ are bold and underlined. Two different people can have names one diacritic apart.',
    confirmTitle: 'Mark entry {{code}} as a duplicate?',
    confirmBody:
      'Entry {{code}} will no longer count; entry {{kept}} is kept. Only do this when you are sure it is the same signer.',
    confirm: 'Mark as duplicate',
    cancel: 'No, keep both',
    signedAt: 'Date signed',
    channel: 'How signed',
  },
  errors: {
    import_too_many_rows:
      'The file has {{found}} data rows, over the limit of {{max}} rows per import. Split it into smaller files.',
    import_no_header:
      'No header row was found in the file (such as “Họ và tên”, “Thôn, tổ dân phố”, “Ngày ký”). Download the template and keep its header row.',
    import_file_too_large: 'The file is too large: at most 16 MB per import. Split it into smaller files.',
    bulk_review_changed:
      'The list has changed: {{found}} pending entries now match the filter, not {{expected}}. Nothing was updated; look again and retry.',
    bulk_review_too_many: 'At most {{max}} entries can be updated at once. Narrow the filter and try again.',
  },
};
