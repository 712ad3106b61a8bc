'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction } from '@/app/_actions/session';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState(signInAction, undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state?.message && (
        <p role="alert" className="rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
          {state.message}
        </p>
      )}
      <Field id="username" label={t('username')} error={state?.fields?.username}>
        <Input id="username" name="username" defaultValue={state?.values?.username} autoComplete="username" required autoFocus aria-invalid={Boolean(state?.fields?.username)} />
      </Field>
      <Field id="password" label={t('password')} error={state?.fields?.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(state?.fields?.password)} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
