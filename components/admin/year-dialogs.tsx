'use client';
// Closing or reopening a year, each after a confirmation that says what it does.
import { useTranslations } from 'next-intl';
import { closeYearAction, reopenYearAction } from '@/app/admin/actions';
import { ActionDialog } from './action-dialog';

export function YearDialog({ year, closed }: { year: number; closed: boolean }) {
  const t = useTranslations('admin');
  const which = closed ? 'reopen' : 'close';
  return (
    <ActionDialog
      action={closed ? reopenYearAction : closeYearAction}
      hidden={{ year }}
      trigger={{ text: t(`years.${which}.open`), label: t(`years.${which}.label`, { year }), variant: closed ? 'secondary' : 'primary', className: 'min-h-9 whitespace-nowrap' }}
      title={t(`years.${which}.title`, { year })}
      description={<p>{t(`years.${which}.body`, { year })}</p>}
      submit={{ text: t(`years.${which}.submit`), pending: t('users.saving'), variant: closed ? 'danger' : 'primary' }}
      cancel={t('users.cancel')}
    />
  );
}
