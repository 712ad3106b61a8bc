// Helpers for journeys that need a pledge of their own (so demo figures and other journeys stay untouched).
import { expect, type Page } from '@playwright/test';
import { parseYuan } from '../lib/money';
import { todayInChina } from '../lib/time';

export type CreatedPledge = { id: number; amountFen: number; projectName: string; pledgedOn: string; version: number };

/** Records a pledge through the JSON API, dated today (an open year), for a village of the demo ledger. */
export async function createPledge(page: Page, opts: { amountFen: number; form?: 'cash' | 'in_kind' | 'purchase'; project: string }): Promise<CreatedPledge> {
  const request = page.context().request;
  const donors = (await (await request.get('/api/v1/donors')).json()).donors as { id: number; nameZh: string | null }[];
  const places = (await (await request.get('/api/v1/places')).json()).places as { id: number; level: string }[];
  const donor = donors.find((d) => d.nameZh === '上海均瑶集团') ?? donors[0]!;
  const village = places.find((p) => p.level === 'village')!;
  const projectName = `${opts.project} ${Date.now().toString(36)}`;
  const res = await request.post('/api/v1/pledges', {
    data: { donorId: donor.id, form: opts.form ?? 'cash', amountFen: opts.amountFen, pledgedOn: todayInChina(), channel: 'direct', projectName, placeId: village.id, category: 'infrastructure' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = await res.json();
  return { id: body.id, amountFen: body.amountFen, projectName, pledgedOn: body.pledgedOn, version: body.version };
}

/** The exact fen behind a dashboard tile (its compact figure carries the exact yuan in data-exact). */
export async function dashboardFen(page: Page, testId: 'headline-pledged' | 'headline-received', year: string): Promise<number> {
  await page.goto(`/?year=${year}`);
  const tile = page.getByTestId(testId);
  await expect(tile).toBeVisible();
  const exact = (await tile.getAttribute('data-exact')) ?? (await tile.locator('[data-exact]').first().getAttribute('data-exact'));
  const parsed = parseYuan(exact);
  if (!parsed.ok) throw new Error(`unreadable amount on the dashboard: ${exact}`);
  return parsed.fen;
}

export const thisYear = () => todayInChina().slice(0, 4);
