import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { databaseFile } from '../playwright.config.ts';
import { request } from '@playwright/test';
import { adminApi, demoCommunes } from './api.ts';
import { pairOnPage } from './kiosk-helpers.ts';
import { expectAccessible } from './axe.ts';
import { signIn } from './sign-in.ts';

const suffix = () => Math.random().toString(36).slice(2, 8);
const password = 'e2e-password-12345';
const passphrase = 'Cây đa đầu làng có bốn con chim sẻ';

/** A commune of its own (a commune has one tip-box key), a village and a police officer. */
async function policeCommune(api: Awaited<ReturnType<typeof adminApi>>) {
  const { kienThuy } = await demoCommunes(api);
  const { provinceId } = await api.json<{ provinceId: string }>('GET', `/api/units/communes/${kienThuy.id}`);
  const tag = suffix();
  const commune = await api.json<{ id: string; name: string }>('POST', '/api/units/communes', {
    provinceId,
    kind: 'xa',
    name: `Xã Hòm Thư ${tag}`,
    code: `E2E-TIP-${tag}`,
  });
  const village = await api.json<{ id: string; name: string }>('POST', '/api/units/villages', {
    communeId: commune.id,
    kind: 'thon',
    name: `Thôn Bến ${tag}`,
  });
  const officer = `e2e-police-${tag}`;
  await api.json('POST', '/api/accounts', {
    username: officer,
    displayName: 'Thiếu úy Nguyễn Văn An',
    role: 'commune_police',
    password,
    communeId: commune.id,
  });
  return { commune, village, officer };
}

test('a tip sealed on a phone reaches only the commune police, who read and answer it in the browser', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const api = await adminApi(baseURL!);
  const { commune, village, officer } = await policeCommune(api);
  const marker = `DAU-HIEU-${suffix()}-${suffix()}`;

  // The officer opens the box: a key made in the browser, a recovery sheet to print.
  await signIn(page, officer, password);
  await page.getByRole('link', { name: 'Hòm thư tố giác' }).click();
  await expect(page.getByRole('heading', { name: 'Mở hòm thư tố giác cho xã/phường' })).toBeVisible();
  await expectAccessible(page, 'tip box setup');
  await page.getByLabel('Mật khẩu mở hòm thư').fill(passphrase);
  await page.getByLabel('Nhập lại mật khẩu').fill(passphrase);
  await page.getByLabel(/Tôi hiểu/).check();
  await page.getByRole('button', { name: 'Tạo khoá và mở hòm thư' }).click();
  await expect(page.getByRole('heading', { name: 'In phiếu khôi phục' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'recovery sheet');
  await page.getByRole('button', { name: 'Tôi đã in và cất phiếu' }).click();
  await expect(page.getByRole('heading', { name: 'Tố giác nhận được', level: 2 })).toBeVisible();

  // A resident on a phone, from the village poster's QR: no account, no name.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const tipster = await phone.newPage();
  await tipster.goto(`/tips?commune=${commune.id}&village=${village.id}`);
  await expect(tipster.getByLabel('Điều bạn muốn báo')).toBeVisible({ timeout: 20_000 });
  await expect(tipster.getByText('113').first()).toBeVisible();
  await expectAccessible(tipster, 'tip form');
  await tipster.getByLabel('Điều bạn muốn báo').fill(`Có người lạ bán hàng ở bến sông. ${marker}`);
  await tipster.getByLabel(/Tôi đồng ý/).check();
  await tipster.getByRole('button', { name: 'Mã hoá và gửi tin' }).click();
  const shown = tipster.getByTestId('tip-receipt-code');
  await expect(shown).toBeVisible({ timeout: 30_000 });
  const code = (await shown.innerText()).replace(/\s+/g, '');
  expect(code).toMatch(/^[A-Z2-9]{4}-?[A-Z2-9]{4}-?[A-Z2-9]{4}-?[A-Z2-9]{4}$/);
  await expectAccessible(tipster, 'tip receipt');

  // What the server keeps is ciphertext: the marker is in neither the database file, its WAL nor the audit log.
  expect(existsSync(databaseFile), databaseFile).toBe(true);
  for (const file of [databaseFile, `${databaseFile}-wal`].filter((f) => existsSync(f)))
    expect(readFileSync(file).includes(Buffer.from(marker)), file).toBe(false);
  const audit = await api.json<{ items: unknown[] }>('GET', '/api/audit?pageSize=200');
  expect(JSON.stringify(audit)).not.toContain(marker);
  // The system administrator is not the police: the tips stay closed to them.
  expect((await api.fetch('/api/tips')).status()).toBe(403);

  // The officer, after a reload (the key lives in page memory only), unlocks with the passphrase and reads it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Mở khoá hòm thư' })).toBeVisible();
  await page.getByLabel('Mật khẩu mở hòm thư').fill(passphrase);
  await page.getByRole('button', { name: 'Mở khoá', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tố giác nhận được', level: 2 })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'tip inbox');
  await page
    .getByRole('link', { name: /Tố giác ngày/ })
    .first()
    .click();
  await expect(page.getByText(marker)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(village.name).first()).toBeVisible();
  await expectAccessible(page, 'a tip');
  await page.getByLabel('Nội dung trả lời').fill('Cảm ơn bạn, công an xã đang xác minh.');
  await page.getByRole('button', { name: 'Gửi trả lời' }).click();
  await expect(page.getByText('Đã gửi trả lời')).toBeVisible();

  // The tipster, with nothing but the receipt code, reads the answer.
  await tipster.goto('/tips/check');
  await tipster.getByLabel('Mã biên nhận').fill(code.toLowerCase());
  await tipster.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(tipster.getByTestId('tip-status')).toBeVisible({ timeout: 20_000 });
  await expect(tipster.getByText('Cảm ơn bạn, công an xã đang xác minh.')).toBeVisible();
  await expectAccessible(tipster, 'tip check');
  await phone.close();
});

/** A commune's box opened through the API with a key nobody holds: enough for a form to seal and send to. */
async function openBoxByApi(baseURL: string, officer: string) {
  const police = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await police.post('/api/auth/login', { data: { username: officer, password } })).ok()).toBe(true);
  const b64 = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n))).toString('base64url');
  const wrapped = () => ({ v: 1, salt: b64(16), nonce: b64(24), box: b64(48), opslimit: 1, memlimit: 8 * 1024 * 1024 });
  const res = await police.post('/api/tips/box', {
    data: { publicKey: b64(32), wrapped: wrapped(), recoveryWrapped: wrapped() },
  });
  expect(res.status(), await res.text()).toBe(201);
  await police.dispose();
}

test('on a kiosk, the idle reset clears a half-written tip and a receipt code left on screen', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi(baseURL!);
  const { village, officer } = await policeCommune(api);
  await openBoxByApi(baseURL!, officer);
  const kiosk = await api.json<{ kiosk: { id: string }; pairingCode: string }>('POST', '/api/kiosks', {
    name: 'Ki-ốt nhà văn hóa',
    villageId: village.id,
    idleSeconds: 30,
  });
  await page.clock.install();
  await pairOnPage(page, baseURL!, kiosk.pairingCode);
  await page.goto('/home');
  await page
    .getByRole('link', { name: /Hòm thư tố giác/ })
    .first()
    .click();
  await expect(page.getByLabel('Điều bạn muốn báo')).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Điều bạn muốn báo').fill('Nửa chừng, người sau không được thấy.');
  // A key is the person's last touch (filling a field is not one): on a loaded machine the form can take more than
  // the countdown's 15 s to appear after the tile was tapped, and the idle time would run from that tap.
  await page.getByLabel('Điều bạn muốn báo').press('End');

  // Nobody touches the screen: the countdown, then the attract screen, and the form is empty again.
  await page.clock.runFor(31_000);
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.clock.runFor(16_000);
  // The next person, without a reload: from the attract screen to the tip box tile.
  await page.getByRole('link', { name: 'Chạm để bắt đầu' }).click();
  await page
    .getByRole('link', { name: /Hòm thư tố giác/ })
    .first()
    .click();
  await expect(page.getByLabel('Điều bạn muốn báo')).toHaveValue('');

  // A sent tip's receipt code is wiped the same way.
  await page.getByLabel('Điều bạn muốn báo').fill('Có người lạ ở bến sông.');
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole('button', { name: 'Mã hoá và gửi tin' }).click();
  await expect(page.getByTestId('tip-receipt-code')).toBeVisible({ timeout: 30_000 });
  await page.clock.runFor(31_000);
  await page.clock.runFor(16_000);
  await expect(page.getByRole('link', { name: 'Chạm để bắt đầu' })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('tip-receipt-code')).toHaveCount(0);
});
