/** English strings for applying a release of the shipped lessons and questions. */
export const contentReleaseEn = {
  contentRelease: {
    tab: 'Shipped content updates',
    title: 'Shipped content updates',
    hint: 'A new version of the software may ship corrected lessons and questions. Preview what will change, then apply. Content edited locally is never overwritten.',
    version: 'Content version: {{version}}',
    lastApplied: 'Last update applied: {{date}}',
    neverApplied: 'No update applied yet.',
    upToDate: 'The content is up to date: nothing to apply.',
    apply: 'Apply update',
    confirm:
      'Apply the content update? Lessons and questions not edited locally are replaced by the new version; edited ones are kept.',
    applied: 'Content update applied.',
    nothing: 'Nothing changed.',
    columns: { kind: 'Kind', title: 'Content', action: 'Change', bank: 'Bank' },
    kinds: { lesson: 'Lesson', question: 'Question' },
    banks: { practice: 'Practice (public)', contest: 'Contest (not public)' },
    actions: {
      add: 'New',
      update: 'Updated to the new version',
      unchanged: 'Unchanged',
      keep_edited: 'Edited locally: kept',
      move_to_contest: 'Moved to the contest bank (removed from public practice)',
      move_to_practice: 'Moved to practice',
      retire: 'No longer shipped: marked outdated',
    },
  },
};
