import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF, lines joined by spaces, for tests that read generated documents. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

export interface PdfTextItem {
  page: number;
  text: string;
  /** Left edge and baseline in points from the page's bottom-left corner, to 0.1 pt. */
  x: number;
  y: number;
}

/** Every run of text of a PDF with its position, in reading order, for tests that check a document's layout. */
export async function pdfTextItems(pdf: Uint8Array): Promise<PdfTextItem[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const items: PdfTextItem[] = [];
  const round = (n: number) => Math.round(n * 10) / 10;
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      items.push({
        page,
        text: item.str,
        x: round(item.transform[4] as number),
        y: round(item.transform[5] as number),
      });
    }
  }
  await doc.destroy();
  return items;
}
