import { createUser } from '@farmlink/testing';
import { PHONE, screenshot, signUpFarmer, useBrowserApp } from './browser';

/*
 * Poverty status is verified, not declared: a farmer ticks the box (with their
 * registration number) when signing up and sees the claim waiting; an officer of
 * the county verifies it on their page; the farmer then sees it verified.
 */
describe('Browser: a farmer claims poverty registration and the county officer verifies it', () => {
  const { t, open } = useBrowserApp(['POST /api/auth/register', 'POST /api/me/poverty-claim', 'GET /api/poverty-claims', 'POST /api/farmers/{id}/poverty-verification']);

  it('works on a 360 px phone in Chinese', async () => {
    const farmerApp = await open({ viewport: PHONE, lang: 'zh' });
    const farmerPage = farmerApp.page;
    const email = `li.ming-${Date.now()}@farmlink.test`;

    // Sign up as a farmer in 桐梓县 and claim, with the registration number.
    await signUpFarmer(farmerPage, { name: '李明', email, password: 'silver-tea-2026', poor: true });
    await farmerPage.getByLabel(/^建档立卡编号/).fill('5203220101000088');
    await farmerPage.getByRole('button', { name: '注册' }).click();
    await farmerPage.getByRole('heading', { name: '您好，李明' }).waitFor();
    const status = farmerPage.getByTestId('poverty-status');
    await status.getByText('待核实').waitFor();
    await screenshot(farmerPage, 'farmer-poverty-claimed-phone');

    // The Guizhou officer sees the claim (and nothing from Henan) and verifies it with a note.
    const henanFarmer = await createUser(t, 'farmer', { displayName: '张强', countyCode: '410225', povertyStatus: 'claimed' });
    const officer = await createUser(t, 'officer', { displayName: '贵州 刘专员', jurisdictionCode: '520000' });
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: officer });
    await page.goto('/officer');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '贫困户认定' }).click();
    await page.waitForURL(/\/officer\/poverty$/);
    const claim = page.getByTestId('poverty-claim').filter({ hasText: '李明' });
    await claim.getByText('5203220101000088').waitFor();
    await claim.getByText(/桐梓县/).waitFor();
    expect(await page.getByText('张强').count()).toBe(0);
    await claim.getByLabel('备注').fill('已在扶贫系统中核对');
    await screenshot(page, 'officer-poverty-claims-phone');
    await claim.getByRole('button', { name: '核实通过' }).click();
    await page.getByText('已保存对 李明 的认定。').waitFor();
    await page.getByText('您辖区内没有待核实的申报。').waitFor();

    const [row] = await t.db.query(
      `SELECT pc.status, pc.decided_by AS "decidedBy", pc.note, pc.registration_no AS "registrationNo"
         FROM poverty_claims pc JOIN users u ON u.id = pc.farmer_id WHERE u.email = $1`,
      [email],
    );
    expect(row).toEqual({ status: 'verified', decidedBy: officer.id, note: '已在扶贫系统中核对', registrationNo: '5203220101000088' });

    // The farmer opens their farm page again and sees it verified.
    await farmerPage.reload();
    await farmerPage.getByTestId('poverty-status').getByText('已核实').waitFor();
    expect(await farmerPage.getByTestId('poverty-status').getAttribute('data-status')).toBe('verified');
    expect(await farmerPage.getByRole('button', { name: '申报贫困户' }).count()).toBe(0);
    await screenshot(farmerPage, 'farmer-poverty-verified-phone');
  });
});
