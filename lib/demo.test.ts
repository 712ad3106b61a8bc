import { describe, expect, it } from 'vitest';
import { freshDb } from './testing/ledger';
import { seedDemo } from './bootstrap';
import { summarize, type CodeLabels } from './summary';
import { listPledges } from '@/db/queries/pledges';

const labels: CodeLabels = { form: (c) => c, donorType: (c) => c, aboveVillage: 'above', aboveTown: 'county' };

describe('the demo ledger', () => {
  it('records Wangmo 2020 as fully received and gives 2021 partly received and overdue pledges', () => {
    const db = freshDb();
    seedDemo(db);
    const y2020 = summarize(db, ['category'], { year: 2020 }, 'zh', labels).total;
    expect(y2020).toEqual({ pledgedFen: 6751940000, receivedFen: 6751940000, outstandingFen: 0, count: 20 });
    const page = (status: 'overdue' | 'partly_received' | 'fulfilled') => listPledges(db, { year: 2021, status }, { sort: 'amount', dir: 'desc', page: 1, pageSize: 50 });
    expect(page('overdue').total).toBeGreaterThan(0);
    expect(page('fulfilled').total).toBeGreaterThan(0);
    const y2021 = summarize(db, ['town'], { year: 2021 }, 'zh', labels).total;
    expect(y2021.receivedFen).toBeLessThan(y2021.pledgedFen);
    expect(y2021.receivedFen).toBeGreaterThan(0);
  });
});
