'use client';
// The donor form, for a new donor and for an edit: errors beside each field, what was typed kept on error.
import Link from 'next/link';
import { useActionState, useId } from 'react';
import { useTranslations } from 'next-intl';
import { DONOR_TYPES } from '@/lib/codes';
import { saveDonorAction } from '@/app/donors/actions';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input, Select, Textarea, describedBy } from '@/components/ui/field';
import { FormNotice } from './form-notice';

export type DonorFormValues = { nameZh: string; name: string; type: string; contactPerson: string; phone: string; note: string };

type Props = { initial: DonorFormValues; id?: number; version?: number; token?: string; cancelHref: string };

export function DonorForm({ initial, id, version, token, cancelHref }: Props) {
  const t = useTranslations('directory.donorForm');
  const tc = useTranslations();
  const uid = useId();
  const [state, action, pending] = useActionState(saveDonorAction, undefined);
  const v = { ...initial, ...state?.values };
  const f = state?.fields ?? {};
  const fid = (name: string) => `${uid}-${name}`;
  const text = (name: 'nameZh' | 'name' | 'contactPerson' | 'phone', opts: { label: string; hint?: string; max: number; type?: string; autoComplete?: string; required?: boolean }) => (
    <Field id={fid(name)} label={opts.label} hint={opts.hint} error={f[name]} required={opts.required}>
      <Input
        id={fid(name)}
        name={name}
        type={opts.type ?? 'text'}
        maxLength={opts.max}
        autoComplete={opts.autoComplete ?? 'off'}
        defaultValue={v[name]}
        aria-invalid={Boolean(f[name])}
        aria-describedby={describedBy(fid(name), f[name], Boolean(opts.hint))}
      />
    </Field>
  );

  return (
    <form action={action} noValidate aria-label={id ? t('editTitle') : t('newTitle')} className="flex flex-col gap-5 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {token && <input type="hidden" name="token" value={token} />}
      <FormNotice state={state} reloadHref={id ? `/donors/${id}/edit` : undefined} />
      <fieldset>
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t('names')}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {text('nameZh', { label: t('nameZh'), hint: t('nameHint'), max: 200 })}
          {text('name', { label: t('name'), max: 200 })}
        </div>
      </fieldset>
      <Field id={fid('type')} label={t('type')} error={f.type} required className="sm:max-w-sm">
        {/* Keyed by what was sent: React does not update a select's default on re-render, and the form resets to defaults after each submit. */}
        <Select key={v.type} id={fid('type')} name="type" defaultValue={v.type} aria-invalid={Boolean(f.type)} aria-describedby={describedBy(fid('type'), f.type)} required>
          <option value="">{t('choose')}</option>
          {DONOR_TYPES.map((code) => (
            <option key={code} value={code}>
              {tc(`donorTypes.${code}`)}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t('contact')}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {text('contactPerson', { label: t('contactPerson'), max: 100 })}
          {text('phone', { label: t('phone'), hint: t('phoneHint'), max: 40, type: 'tel' })}
        </div>
      </fieldset>
      <Field id={fid('note')} label={t('note')} hint={t('noteHint')} error={f.note}>
        <Textarea id={fid('note')} name="note" rows={3} maxLength={2000} defaultValue={v.note} aria-invalid={Boolean(f.note)} aria-describedby={describedBy(fid('note'), f.note, true)} />
      </Field>
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : id ? t('saveChanges') : t('create')}
        </Button>
        <Link href={cancelHref} className={buttonClass('secondary')}>
          {tc('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
