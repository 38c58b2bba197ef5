import type { Messages } from '../resources.ts';

/** English strings of the contest bank (the type mirrors the Vietnamese source). */
export const contestBankEn: {
  contestBank: Messages['contestBank'];
  errors: Pick<Messages['errors'], 'contest_round_not_ended' | 'contest_closed_for_questions'>;
} = {
  contestBank: {
    link: 'Contest questions',
    title: 'Contest questions',
    help: 'Papers are drawn from the national contest bank, the commune’s contest bank and the contest’s own questions below. Contest questions never show on a kiosk or in self-check until the round has closed and the organizers release them to practice.',
    gatesTitle: 'Question quality checks',
    banks: { practice: 'Practice bank ({{count}} items)', contest: 'Contest bank ({{count}} items)' },
    poolSize: 'Questions one paper can draw from: {{count}}',
    longest: 'The right option is the longest: {{share}} of single-choice items (limit 35 %)',
    trueShare: 'True/false items whose key is “True”: {{share}} (aim for 40–60 %)',
    multipleFlagged: 'Multiple-choice keys lack variety.',
    groups: 'Exclusion groups: {{count}}',
    proposals: 'Items that may give each other away (put them in one group): {{ids}}',
    ineligible: 'Items citing no article of a named legal text, so not fit for scoring: {{count}}',
    flagged: 'Needs a look',
    ok: 'Passes',
    own: 'Own questions ({{count}})',
    none: 'The contest has no questions of its own yet.',
    add: 'Add a question',
    added: 'Question added to the contest.',
    retire: 'Retire',
    restore: 'Use again',
    importTitle: 'Import questions from XLSX',
    importHelp:
      'The file follows the template of “Import and export questions” under Content. Imported questions belong to this contest only.',
    imported: '{{created}} questions imported.',
    analysisLink: 'Item analysis',
    analysisTitle: 'Item analysis: {{round}}',
    analysisHelp:
      'Computed on each person’s counted attempt (per the round’s rule). Discrimination is the share right among the top 27 % minus the share right among the bottom 27 %.',
    attempts: 'Attempts counted: {{count}}',
    question: 'Question',
    origin: 'Source',
    origins: { national: 'National bank', commune: 'Commune bank', contest: 'Own question' },
    facility: 'Share right',
    discrimination: 'Discrimination',
    options: 'Times each option was chosen',
    correct: 'right',
    flags: {
      too_easy: 'Too easy',
      too_hard: 'Too hard',
      negative_discrimination: 'Negative discrimination',
      weak_discrimination: 'Weak discrimination',
      unused_distractor: 'A distractor nobody chose',
    },
    fix: 'Edit',
    export: 'Download the analysis (XLSX)',
    releaseTitle: 'Release questions to practice',
    releaseHelp:
      'Puts this round’s questions into self-check on the commune’s kiosks. National bank items are the system administrator’s call; items another running round drew are kept back.',
    release: 'Release to practice',
    released: '{{released}} questions released; {{kept}} kept back.',
    empty: 'No counted attempts yet.',
  },
  errors: {
    contest_round_not_ended: 'The round has not ended: item analysis and release to practice come after it closes.',
    contest_closed_for_questions: 'The contest is closed, so no more questions can be added.',
  },
};
