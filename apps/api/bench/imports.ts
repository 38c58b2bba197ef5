/**
 * A 50,000-row file of signed paper forms, as a commune office would upload it (a title row merged
 * above the header, dates typed as text): the time to check it and to import it, on a server and
 * database of its own. Beside the wall time, the server's CPU time for each request (from
 * /proc/<pid>/stat), which other work on the machine disturbs far less.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { maxImportRows } from '@vungxanh/domain';
import { password, start, stop, type BenchContext } from './server.ts';

/** User + system CPU seconds a process has used so far (Linux), or null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export async function benchImports(ctx: BenchContext): Promise<string[]> {
  const { url, child } = await start(join(ctx.dir, 'imports.db'));
  try {
    const headers = { origin: url, 'content-type': 'application/json' };
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'admin', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const communes = (await (await fetch(`${url}/api/public/communes`)).json()) as { items: { id: string }[] };
    const communeId = communes.items[0]!.id;
    const offer = (await (await fetch(`${url}/api/public/commitments/campaigns?communeId=${communeId}`)).json()) as {
      campaigns: { id: string; kind: string; opensOn: string }[];
      villages: { name: string }[];
    };
    const campaign = offer.campaigns.find((c) => c.kind === 'household')!;
    const [y, m, d] = campaign.opensOn.split('-');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Phieu');
    sheet.addRow(['DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT']);
    sheet.mergeCells(1, 1, 1, 6);
    sheet.addRow(['Họ và tên', 'Thôn, tổ dân phố', 'Địa chỉ (số nhà)', 'Số nhân khẩu', 'Số điện thoại', 'Ngày ký']);
    for (let i = 0; i < maxImportRows; i++) {
      const village = offer.villages[i % offer.villages.length]!.name;
      sheet.addRow([`Nguyễn Văn Hộ ${i + 1}`, village, `Số ${i + 1}`, String((i % 6) + 1), '', `${d}/${m}/${y}`]);
    }
    const file = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const lines = [
      '',
      `Paper import of ${maxImportRows.toLocaleString('en-US')} rows (${(file.length / 1e6).toFixed(1)} MB XLSX):`,
    ];
    for (const mode of ['check', 'all_or_nothing'] as const) {
      const form = new FormData();
      form.set('file', new File([file], 'phieu.xlsx'));
      form.set('campaignId', campaign.id);
      form.set('mode', mode);
      const cpu0 = cpuSeconds(child.pid!);
      const t0 = performance.now();
      const res = await fetch(`${url}/api/commitments/import`, {
        method: 'POST',
        headers: { origin: url, cookie },
        body: form,
      });
      const report = (await res.json()) as { valid?: number; invalid?: number; created?: number; code?: string };
      const wall = (performance.now() - t0) / 1000;
      const cpu1 = cpuSeconds(child.pid!);
      if (res.status !== 200 || report.invalid !== 0)
        throw new Error(`import ${mode}: ${res.status} ${JSON.stringify(report).slice(0, 300)}`);
      const cpu = cpu0 !== null && cpu1 !== null ? `   server CPU ${(cpu1 - cpu0).toFixed(1)} s` : '';
      const what = mode === 'check' ? `check (${report.valid} valid)` : `import (${report.created} created)`;
      lines.push(`${what.padEnd(50)} wall ${wall.toFixed(1).padStart(5)} s${cpu}`);
    }
    return lines;
  } finally {
    await stop(child);
  }
}
