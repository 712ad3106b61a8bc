// Places: a coordinator adds a village under a town and finds it there in the tree; a village's profile keeps its own
// figures apart from the town-wide and county-wide items that cover it; the ranked list agrees with the tree.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

test('a coordinator adds a village under a town, and the tree shows it under that town', async ({ asCoordinator: page }) => {
  const name = `测试新村${Date.now().toString(36)}`;
  await page.goto('/places');
  await page.getByRole('link', { name: '新建地点' }).click();
  const form = page.getByRole('form', { name: '新建地点' });
  const parent = form.getByLabel('上级地点');
  await expect(parent).toBeDisabled();
  await form.getByLabel('层级').selectOption({ label: '村' });
  // A village hangs under a town: the county is not offered.
  const offered = await parent.locator('option').allTextContents();
  expect(offered).toContain('乐旺镇');
  expect(offered).not.toContain('望谟县');
  await parent.selectOption({ label: '乐旺镇' });
  await form.getByLabel('中文名称').fill(name);
  await form.getByRole('button', { name: '保存', exact: true }).click();

  await expect(page).toHaveURL(/\/places\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('navigation', { name: '所在位置' })).toHaveText(/帮扶地点.*望谟县.*乐旺镇/);
  await expect(page.getByText('暂无直接分配到这里的认捐。')).toBeVisible();
  await expect(page.getByRole('region', { name: '修改记录' }).getByRole('listitem').filter({ hasText: '王芳 新建' })).toHaveCount(1);

  await page.goto('/places');
  const tree = page.getByRole('region', { name: '帮扶地点层级' });
  // the rows are read in one go below (evaluateAll does not wait): first wait until the new village's row is there
  await expect(tree.getByRole('link', { name, exact: true })).toBeVisible();
  const places = await tree.locator('tbody tr').evaluateAll((rows) => rows.map((r) => ({ name: r.querySelector('th a')?.textContent, level: r.getAttribute('data-level') })));
  const town = places.findIndex((p) => p.name === '乐旺镇');
  const village = places.findIndex((p) => p.name === name);
  const nextTown = places.findIndex((p, i) => i > town && p.level !== 'village');
  expect(town).toBeGreaterThanOrEqual(0);
  expect(village).toBeGreaterThan(town);
  expect(nextTown === -1 || village < nextTown).toBe(true);
  const row = tree.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveAttribute('data-level', 'village');
  await expect(row.getByText('村', { exact: true })).toBeVisible();
});

test('a place is refused without a parent of the right level, and nothing is created', async ({ asCoordinator: page }) => {
  const name = `无上级村${Date.now().toString(36)}`;
  await page.goto('/places/new');
  const form = page.getByRole('form', { name: '新建地点' });
  await form.getByLabel('层级').selectOption({ label: '村' });
  await form.getByLabel('中文名称').fill(name);
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form.getByLabel('上级地点')).toHaveAccessibleDescription('乡镇须隶属于县，村须隶属于乡镇；县不能有上级。');
  await expect(form.getByLabel('中文名称')).toHaveValue(name);
  await expect(form.getByLabel('层级')).toHaveValue('village');
  const places = (await (await page.request.get('/api/v1/places')).json()).places as { nameZh: string | null }[];
  expect(places.some((p) => p.nameZh === name)).toBe(false);
});

test('the Niujiao Village profile shows its ¥410,000.00 party-building pledge and, apart, the county-wide items', async ({ asViewer: page }) => {
  await page.goto('/places');
  await page.getByRole('link', { name: 'Niujiao Village' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Niujiao Village' })).toBeVisible();
  const own = page.getByRole('region', { name: '本村认捐与到位' });
  const ownItem = own.getByRole('region', { name: /认捐明细/ }).getByRole('row').filter({ hasText: '¥410,000.00' });
  await expect(ownItem).toContainText('党建帮扶');
  await expect(ownItem).toContainText('中央统战部');

  // 2020 alone (other journeys add pledges to this village today): exactly the one party-building pledge.
  await page.getByRole('link', { name: '2020 年' }).click();
  await expect(page).toHaveURL(/year=2020/);
  await expect(page.getByTestId('place-own-pledged')).toHaveText('¥410,000.00');
  await expect(page.getByTestId('place-own-received')).toHaveText('¥410,000.00');
  await expect(page.getByTestId('place-own-pledged').getByRole('link')).toHaveAttribute('href', /^\/pledges\?place=\d+&year=2020$/);
  const byCategory = own.getByRole('region', { name: '本村按帮扶类别' });
  await expect(byCategory.getByRole('row')).toHaveCount(2);
  await expect(byCategory.getByRole('row', { name: /党建帮扶/ }).getByRole('link').first()).toHaveAttribute('href', /^\/pledges\?place=\d+&category=party_building&year=2020$/);

  // Apart from the village's own figures: what was given to its town and to the whole county.
  const covering = page.getByRole('region', { name: '覆盖本村的乡镇级、县级项目' });
  await expect(covering).toContainText('金额未分到各村，不计入上面本村的数字');
  const county = covering.getByTestId('covering-county');
  await expect(county.getByRole('heading', { name: '望谟县（县级）' })).toBeVisible();
  // The largest ten show at once; the smaller county-wide items are one click away.
  await county.getByText(/^显示其余 \d+ 项$/).click();
  const epidemic = county.getByRole('row').filter({ hasText: 'Medical supplies during epidemic prevention and control' });
  await expect(epidemic).toContainText('¥400,000.00');
  await expect(epidemic).toContainText('中央统战部');
  await expect(own.getByText('Medical supplies during epidemic prevention and control')).toHaveCount(0);
  await expect(covering.getByTestId('covering-town').getByRole('heading', { name: '新屯街道（乡镇级）' })).toBeVisible();

  // A viewer reads, never edits.
  await expect(page.getByRole('link', { name: '修改', exact: true })).toHaveCount(0);
  await page.goto('/places');
  await expect(page.getByRole('link', { name: '新建地点' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^修改/ })).toHaveCount(0);
});

test('the ranked list shows the towns by amount with the figures of the tree, and finds a village by name in a year', async ({ asViewer: page }) => {
  await page.goto('/places');
  const tree = page.getByRole('region', { name: '帮扶地点层级' });
  const treeTotal = async (name: string) => (await tree.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) }).locator('td').nth(1).innerText()).trim();
  const xintun = await treeTotal('新屯街道');
  const niujiao = await treeTotal('Niujiao Village');
  const county = (await tree.locator('tbody tr').first().locator('td').nth(1).innerText()).trim();

  await page.getByRole('navigation', { name: '显示方式' }).getByRole('link', { name: '按金额排名' }).click();
  await expect(page).toHaveURL(/\/places\?view=list$/);
  const list = page.getByRole('region', { name: '帮扶地点列表' });
  const rows = list.locator('tbody tr');
  // six towns and the county-wide items, largest first
  await expect(rows).toHaveCount(7);
  await expect(page.getByText('第 1–7 项，共 7 项')).toBeVisible();
  // the list view is not among the accessibility journey's pages: checked here the same way
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.help}`)).toEqual([]);
  await expect(rows.filter({ hasText: '全县统筹（未分到乡镇）' })).toHaveCount(1);
  const fen = (s: string) => Number(s.replace(/[¥,.\s]/g, ''));
  const pledged = (await rows.locator('td:nth-child(3)').allInnerTexts()).map(fen);
  expect(pledged).toEqual([...pledged].sort((a, b) => b - a));
  const town = rows.filter({ has: page.getByRole('link', { name: '新屯街道', exact: true }) });
  // the cell holds 万元 for phones and the exact yuan for wider screens: compare what shows
  await expect(town.locator('td').nth(1)).toHaveText(xintun, { useInnerText: true });
  await expect(town.locator('td').first()).toHaveText('望谟县');
  // the total is the whole county's, the tree's first row
  await expect(list.getByRole('row', { name: /^合计（7 项）/ }).locator('td').nth(1)).toHaveText(county, { useInnerText: true });

  const search = page.getByRole('search', { name: '查找地点' });
  await search.getByLabel('名称').fill('niujiao');
  await search.getByLabel('层级').selectOption({ label: '村' });
  await search.getByRole('button', { name: '搜索' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('link', { name: 'Niujiao Village' })).toBeVisible();
  await expect(rows.first().locator('td').first()).toHaveText('新屯街道 · 望谟县');
  await expect(rows.first().locator('td').nth(1)).toHaveText(niujiao, { useInnerText: true });

  // a year keeps the search: 2020 alone holds exactly the party-building pledge
  await page.getByRole('link', { name: '2020 年' }).click();
  await expect(page).toHaveURL(/year=2020/);
  await expect(page).toHaveURL(/q=niujiao/);
  await expect(rows.first().locator('td').nth(1)).toHaveText('¥410,000.00', { useInnerText: true });
  await rows.first().getByRole('link', { name: 'Niujiao Village' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Niujiao Village' })).toBeVisible();
});
