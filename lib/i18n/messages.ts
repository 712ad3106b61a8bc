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

export const MESSAGES = {
  zh: { ...zhCommon, ...zhErrors, ...zhDashboard, ...zhPledges, ...zhDirectory, ...zhAuth },
  en: { ...enCommon, ...enErrors, ...enDashboard, ...enPledges, ...enDirectory, ...enAuth },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['zh'];
