/** English strings for sharing a contest and moving a registration to a new phone. */
export const contestShareEn = {
  contestShare: {
    title: 'Share the contest',
    hint: 'Post the link or QR code in the village Zalo group, or print the poster for the cultural house. The link opens registration on a phone.',
    link: 'Short link',
    copy: 'Copy link',
    copied: 'Link copied.',
    qrAlt: 'QR code opening the contest {{title}}',
    poster: 'Download the A4 poster (PDF)',
    draftNote: 'The contest is not published yet: the link opens once it is.',
    opening: 'Opening the contest…',
    recoveryTitle: 'Your recovery code',
    recoveryHint:
      'Write down or print this code and keep it to yourself. If you change or lose your phone, enter your phone number and this code to carry on; attempts you made still count. Do not give the code to anyone.',
    recoveryPrint: 'Print the recovery code',
    recoveryDone: 'I have kept the code',
    recoverTitle: 'Continue on this device',
    recoverHint:
      'This phone number is already registered. If it is yours, enter the recovery code you got at registration to move to this device. The old device can no longer take part; your attempts do not change.',
    recoverPhone: 'Registered phone number',
    recoverCode: 'Recovery code (12 characters)',
    recoverSubmit: 'Move to this device',
    recoverOpen: 'Registered on another phone? Use your recovery code',
    unitHint: 'Type part of the name, accents optional (e.g. thon 1, thcs), then pick from the list.',
    unitNone: 'No unit matches. Try fewer letters.',
    recovered: 'Moved to this device. Here is your new recovery code (the old one no longer works).',
  },
  errors: {
    contest_recovery_failed: 'The phone number or recovery code is not right.',
  },
};
