'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { setupAdminAction } from '@/app/_actions/session';
import { Button } from '@/components/ui/button';
import { Field, Input, describedBy } from '@/components/ui/field';

export function SetupForm() {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState(setupAdminAction, undefined);
  const err = state?.fields ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state?.message && (
        <p role="alert" className="rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
          {state.message}
        </p>
      )}
      <Field id="displayName" label={t('displayName')} error={err.displayName} required>
        <Input id="displayName" name="displayName" defaultValue={state?.values?.displayName} autoComplete="name" required aria-invalid={Boolean(err.displayName)} aria-describedby={describedBy('displayName', err.displayName)} />
      </Field>
      <Field id="username" label={t('username')} error={err.username} required>
        <Input id="username" name="username" defaultValue={state?.values?.username} autoComplete="username" required aria-invalid={Boolean(err.username)} aria-describedby={describedBy('username', err.username)} />
      </Field>
      <Field id="password" label={t('password')} hint={t('passwordHint')} error={err.password} required>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} aria-invalid={Boolean(err.password)} aria-describedby={describedBy('password', err.password, true)} />
      </Field>
      <Button type="submit" disabled={pending}>
        {t('setupSubmit')}
      </Button>
    </form>
  );
}
