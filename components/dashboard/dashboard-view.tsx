import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard';
import type { DashboardQuery } from '@/lib/validation/filters';
import { Card, CardTitle } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { formatRate } from '@/lib/money';

function pledgesHref(query: DashboardQuery, extra: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...extra })) if (v !== undefined && v !== null) params.set(k, String(v));
  return `/pledges?${params.toString()}`;
}

export async function DashboardView({ data, query }: { data: Dashboard; query: DashboardQuery }) {
  const t = await getTranslations('dashboard');
  const h = data.headline;
  const tiles = [
    { label: t('pledged'), value: <Money fen={h.pledgedFen} />, testId: 'headline-pledged' },
    { label: t('received'), value: <Money fen={h.receivedFen} />, testId: 'headline-received' },
    { label: t('outstanding'), value: <Money fen={h.outstandingFen} />, testId: 'headline-outstanding' },
    { label: t('fulfilment'), value: formatRate(h.receivedFen, h.pledgedFen), testId: 'headline-rate' },
    { label: t('donors'), value: h.donorCount, testId: 'headline-donors' },
    { label: t('villagesReached'), value: h.villagesReached, testId: 'headline-villages' },
    { label: t('peopleTrained'), value: h.peopleTrained, testId: 'headline-trained' },
    { label: t('beneficiaries'), value: h.beneficiaries, testId: 'headline-beneficiaries' },
  ];
  return (
    <div className="flex flex-col gap-5">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.testId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={tile.testId}>
            <dt className="text-xs text-slate-600">{tile.label}</dt>
            <dd className="tabular mt-1 text-lg font-semibold text-slate-900 sm:text-xl">{tile.value}</dd>
          </div>
        ))}
      </dl>

      <Card aria-labelledby="matrix-title">
        <CardTitle id="matrix-title">{t('matrixTitle')}</CardTitle>
        <TableBox label={t('matrixTitle')}>
          <Table>
            <caption className="sr-only">{t('matrixCaption')}</caption>
            <thead>
              <tr>
                <Th scope="col">{t('village')}</Th>
                {data.matrix.categories.map((c) => (
                  <Th key={c.code} scope="col" numeric>
                    {c.label}
                  </Th>
                ))}
                <Th scope="col" numeric>
                  {t('rowTotal')}
                </Th>
              </tr>
            </thead>
            {data.matrix.groups.map((g) => (
              <tbody key={g.townId ?? 'county'}>
                <tr className="bg-slate-50">
                  <Th scope="rowgroup" colSpan={data.matrix.categories.length + 1} className="bg-slate-50">
                    {g.label}
                  </Th>
                  <Td numeric className="bg-slate-50 font-semibold">
                    <Money fen={g.total.pledgedFen} exact />
                  </Td>
                </tr>
                {g.rows.map((r) => (
                  <tr key={r.key}>
                    <Th scope="row" className="bg-white pl-6 font-normal">
                      {r.label}
                    </Th>
                    {data.matrix.categories.map((c) => {
                      const m = r.cells[c.code];
                      return (
                        <Td key={c.code} numeric>
                          {m && m.pledgedFen > 0 ? (
                            <Link className="text-brand-700 hover:underline" href={pledgesHref(query, { place: r.placeId ?? undefined, category: c.code })}>
                              <Money fen={m.pledgedFen} exact />
                            </Link>
                          ) : (
                            <span className="text-slate-300">—</span>
                          )}
                        </Td>
                      );
                    })}
                    <Td numeric className="font-medium">
                      <Money fen={r.total.pledgedFen} exact />
                    </Td>
                  </tr>
                ))}
              </tbody>
            ))}
            <tfoot>
              <tr className="bg-slate-100 font-semibold">
                <Th scope="row">{t('columnTotal')}</Th>
                {data.matrix.categories.map((c) => (
                  <Td key={c.code} numeric>
                    <Money fen={data.matrix.columnTotals[c.code]?.pledgedFen ?? 0} exact />
                  </Td>
                ))}
                <Td numeric data-testid="matrix-total">
                  <Money fen={data.matrix.total.pledgedFen} exact />
                </Td>
              </tr>
            </tfoot>
          </Table>
        </TableBox>
      </Card>
    </div>
  );
}
