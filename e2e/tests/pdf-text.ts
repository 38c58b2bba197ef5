import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a downloaded PDF, without whitespace (PDF text runs split words unpredictably). */
export async function pdfText(download: Download): Promise<string> {
  return pdfBytesText(new Uint8Array(await readFile((await download.path())!)));
}

/** The same for a PDF's bytes (a response the test fetched itself). */
export async function pdfBytesText(data: Uint8Array): Promise<string> {
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++)
    text += (await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
  await doc.destroy();
  return text.replace(/\s+/g, '');
}
