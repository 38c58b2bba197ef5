import type ExcelJS from 'exceljs';
import type JSZipType from 'jszip';
import type QRCodeType from 'qrcode';

/**
 * Libraries that only downloads and sign-in set-up use, loaded on first use: together they took seconds to import
 * (exceljs alone 3.6 s on a busy 2-core machine), which every start of the server and every test paid before
 * answering anything. Each loads once; later calls share the same promise.
 */
const once = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

export const loadExcel = once(async (): Promise<typeof ExcelJS> => (await import('exceljs')).default);
export const loadJsZip = once(async (): Promise<typeof JSZipType> => (await import('jszip')).default);
const loadQr = once(async (): Promise<typeof QRCodeType> => (await import('qrcode')).default);

/** A new, empty workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcel();
  return new Workbook();
}

/** A QR code as a PNG data URL. */
export async function qrDataUrl(text: string, options: QRCodeType.QRCodeToDataURLOptions): Promise<string> {
  return (await loadQr()).toDataURL(text, options);
}

/** The QR of a printed poster: large, and error correction M, which survives a creased sheet or a blurred photo. */
export const posterQr = (url: string) => qrDataUrl(url, { margin: 2, width: 480, errorCorrectionLevel: 'M' });
