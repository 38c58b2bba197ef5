import { newWorkbook } from '../../lib/lazy-modules.ts';
import type { Locale } from '@vungxanh/i18n';
import { resources } from '@vungxanh/i18n/server';
import { fill, officialHeading, renderPdf, type PdfContent } from '../../lib/pdf.ts';
import { addTable, xlsxBytes, type CellKind, type CellValue } from '../../lib/xlsx.ts';

/** The contest's files (XLSX sheets, winners' certificates) in the console's language: labels, not codes. */

type Words = (typeof resources)['vi']['documents'];
type ColumnKey = keyof Words['columns'];

const sheets = {
  participants: [
    ['fullName', 28, 'text'],
    ['birthYear', 10, 'year'],
    ['phone', 14, 'text'],
    ['unitName', 28, 'text'],
    ['guardianName', 24, 'text'],
    ['status', 14, 'text'],
    ['statusReason', 30, 'text'],
    ['registeredAt', 18, 'dateTime'],
  ],
  attempts: [
    ['fullName', 28, 'text'],
    ['phone', 14, 'text'],
    ['attemptNo', 8, 'integer'],
    ['startedAt', 18, 'dateTime'],
    ['submittedAt', 18, 'dateTime'],
    ['closedReason', 14, 'text'],
    ['score', 8, 'integer'],
    ['total', 8, 'integer'],
    ['seconds', 14, 'decimal'],
    ['prediction', 10, 'integer'],
    ['flagged', 10, 'text'],
  ],
  ranking: [
    ['place', 8, 'integer'],
    ['fullName', 28, 'text'],
    ['birthYear', 10, 'year'],
    ['phone', 14, 'text'],
    ['unitName', 28, 'text'],
    ['score', 8, 'integer'],
    ['seconds', 14, 'decimal'],
    ['prediction', 10, 'integer'],
    ['predictionGap', 16, 'integer'],
    ['submittedAt', 18, 'dateTime'],
    ['prize', 18, 'text'],
    ['status', 14, 'text'],
    ['held', 20, 'text'],
  ],
} as const satisfies Record<string, readonly (readonly [ColumnKey, number, CellKind])[]>;

export type ContestSheet = keyof typeof sheets;
type Status = keyof Words['values']['participantStatuses'];
type Closed = keyof Words['values']['closedReasons'];

/** One row of a contest sheet, codes as stored; the sheet turns them into labels. */
export interface ContestSheetRow {
  fullName: string;
  phone: string;
  birthYear?: number;
  unitName?: string;
  guardianName?: string | null;
  status?: Status;
  statusReason?: string | null;
  registeredAt?: Date | string;
  attemptNo?: number;
  startedAt?: Date | number | string;
  submittedAt?: Date | number | string | null;
  closedReason?: Closed | null;
  score?: number | null;
  total?: number;
  durationMs?: number | null;
  prediction?: number | null;
  place?: number | null;
  predictionGap?: number | null;
  prize?: string | null;
  flagged?: boolean;
  held?: boolean;
}

/** Seconds with one decimal, as a number cell. */
const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms / 100) / 10);

/**
 * Participants, a round's attempts or its ranking as XLSX: headers and statuses in `locale`, years, counts and
 * seconds as number cells, times as date cells in Vietnam time, formula-like text neutralised.
 */
export async function contestSheetXlsx(
  kind: ContestSheet,
  rows: readonly ContestSheetRow[],
  locale: Locale,
): Promise<Uint8Array> {
  const t = resources[locale].documents;
  const mark = (on: boolean | undefined) => (on ? t.values.yes : '');
  const book = await newWorkbook();
  book.creator = 'Vùng Xanh';
  addTable(
    book,
    t.sheets[kind],
    sheets[kind].map(([key, width, cellKind]) => ({ key, header: t.columns[key], width, kind: cellKind })),
    rows.map((r): Partial<Record<ColumnKey, CellValue>> => ({
      ...r,
      status: r.status ? t.values.participantStatuses[r.status] : '',
      closedReason: t.values.closedReasons[r.closedReason ?? 'open'],
      submittedAt: r.submittedAt ?? null,
      seconds: seconds(r.durationMs),
      flagged: mark(r.flagged),
      held: mark(r.held),
    })),
  );
  return xlsxBytes(book);
}

export interface ItemAnalysisRow {
  ref: string | null;
  origin: keyof Words['values']['origins'];
  text: string;
  attempts: number;
  facility: number;
  discrimination: number | null;
  options: readonly { id: string; text: string; correct: boolean; chosen: number }[];
  flags: readonly string[];
}

/** A round's item analysis as XLSX, in `locale`: shares as percent cells, warnings as words. */
export async function itemAnalysisXlsx(items: readonly ItemAnalysisRow[], locale: Locale): Promise<Uint8Array> {
  const t = resources[locale].documents;
  const flags: Record<string, string> = t.values.itemFlags;
  const book = await newWorkbook();
  const columns = [
    ['ref', 14, 'text'],
    ['origin', 22, 'text'],
    ['question', 60, 'text'],
    ['papers', 10, 'integer'],
    ['facility', 14, 'percent'],
    ['discrimination', 18, 'decimal'],
    ['options', 60, 'text'],
    ['flags', 30, 'text'],
  ] as const;
  const sheet = addTable(
    book,
    t.sheets.analysis,
    columns.map(([key, width, kind]) => ({ key, header: t.columns[key], width, kind })),
    items.map((item) => ({
      ref: item.ref,
      origin: t.values.origins[item.origin],
      question: item.text,
      papers: item.attempts,
      facility: item.facility,
      discrimination: item.discrimination,
      options: item.options
        .map((o) => `${o.id}${o.correct ? ` ${t.values.correct}` : ''}: ${o.chosen} · ${o.text}`)
        .join('\n'),
      flags: item.flags.map((f) => flags[f] ?? f).join('; '),
    })),
  );
  // Two decimals for discrimination (−1…1), where one would hide the difference between weak and fair items.
  sheet.getColumn(6).eachCell((cell, row) => {
    if (row > 1) cell.numFmt = '0.00';
  });
  return xlsxBytes(book);
}

export interface Winner {
  fullName: string;
  birthYear: number;
  unitName: string;
  prize: string;
  score: number;
}

/** The winners' certificates of a round, one A4 page each, in `locale` (certificates keep their own face). */
export function winnersCertificatesPdf(input: {
  locale: Locale;
  contestTitle: string;
  roundName: string;
  questionCount: number;
  publishedAt: Date;
  /** The host commune's name, or none for a province contest (run by the provincial Youth Union). */
  communeName: string | null;
  provinceName: string;
  winners: readonly Winner[];
}): Promise<Buffer> {
  const words = resources[input.locale].documents;
  const t = words.contestCertificate;
  const hostName = input.communeName ?? input.provinceName;
  const authority = input.communeName
    ? fill(words.official.committee, { name: input.communeName })
    : fill(t.provinceUnion, { name: input.provinceName });
  const pages: PdfContent[] = input.winners.map((w, i) => ({
    stack: [
      ...officialHeading({
        locale: input.locale,
        authority,
        issuer: t.organizer,
        place: hostName,
        date: input.publishedAt,
      }),
      { text: t.title.toUpperCase(), bold: true, fontSize: 22, alignment: 'center', margin: [0, 36, 0, 8] },
      {
        text: fill(t.contest, { title: input.contestTitle }),
        italics: true,
        alignment: 'center',
        margin: [0, 0, 0, 28],
      },
      { text: t.certifies, margin: [0, 0, 0, 10] },
      { text: w.fullName, bold: true, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 10] },
      {
        text: fill(t.details, { year: w.birthYear, unit: w.unitName }),
        alignment: 'center',
        margin: [0, 0, 0, 18],
      },
      {
        text: [
          t.achieved,
          { text: w.prize, bold: true },
          fill(t.result, { round: input.roundName, score: w.score, total: input.questionCount }),
        ],
        alignment: 'center',
      },
      { text: t.onBehalf.toUpperCase(), bold: true, alignment: 'right', margin: [0, 60, 40, 0] },
    ],
    ...(i < input.winners.length - 1 ? { pageBreak: 'after' as const } : {}),
  }));
  return renderPdf({
    info: { title: `${t.title} - ${input.contestTitle} - ${input.roundName}` },
    content: pages.length ? pages : [{ text: t.none }],
  });
}
