import { test, expect } from './fixtures';

test('the 2020 annual report gives the Wangmo figures: total 6,751.94万元, education 2,554.65万元, in sections per category', async ({ asViewer: page }) => {
  await page.goto('/reports/annual?year=2020');
  await expect(page.getByRole('heading', { level: 1, name: '2020年度定点帮扶工作报告' })).toBeVisible();
  await expect(page.getByTestId('report-total')).toContainText('6,751.94万元');
  await expect(page.getByTestId('report-trained')).toContainText('5401 人次');
  await expect(page.getByRole('region', { name: '总体情况' })).toContainText('认捐资金和物资合计6,751.94万元');

  const education = page.getByRole('region', { name: '三、教育帮扶' });
  await expect(education).toContainText('教育帮扶方面，共实施帮扶项目5个，合计2,554.65万元，占全年认捐总额的37.8%。');
  await expect(education).toContainText('欧美同学会捐赠物资价值1,859.65万元');
  await expect(education.getByRole('table')).toContainText('¥18,596,500.00');

  const summary = page.getByTestId('report-summary-table');
  await expect(summary.getByRole('row', { name: /教育帮扶/ })).toContainText('¥25,546,500.00');
  await expect(summary.locator('tfoot')).toContainText('¥67,519,400.00');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['主要指标', '总体情况', '一、产业帮扶', '二、消费帮扶', '三、教育帮扶', '四、医疗健康帮扶', '五、党建帮扶', '六、基础设施与村容村貌', '七、疫情防控', '八、干部人才培训']);
});

test('another year is one choice away, and the report downloads as Word and Excel', async ({ asViewer: page }) => {
  await page.goto('/reports/annual?year=2020');
  await page.getByLabel('年度').selectOption('2021');
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(/year=2021/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021年度定点帮扶工作报告');

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Word（.docx）' }).click()]);
  expect(docx.suggestedFilename()).toMatch(/^2021年度帮扶报告-\d{4}-\d{2}-\d{2}\.docx$/);
  const bytes = Buffer.concat(await (await docx.createReadStream()).toArray());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Excel（.xlsx）' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});

test('in English the report speaks English with exact yuan; printed, it drops the app’s controls', async ({ asViewer: page, baseURL }) => {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.goto('/reports/annual?year=2020');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Designated assistance: annual report 2020');
  await expect(page.getByRole('region', { name: '3. Education' })).toContainText('Education: 5 projects totalling ¥25,546,500.00');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
