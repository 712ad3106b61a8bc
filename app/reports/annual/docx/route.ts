import { api } from '../../../api/_lib/handler';
import { invalid } from '@/lib/errors';
import { attachment } from '@/lib/export/download';
import { translatorFor } from '@/lib/i18n/labels';
import { buildAnnualReport } from '@/lib/report/annual';
import { reportDocx } from '@/lib/report/docx';
import { reportText } from '@/lib/report/text';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** ?year=YYYY — the annual report as a Word document. */
export const GET = api('read', async ({ db, req, locale }) => {
  const year = req.nextUrl.searchParams.get('year') ?? '';
  if (!/^\d{4}$/.test(year)) throw invalid({ year: { key: 'invalidValue' } });
  const report = buildAnnualReport(db, Number(year), locale);
  const name = translatorFor(locale)('report.files.name', { year });
  return attachment(await reportDocx(report, reportText(report, locale), locale), DOCX, `annual-report-${year}.docx`, `${name}.docx`);
});
