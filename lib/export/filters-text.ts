// The filters behind an export, in words, for the title rows of a sheet ("筛选条件：年度 2020；帮扶类别 教育帮扶").
import 'server-only';
import type { Reader } from '@/db/queries/pledges';
import { allCategories, donorsByIds, placesByIds } from '@/db/queries/lookups';
import { translatorFor } from '../i18n/labels';
import { displayName, type Locale } from '../names';
import { todayInChina } from '../time';

export type AnyFilters = {
  year?: number;
  town?: number;
  place?: number;
  donor?: number;
  category?: string;
  donorType?: string;
  form?: string;
  channel?: string;
  status?: string;
  q?: string;
  includeVoided?: string;
};

export function describeFilters(reader: Reader, f: AnyFilters, locale: Locale): string {
  const t = translatorFor(locale);
  const label = (k: string) => t(`importExport.export.filterLabels.${k}` as never);
  const places = placesByIds(reader, [f.town, f.place].filter((n): n is number => n !== undefined));
  const donors = donorsByIds(reader, f.donor ? [f.donor] : []);
  const category = allCategories(reader).find((c) => c.code === f.category);
  const parts: string[] = [];
  const add = (k: string, v: string | undefined) => v && parts.push(`${label(k)} ${v}`);
  add('year', f.year ? String(f.year) : undefined);
  add('town', f.town ? displayName(places.get(f.town) ?? { name: null, nameZh: String(f.town) }, locale) : undefined);
  add('place', f.place ? displayName(places.get(f.place) ?? { name: null, nameZh: String(f.place) }, locale) : undefined);
  add('donor', f.donor ? displayName(donors.get(f.donor) ?? { name: null, nameZh: String(f.donor) }, locale) : undefined);
  add('category', category ? (locale === 'zh' ? category.nameZh : category.nameEn) : undefined);
  add('donorType', f.donorType ? t(`donorTypes.${f.donorType}` as never) : undefined);
  add('form', f.form ? t(`forms.${f.form}` as never) : undefined);
  add('channel', f.channel ? t(`channels.${f.channel}` as never) : undefined);
  add('status', f.status ? t(`statuses.${f.status}` as never) : undefined);
  add('q', f.q ? `“${f.q}”` : undefined);
  if (f.includeVoided) parts.push(label('includeVoided'));
  const filters = parts.length ? t('importExport.export.filtersLine', { filters: parts.join(t('importExport.export.separator')) }) : t('importExport.export.noFilters');
  return `${filters}　${t('importExport.export.exportedOn', { date: todayInChina() })}`;
}
