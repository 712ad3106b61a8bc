'use client';
// The chart drawings (recharts), loaded only after the page is up so the first load stays light.
// Every figure here is also in the card's text summary and its data table; the drawings are hidden from screen readers.
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import type { YAxisTickContentProps } from 'recharts/types/util/types';
import { formatMoneyCompact, formatRate, formatYuan } from '@/lib/money';
import type { Locale } from '@/lib/names';
import { COLORS, type ChartRow } from './chart-data';

const TICK = { fontSize: 12, fill: '#334155' };

const PHONE = '(max-width: 639px)';
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** Phones get narrower name labels so the bars keep most of the width. */
function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches, () => false);
}

// Rough glyph widths at 12px, enough to cut a long donor name before it runs into the bars.
function fitLabel(label: string, maxPx: number): string {
  let width = 0;
  let out = '';
  for (const ch of label) {
    width += /[\u2e80-\uffff]/.test(ch) ? 12.5 : 7;
    if (width > maxPx) return `${out}…`;
    out += ch;
  }
  return out;
}

type TickProps = YAxisTickContentProps;

/** One line per name, cut to fit, with the whole name on hover: recharts would otherwise wrap long Latin names. */
function NameTick({ x, y, label, maxPx }: { x: number | string; y: number | string; label: string; maxPx: number }) {
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#334155">
      <title>{label}</title>
      {fitLabel(label, maxPx)}
    </text>
  );
}

/** Axis ticks are round figures: "2,000万元" reads better than "2,000.00万元". */
const axisMoney = (fen: number, locale: Locale) => (Number.isSafeInteger(fen) ? formatMoneyCompact(fen, locale).replace(/\.00(?=万|亿|元)/, '') : '');

function Tip({ active, payload, label }: TooltipContentProps<ValueType, NameType>) {
  const t = useTranslations('dashboard');
  if (!active || !payload?.length) return null;
  const row = payload[0]!.payload as ChartRow;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow-md ring-1 ring-slate-200">
      <p className="mb-1 font-semibold text-slate-900">{row.label ?? label}</p>
      <p className="tabular">{t('tipLine', { measure: t('measure.pledged'), amount: formatYuan(row.pledgedFen) })}</p>
      <p className="tabular">
        {t('tipLine', { measure: t('measure.received'), amount: formatYuan(row.receivedFen) })}
        {!row.series && ` (${formatRate(row.receivedFen, row.pledgedFen)})`}
      </p>
      {!row.series && <p className="tabular">{t('tipLine', { measure: t('measure.outstanding'), amount: formatYuan(row.outstandingFen) })}</p>}
      {row.href && <p className="mt-1 text-slate-500">{t('chartClickHint')}</p>}
    </div>
  );
}

/** Horizontal bars, longest first: the dark part is received, the light part outstanding, the whole bar pledged. */
export function BarsChart({ rows, height }: { rows: ChartRow[]; height: number }) {
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const narrow = useNarrow();
  const router = useRouter();
  const labelWidth = narrow ? 92 : 132;
  const data = rows.map((r) => ({ ...r, receivedPart: Math.min(r.receivedFen, r.pledgedFen), outstandingPart: Math.max(0, r.pledgedFen - r.receivedFen) }));
  const byKey = new Map(data.map((r) => [r.key, r]));
  const open = (item: unknown) => {
    const href = (item as { payload?: ChartRow } | undefined)?.payload?.href;
    if (href) router.push(href);
  };
  return (
    <BarChart accessibilityLayer={false} layout="vertical" data={data} responsive style={{ width: '100%', height }} margin={{ top: 0, right: 4, bottom: 0, left: 0 }} barCategoryGap="24%">
      <XAxis type="number" hide domain={[0, 'dataMax']} />
      <YAxis yAxisId="names" type="category" dataKey="key" width={labelWidth} tickLine={false} axisLine={false} interval={0} tick={(p: TickProps) => <NameTick {...p} label={byKey.get(String(p.payload.value))?.label ?? ''} maxPx={labelWidth - 12} />} />
      <YAxis
        yAxisId="amounts"
        type="category"
        dataKey="key"
        orientation="right"
        width={locale === 'zh' ? 92 : 96}
        tickLine={false}
        axisLine={false}
        interval={0}
        tick={(p: TickProps) => (
          <text x={p.x} y={p.y} dy={4} textAnchor="start" fontSize={12} fontWeight={600} fill="#0f172a" className="tabular">
            {formatMoneyCompact(byKey.get(String(p.payload.value))?.pledgedFen ?? 0, locale)}
          </text>
        )}
      />
      <Tooltip content={(props) => <Tip {...props} />} cursor={{ fill: COLORS.hover }} isAnimationActive={false} />
      <Bar yAxisId="names" dataKey="receivedPart" stackId="m" fill={COLORS.received} isAnimationActive={false} onClick={open} cursor="pointer" />
      <Bar yAxisId="names" dataKey="outstandingPart" stackId="m" fill={COLORS.outstanding} radius={[0, 3, 3, 0]} isAnimationActive={false} onClick={open} cursor="pointer" />
    </BarChart>
  );
}

/** Pledged and received month by month (pledges by their date, receipts by the day the money or goods arrived). */
export function MonthsChart({ rows, height }: { rows: ChartRow[]; height: number }) {
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  return (
    <BarChart accessibilityLayer={false} data={rows} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={1} barCategoryGap="18%">
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="key" tickLine={false} axisLine={{ stroke: '#cbd5e1' }} tick={TICK} minTickGap={12} />
      <YAxis width={locale === 'zh' ? 76 : 92} allowDecimals={false} tickLine={false} axisLine={false} tick={TICK} tickFormatter={(v: number) => axisMoney(v, locale)} />
      <Tooltip content={(props) => <Tip {...props} />} cursor={{ fill: COLORS.hover }} isAnimationActive={false} />
      <Bar dataKey="pledgedFen" fill={COLORS.pledged} isAnimationActive={false} radius={[2, 2, 0, 0]} />
      <Bar dataKey="receivedFen" fill={COLORS.received} isAnimationActive={false} radius={[2, 2, 0, 0]} />
    </BarChart>
  );
}
