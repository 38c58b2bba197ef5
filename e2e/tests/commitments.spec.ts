import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';
import { expectAccessible } from './axe.ts';
import { pdfBytesText } from './pdf-text.ts';
import { adminApi as kioskAdmin, pairOnPage, waitForServiceWorker } from './kiosk-helpers.ts';
import { ownServerPassword, startOwnServer } from './server.ts';
import { signIn } from './sign-in.ts';
import { scaled } from '../timeouts.ts';

interface Setup {
  api: APIRequestContext;
  communeId: string;
  campaignId: string;
  village: { id: string; name: string };
}

/** Signed in as admin on a server: the demo commune Gia Viên, its household campaign and one residential group. */
async function setup(baseURL: string, password: string, villageIndex: number): Promise<Setup> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await api.post('/api/auth/login', { data: { username: 'admin', password } });
  expect(login.status()).toBe(200);
  const communes = (await (await api.get('/api/units/communes')).json()).items as { id: string; code: string }[];
  const communeId = communes.find((c) => c.code === 'HP-GIAVIEN')!.id;
  const offer = await (await api.get(`/api/public/commitments/campaigns?communeId=${communeId}`)).json();
  const campaignId = (offer.campaigns as { id: string; kind: string }[]).find((c) => c.kind === 'household')!.id;
  return { api, communeId, campaignId, village: offer.villages[villageIndex] };
}

async function entriesOf(s: Setup, signerName: string) {
  const res = await s.api.get(
    `/api/commitments/entries?communeId=${s.communeId}&villageId=${s.village.id}&pageSize=200`,
  );
  const { items } = (await res.json()) as { items: { id: string; signerName: string; status: string }[] };
  return items.filter((e) => e.signerName === signerName);
}

/** Fills the signing form for a household, then signs with the mouse, a finger (touch pointer) or the typed name. */
async function signHousehold(page: Page, name: string, how: 'mouse' | 'touch' | 'typed') {
  await page.getByLabel('Họ và tên chủ hộ').fill(name);
  await page.getByLabel('Số nhà, đường, ngõ').fill('Số nhà 8, ngõ 12');
  await page.getByLabel('Số người trong hộ').fill('4');
  await page.getByLabel('Tôi đã đọc và đồng ý').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  const pad = page.getByLabel('Khung ký tên');
  if (how === 'mouse') {
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(box.x + 30 + i * 18, box.y + box.height / 2 + (i % 2 ? -25 : 25));
    await page.mouse.up();
  } else if (how === 'touch') {
    // A finger on a touch screen reaches the pad as pointer events of type "touch".
    await pad.evaluate((canvas) => {
      const r = canvas.getBoundingClientRect();
      const at = (type: string, i: number, buttons: number) =>
        new PointerEvent(type, {
          pointerId: 7,
          pointerType: 'touch',
          isPrimary: true,
          buttons,
          pressure: 0.5,
          clientX: r.left + 20 + i * 15,
          clientY: r.top + r.height / 2 + (i % 2 ? -20 : 20),
          bubbles: true,
          cancelable: true,
        });
      canvas.dispatchEvent(at('pointerdown', 0, 1));
      for (let i = 1; i < 12; i++) canvas.dispatchEvent(at('pointermove', i, 1));
      canvas.dispatchEvent(at('pointerup', 12, 0));
    });
  } else {
    await page.getByRole('radio', { name: 'Gõ họ tên' }).check();
    await page.getByLabel('Gõ đúng họ và tên của bạn để thay chữ ký').fill(name);
  }
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByRole('heading', { name: 'Xem lại trước khi gửi' })).toBeVisible();
}

test.describe('commitments', () => {
  test('signs on a phone-size screen with a drawn signature, and the receipt code checks out', async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const s = await setup(baseURL!, adminPassword, 0);
    const name = `Nguyễn Văn Điện ${Math.random().toString(36).slice(2, 6)}`;
    try {
      await page.goto(`/commitment?commune=${s.communeId}&campaign=${s.campaignId}&unit=${s.village.id}`);
      await expect(page.getByLabel('Thôn, tổ dân phố')).toHaveValue(s.village.id);
      await expectAccessible(page, 'commitment details');
      // A missing field is named, next to it.
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await expect(page.getByText('Xin điền ô này.').first()).toBeVisible();
      await expect(page.getByText('Cần đồng ý thì mới ký được.')).toBeVisible();

      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await signHousehold(page, name, 'mouse');
      await expect(page.getByText(name)).toBeVisible();
      await expect(page.getByRole('img', { name: 'Chữ ký' })).toBeVisible();
      await expectAccessible(page, 'commitment review');
      await page.getByRole('button', { name: 'Ký và gửi' }).click();

      const code = page.getByTestId('receipt-code');
      await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expect(page.getByRole('img', { name: 'Mã QR để kiểm tra biên nhận' })).toBeVisible();
      await expectAccessible(page, 'commitment receipt');
      const receipt = (await code.textContent())!;

      const stored = await entriesOf(s, name);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.status).toBe('submitted');
      const detail = await (await s.api.get(`/api/commitments/entries/${stored[0]!.id}`)).json();
      expect(detail).toMatchObject({ signatureKind: 'drawn', channel: 'online', members: 4 });
      expect(detail.signature).toMatch(/^data:image\/png;base64,/);

      const pdf = await page.request.get(
        await page
          .getByRole('link', { name: 'Tải bản PDF' })
          .getAttribute('href')
          .then((h) => h!),
      );
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      // The signer's copy is in the kiosk's language, with the receipt code the screen showed.
      const copy = await pdfBytesText(new Uint8Array(await pdf.body()));
      expect(copy).toContain(`Mãphiếu:${receipt}`);
      expect(copy).toContain('Tìnhtrạng:Đãnhận,chờxácnhận');

      await page.getByRole('link', { name: 'Kiểm tra mã' }).click();
      await expect(page.getByTestId('check-result')).toContainText('Chờ xác nhận');
      await expect(page.getByText(name)).toHaveCount(0);
      await expectAccessible(page, 'receipt check');
      await page.getByLabel('Mã biên nhận').fill('ABCD-EFG0');
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await expect(page.getByText('Mã gồm 8 chữ và số')).toBeVisible();
      await page.getByLabel('Mã biên nhận').fill(receipt.toLowerCase().replace('-', ' '));
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await expect(page.getByTestId('check-result')).toContainText('Chờ xác nhận');
    } finally {
      await s.api.dispose();
    }
  });

  test('signs offline, survives a reload, and is stored exactly once when the network returns', async ({ page }) => {
    test.setTimeout(scaled(120_000));
    await page.setViewportSize({ width: 390, height: 844 });
    let server = await startOwnServer(4511);
    const s = await setup(server.baseURL, ownServerPassword, 1);
    const name = 'Trần Thị Ngoại Tuyến';
    try {
      await page.goto(
        `${server.baseURL}/commitment?commune=${s.communeId}&campaign=${s.campaignId}&unit=${s.village.id}`,
      );
      await waitForServiceWorker(page);
      await expect(page.getByLabel('Họ và tên chủ hộ')).toBeVisible();

      await server.stop();
      await signHousehold(page, name, 'typed');
      await page.getByRole('button', { name: 'Ký và gửi' }).click();
      await expect(page.getByText('Chưa gửi được', { exact: true })).toBeVisible();
      await expect(page.getByText(/Phiếu đã được giữ an toàn trên máy/)).toBeVisible();

      await page.reload();
      await expect(page.getByTestId('my-receipt')).toContainText('Chưa gửi được');

      server = await startOwnServer(4511, { dataDir: server.dataDir });
      await expect(page.getByTestId('my-receipt').getByRole('link')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/, {
        timeout: scaled(45_000),
      });
      await s.api.dispose();
      const again = await setup(server.baseURL, ownServerPassword, 1);
      try {
        expect(await entriesOf(again, name)).toHaveLength(1);
      } finally {
        await again.api.dispose();
      }
      // Personal fields left the device once the server had the entry.
      const stored = await page.evaluate(
        () =>
          new Promise<string>((ok) => {
            const open = indexedDB.open('vungxanh-kiosk');
            open.onsuccess = () => {
              const all = open.result.transaction('commitments').objectStore('commitments').getAll();
              all.onsuccess = () => ok(JSON.stringify(all.result));
            };
          }),
      );
      expect(stored).not.toContain(name);
      expect(stored).toContain('"state":"sent"');
    } finally {
      await server.stop();
    }
  });

  test('on a kiosk: hands the form to a phone, signs as channel kiosk, and forgets the receipt when done', async ({
    page,
    baseURL,
  }) => {
    const admin = await kioskAdmin(baseURL!, adminPassword);
    const s = await setup(baseURL!, adminPassword, 0);
    const name = `Hoàng Văn Ki ${Math.random().toString(36).slice(2, 6)}`;
    try {
      const kiosk = await admin.createKiosk({ villageIndex: 0 });
      await pairOnPage(page, baseURL!, kiosk.code);
      await page.goto('/commitment');
      await page.getByRole('button', { name: /Cam kết hộ gia đình không ma túy/ }).click();
      // The kiosk's own residential group is chosen already.
      await expect(page.getByLabel('Thôn, tổ dân phố')).toHaveValue(kiosk.village.id);

      await page.getByRole('button', { name: 'Mở trên điện thoại của tôi' }).click();
      await expect(page.getByRole('img', { name: 'Mở trên điện thoại của tôi' })).toBeVisible();
      await expectAccessible(page, 'phone handoff');
      await page.getByRole('button', { name: 'Đóng' }).click();

      await signHousehold(page, name, 'touch');
      await page.getByRole('button', { name: 'Ký và gửi' }).click();
      await expect(page.getByTestId('receipt-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const [entry] = await entriesOf({ ...s, village: kiosk.village }, name);
      const detail = await (await s.api.get(`/api/commitments/entries/${entry!.id}`)).json();
      expect(detail).toMatchObject({ channel: 'kiosk', signatureKind: 'drawn' });

      await page.getByRole('button', { name: 'Xong' }).click();
      await expect(page.getByRole('heading', { name: 'Chọn bản cam kết' })).toBeVisible();
      await expect(page.getByText(name)).toHaveCount(0);
      const left = await page.evaluate(
        () =>
          new Promise<number>((ok) => {
            const open = indexedDB.open('vungxanh-kiosk');
            open.onsuccess = () => {
              const req = open.result.transaction('commitments').objectStore('commitments').count();
              req.onsuccess = () => ok(req.result);
            };
          }),
      );
      expect(left).toBe(0);
    } finally {
      await admin.dispose();
      await s.api.dispose();
    }
  });

  test('a village head verifies one entry and rejects another', async ({ page, baseURL }) => {
    const s = await setup(baseURL!, adminPassword, 2);
    const suffix = Math.random().toString(36).slice(2, 6);
    const names = [`Lê Văn Xác ${suffix}`, `Phạm Thị Bác ${suffix}`];
    try {
      for (const signerName of [...names, `le van  xac ${suffix}`]) {
        const res = await s.api.post('/api/public/commitments/entries', {
          data: {
            id: crypto.randomUUID(),
            campaignId: s.campaignId,
            villageId: s.village.id,
            signerName,
            address: 'Số 3',
            members: 2,
            consent: true,
            signature: { kind: 'typed', name: signerName },
          },
        });
        expect(res.status()).toBe(201);
      }
      const username = `e2e-head-${suffix}`;
      const password = 'e2e-password-12345';
      const created = await s.api.post('/api/accounts', {
        data: { username, displayName: 'Tổ trưởng thử', role: 'village_head', password, villageId: s.village.id },
      });
      expect(created.status(), await created.text()).toBe(201);

      await signIn(page, username, password);
      await page.goto('/admin/commitments');
      await expect(page.getByText('Bạn xét duyệt phiếu hộ gia đình của thôn mình.')).toBeVisible();
      await expectAccessible(page, 'admin commitments');

      // The rule proposes the second "Lê Văn Xác" at the same house; the head decides.
      const proposals = page.getByRole('region', { name: 'Có thể trùng (1)' });
      await expect(proposals).toContainText(`le van xac ${suffix}`);
      // Side by side first (the two spellings differ only in spacing and case), then a confirmation.
      await proposals.getByRole('button', { name: /So sánh/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Đánh dấu trùng' }).click();
      await expect(page.getByText('Đã lưu: Trùng.')).toBeVisible();
      await expect(proposals).toBeHidden();

      await page.getByRole('button', { name: `Xem: ${names[0]}` }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByText(`Chữ ký gõ: ${names[0]}`)).toBeVisible();
      await expectAccessible(page, 'entry review');
      await dialog.getByRole('button', { name: 'Xác nhận' }).click();
      await expect(page.getByText('Đã lưu: Đã xác nhận.')).toBeVisible();

      await page.getByRole('button', { name: `Xem: ${names[1]}` }).click();
      await dialog.getByRole('button', { name: 'Không hợp lệ' }).click();
      await expect(dialog.getByText('Xin điền', { exact: false }).or(dialog.locator('.error'))).toBeVisible();
      await dialog.getByLabel('Lý do').fill('Không có hộ này trong tổ');
      await dialog.getByRole('button', { name: 'Không hợp lệ' }).click();
      await expect(page.getByText('Đã lưu: Không hợp lệ.')).toBeVisible();

      const [verified] = await entriesOf(s, names[0]!);
      const [rejected] = await entriesOf(s, names[1]!);
      expect(verified!.status).toBe('verified');
      expect(rejected!.status).toBe('rejected');

      await page.goto('/admin/commitments?tab=coverage');
      await expect(page.getByRole('heading', { name: /Độ phủ cam kết năm/ })).toBeVisible();
      await expectAccessible(page, 'commitment coverage');
    } finally {
      await s.api.dispose();
    }
  });

  test('a commune admin creates and edits a campaign, imports paper forms (all or nothing, then valid rows only), sees retention', async ({
    page,
    baseURL,
  }) => {
    const s = await setup(baseURL!, adminPassword, 0);
    try {
      await signIn(page, 'admin', adminPassword);
      await page.goto(`/admin/commitments?commune=${s.communeId}&tab=campaigns`);
      await expect(page.getByRole('heading', { name: /Cam kết hộ gia đình không ma túy năm/ })).toBeVisible();
      await expectAccessible(page, 'campaigns');
      const title = `Cam kết trường học thử ${Math.random().toString(36).slice(2, 6)}`;
      await page.getByRole('button', { name: 'Tạo đợt cam kết' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Loại').selectOption('school');
      await expect(dialog.getByLabel('Nội dung cam kết')).toHaveValue(/nhà trường cam kết/);
      await dialog.getByLabel('Tên đợt').fill(title);
      await expectAccessible(page, 'campaign form');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
      await expect(card).toContainText('Mẫu số 1');
      await card.getByRole('button', { name: `Sửa: ${title}` }).click();
      await dialog.getByLabel('Nội dung cam kết').fill('Nhà trường cam kết không để ma túy vào trường, phiên bản mới.');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await expect(card).toContainText('Mẫu số 2');
      await page.goto(`/admin/commitments?commune=${s.communeId}&tab=paper`);
      await page.getByLabel('Đợt cam kết').selectOption(s.campaignId);
      const year = new Date().getFullYear();
      const suffix = Math.random().toString(36).slice(2, 6);
      await page.getByLabel('Tệp phiếu giấy').setInputFiles({
        name: 'phieu.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `Họ tên,Thôn,Số nhà,Số nhân khẩu,Ngày ký\nĐinh Văn Giấy ${suffix},${s.village.name},5,3,${year}-03-02\n,${s.village.name},6,x,${year}-03-02\n`,
        ),
      });
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await expect(page.getByRole('heading', { name: '1 dòng hợp lệ, 1 dòng lỗi' })).toBeVisible();
      await expectAccessible(page, 'paper import report');
      await page.getByRole('button', { name: 'Nhập', exact: true }).click();
      await expect(page.getByText(/Không nhập dòng nào vì tệp có dòng lỗi/)).toBeVisible();
      expect(await entriesOf(s, `Đinh Văn Giấy ${suffix}`)).toHaveLength(0);
      await page.getByLabel('Chỉ nhập các dòng hợp lệ').check();
      await page.getByRole('button', { name: 'Nhập', exact: true }).click();
      await expect(page.getByText('Đã nhập 1 phiếu, bỏ qua 1 dòng lỗi.')).toBeVisible();
      expect(await entriesOf(s, `Đinh Văn Giấy ${suffix}`)).toHaveLength(1);
      await page.goto(`/admin/commitments?commune=${s.communeId}&tab=privacy`);
      await expect(page.getByLabel('Thời gian lưu thông tin cá nhân (tháng)')).toHaveValue('36');
      await expectAccessible(page, 'privacy');
    } finally {
      await s.api.dispose();
    }
  });
});
