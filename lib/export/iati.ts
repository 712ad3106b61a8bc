// The ledger as IATI activity XML (standard version 2.03), for publishing alongside other aid data.
//
// One iati-activity per pledge, not per donor programme: a pledge is the unit that has one funder, one date, its own
// places and categories, and its own receipts — exactly an activity with a commitment and the disbursements against it.
// Grouping by donor would merge unrelated projects (a donor's school grants and its road) and lose their sectors and
// locations. Voided pledges are left out: they never happened.
import 'server-only';
import type { Db } from '@/db/client';
import type { PledgeDetail, Reader } from '@/db/queries/pledges';
import { openPlaces, openReceiptsOf, type OpenPlace, type OpenReceipt } from '@/db/queries/open-data';
import type { CategoryCode, DonorType } from '../codes';
import { apportion } from '../apportion';
import { allCategories } from '@/db/queries/lookups';
import { fenToYuanText } from '../money';
import { el, openTag, renderXml, type XmlNode } from './xml';
import { everyPledgePage, fromSnapshot, textStream } from './stream';

export const IATI_TYPE = 'application/xml; charset=utf-8';

/**
 * OECD DAC 5-digit purpose codes (IATI sector vocabulary 1) for our eight categories:
 * industry → 31120 Agricultural development (the county's industry projects are farming and farm processing);
 * consumption → 31191 Agricultural services (marketing programmes for farm products);
 * education → 11120 Education facilities and training (equipment, courseware, grants to students);
 * health → 12230 Basic health infrastructure (equipment for township health centres);
 * party_building → 15112 Decentralisation and support to subnational government (village organisations and venues);
 * infrastructure → 43040 Rural development (village roads, water, street lights, village appearance);
 * epidemic → 12250 Infectious disease control (12264 COVID-19 control would fit 2020 only);
 * training → 43081 Multisector education/training (cadres and technicians across fields).
 */
export const DAC_SECTOR: Record<CategoryCode, string> = {
  industry: '31120',
  consumption: '31191',
  education: '11120',
  health: '12230',
  party_building: '15112',
  infrastructure: '43040',
  epidemic: '12250',
  training: '43081',
};

/** IATI OrganisationType codes for our donor types. */
export const ORG_TYPE: Record<DonorType, string> = {
  united_front_department: '10',
  democratic_party: '90',
  association: '22',
  chamber_of_commerce: '22',
  enterprise: '70',
  foundation: '60',
  university: '80',
  working_group: '10',
  cadres: '90',
  individual: '90',
};

export type IatiOptions = { reportingOrgRef: string; reportingOrgName: string };

/** The reporting organisation's registered IATI identifier (for a Chinese body: CN-USCC- and its unified social credit code). */
export function iatiOptions(): IatiOptions {
  return {
    reportingOrgRef: process.env.IATI_REPORTING_ORG_REF ?? 'CN-USCC-UNREGISTERED',
    reportingOrgName: process.env.IATI_REPORTING_ORG_NAME ?? '帮扶台账 Assistance Ledger',
  };
}

const narratives = (zh: string | null, en: string | null) => [zh ? el('narrative', {}, zh) : null, en && en !== zh ? el('narrative', { 'xml:lang': 'en' }, en) : null].filter((n): n is XmlNode => n !== null);
const amount = (fen: number, on: string) => el('value', { currency: 'CNY', 'value-date': on }, fenToYuanText(fen));

/**
 * The ledger as IATI activity XML, in pieces: the document's opening, then each live pledge's activity a page of pledges
 * at a time (their receipts read with them), then its close — never the whole ledger in memory.
 */
export async function* iatiChunks(reader: Reader, options: IatiOptions = iatiOptions()): AsyncGenerator<string> {
  const places = new Map(openPlaces(reader).map((p) => [p.id, p]));
  const categories = new Map(allCategories(reader).map((c) => [c.code, c]));
  const root = (p: OpenPlace): OpenPlace => (p.parentId && places.get(p.parentId) ? root(places.get(p.parentId)!) : p);
  const path = (p: OpenPlace, lang: 'zh' | 'en'): string => {
    const parent = p.parentId ? places.get(p.parentId) : undefined;
    const own = lang === 'zh' ? (p.nameZh ?? p.name) : (p.name ?? p.nameZh);
    return parent ? `${path(parent, lang)} ${own}` : (own ?? '');
  };

  const activity = (p: PledgeDetail, receipts: OpenReceipt[]) => {
    const county = root(places.get(p.allocations[0]!.placeId)!);
    const donor = narratives(p.donorNameZh, p.donorName);
    const byCategory = new Map<string, number>();
    for (const a of p.allocations) byCategory.set(a.category, (byCategory.get(a.category) ?? 0) + a.amountFen);
    // Percentages in hundredths that add up to exactly 100.00 (largest remainder), by amount or equally for a zero amount.
    const shares = apportion(10_000, [...byCategory.values()]);
    const sectors = [...byCategory.keys()].map((code, i) => el('sector', { vocabulary: '1', code: DAC_SECTOR[code as CategoryCode], percentage: (shares[i]! / 100).toFixed(2) }));
    const cats = [...byCategory.keys()].map((c) => categories.get(c));
    const titleZh = p.projectName ?? `${p.donorNameZh ?? p.donorName}：${cats.map((c) => c?.nameZh).join('、')}`;
    const titleEn = p.projectName ? null : `${p.donorName ?? p.donorNameZh}: ${cats.map((c) => c?.nameEn).join(', ')}`;
    const locations = [...new Set(p.allocations.map((a) => a.placeId))].map((id) => {
      const place = places.get(id)!;
      return el('location', { ref: `place-${id}` }, el('name', {}, ...narratives(path(place, 'zh'), path(place, 'en'))), el('location-class', { code: place.level === 'village' ? '2' : '1' }));
    });
    const status = p.receivedFen >= p.amountFen ? '3' : '2';
    // the commitment (type 2) on the day pledged, then a disbursement (type 3) per live receipt, funder to county
    const transaction = (ref: string, type: '2' | '3', on: string, fen: number) =>
      el(
        'transaction',
        { ref },
        el('transaction-type', { code: type }),
        el('transaction-date', { 'iso-date': on }),
        amount(fen, on),
        el('provider-org', { type: ORG_TYPE[p.donorType as DonorType] }, ...donor),
        el('receiver-org', { type: '11' }, ...narratives(county.nameZh ?? county.name, county.name)),
      );
    const transactions = [
      p.amountFen > 0 && transaction(`pledge-${p.id}`, '2', p.pledgedOn, p.amountFen),
      ...receipts.map((r) => transaction(`receipt-${r.id}`, '3', r.receivedOn, r.amountFen)),
    ];
    return el(
      'iati-activity',
      { 'last-updated-datetime': p.updatedAt.replace(/\.\d+Z$/, 'Z'), 'xml:lang': 'zh', 'default-currency': 'CNY' },
      el('iati-identifier', {}, `${options.reportingOrgRef}-P${p.id}`),
      el('reporting-org', { ref: options.reportingOrgRef, type: '10' }, el('narrative', {}, options.reportingOrgName)),
      el('title', {}, ...narratives(titleZh, titleEn)),
      p.note ? el('description', { type: '1' }, el('narrative', {}, p.note)) : null,
      el('participating-org', { role: '1', type: ORG_TYPE[p.donorType as DonorType] }, ...donor),
      el('participating-org', { role: '4', type: '11' }, ...narratives(county.nameZh ?? county.name, county.name)),
      el('activity-status', { code: status }),
      el('activity-date', { type: '2', 'iso-date': p.pledgedOn }),
      p.dueOn ? el('activity-date', { type: '3', 'iso-date': p.dueOn }) : null,
      el('recipient-country', { code: 'CN', percentage: '100' }),
      ...locations,
      ...sectors,
      ...transactions,
    );
  };

  yield `<?xml version="1.0" encoding="UTF-8"?>\n${openTag('iati-activities', { version: '2.03', 'generated-datetime': new Date().toISOString().replace(/\.\d+Z$/, 'Z') })}\n`;
  for await (const page of everyPledgePage(reader)) {
    const live = page.filter((p) => p.voidedAt === null);
    const receipts = new Map<number, OpenReceipt[]>();
    for (const r of openReceiptsOf(reader, live.map((p) => p.id))) if (!r.voided) receipts.set(r.pledgeId, [...(receipts.get(r.pledgeId) ?? []), r]);
    for (const p of live) yield `${renderXml(activity(p, receipts.get(p.id) ?? []), 1)}\n`;
  }
  yield '</iati-activities>\n';
}

/** The IATI XML of the ledger as of this moment, streamed. */
export function iatiStream(db: Db, options: IatiOptions = iatiOptions()): ReadableStream<Uint8Array> {
  return textStream(fromSnapshot(db, (reader) => iatiChunks(reader, options)));
}
