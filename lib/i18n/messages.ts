// The message catalogues, one JSON file per feature and language, merged per locale.
import type { Locale } from '../names';
import zhCommon from '@/messages/zh/common.json';
import enCommon from '@/messages/en/common.json';
import zhErrors from '@/messages/zh/errors.json';
import enErrors from '@/messages/en/errors.json';
import zhDashboard from '@/messages/zh/dashboard.json';
import enDashboard from '@/messages/en/dashboard.json';
import zhPledges from '@/messages/zh/pledges.json';
import enPledges from '@/messages/en/pledges.json';
import zhDirectory from '@/messages/zh/directory.json';
import enDirectory from '@/messages/en/directory.json';
import zhAuth from '@/messages/zh/auth.json';
import enAuth from '@/messages/en/auth.json';
import zhAdmin from '@/messages/zh/admin.json';
import enAdmin from '@/messages/en/admin.json';
import zhReceipts from '@/messages/zh/receipts.json';
import enReceipts from '@/messages/en/receipts.json';
import zhPledgeForm from '@/messages/zh/pledge-form.json';
import enPledgeForm from '@/messages/en/pledge-form.json';
import zhImportExport from '@/messages/zh/import-export.json';
import enImportExport from '@/messages/en/import-export.json';
import zhReport from '@/messages/zh/report.json';
import enReport from '@/messages/en/report.json';

export const MESSAGES = {
  zh: { ...zhCommon, ...zhErrors, ...zhDashboard, ...zhPledges, ...zhDirectory, ...zhAuth, ...zhAdmin, ...zhReceipts, ...zhPledgeForm, ...zhImportExport, ...zhReport },
  en: { ...enCommon, ...enErrors, ...enDashboard, ...enPledges, ...enDirectory, ...enAuth, ...enAdmin, ...enReceipts, ...enPledgeForm, ...enImportExport, ...enReport },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['zh'];
