'use client';
// The account forms: create a user, change a role, disable or enable, reset a password.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from '@/app/admin/actions';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { ROLES, type Role } from '@/lib/codes';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import type { FormState } from '@/lib/i18n/form-errors';
import { ActionDialog } from './action-dialog';

export type UserRow = { id: number; username: string; displayName: string; role: Role; disabled: boolean; version: number };

function RoleSelect({ id, error, defaultRole }: { id: string; error: FormState; defaultRole: Role }) {
  const t = useTranslations();
  const [role, setRole] = useState<string>(error?.values?.role || defaultRole);
  const message = error?.fields?.role;
  return (
    <Field id={id} label={t('admin.users.role')} hint={ROLES.includes(role as Role) ? t(`admin.users.roleHelp.${role as Role}`) : undefined} error={message} required>
      <Select id={id} name="role" value={role} onChange={(e) => setRole(e.target.value)} aria-invalid={Boolean(message)} aria-describedby={describedBy(id, message, true)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function PasswordField({ id, label, error, hint }: { id: string; label: string; error: FormState; hint: string }) {
  const message = error?.fields?.password;
  return (
    <Field id={id} label={label} hint={hint} error={message} required>
      <Input id={id} name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required aria-invalid={Boolean(message)} aria-describedby={describedBy(id, message, true)} />
    </Field>
  );
}

export function CreateUserDialog() {
  const t = useTranslations('admin.users');
  return (
    <ActionDialog
      action={createUserAction}
      trigger={{ text: t('create.open'), variant: 'primary' }}
      title={t('create.title')}
      description={t('create.intro')}
      submit={{ text: t('create.submit'), pending: t('saving') }}
      cancel={t('cancel')}
    >
      {(error) => (
        <>
          <Field id="new-user-name" label={t('displayName')} error={error?.fields?.displayName} required>
            <Input id="new-user-name" name="displayName" maxLength={60} required defaultValue={error?.values?.displayName} aria-invalid={Boolean(error?.fields?.displayName)} aria-describedby={describedBy('new-user-name', error?.fields?.displayName)} />
          </Field>
          <Field id="new-user-username" label={t('username')} error={error?.fields?.username} required>
            <Input
              id="new-user-username"
              name="username"
              maxLength={40}
              required
              autoComplete="off"
              spellCheck={false}
              defaultValue={error?.values?.username}
              aria-invalid={Boolean(error?.fields?.username)}
              aria-describedby={describedBy('new-user-username', error?.fields?.username)}
            />
          </Field>
          <RoleSelect id="new-user-role" error={error} defaultRole="viewer" />
          <PasswordField id="new-user-password" label={t('create.password')} hint={t('create.passwordHint')} error={error} />
        </>
      )}
    </ActionDialog>
  );
}

export function ChangeRoleDialog({ user }: { user: UserRow }) {
  const t = useTranslations('admin.users');
  return (
    <ActionDialog
      action={changeRoleAction}
      hidden={{ userId: user.id, version: user.version }}
      trigger={{ text: t('changeRole.open'), label: t('changeRole.label', { name: user.displayName }), variant: 'ghost', className: 'min-h-9 px-2 whitespace-nowrap' }}
      title={t('changeRole.title', { name: user.displayName })}
      submit={{ text: t('changeRole.submit'), pending: t('saving') }}
      cancel={t('cancel')}
    >
      {(error) => <RoleSelect id={`role-${user.id}`} error={error} defaultRole={user.role} />}
    </ActionDialog>
  );
}

export function ToggleDisabledDialog({ user }: { user: UserRow }) {
  const t = useTranslations('admin.users');
  const which = user.disabled ? 'enable' : 'disable';
  return (
    <ActionDialog
      action={setDisabledAction}
      hidden={{ userId: user.id, version: user.version, disabled: String(!user.disabled) }}
      trigger={{ text: t(`${which}.open`), label: t(`${which}.label`, { name: user.displayName }), variant: 'ghost', className: user.disabled ? 'min-h-9 px-2 whitespace-nowrap' : 'min-h-9 px-2 whitespace-nowrap text-warn-700 hover:bg-warn-50' }}
      title={t(`${which}.title`, { name: user.displayName })}
      description={<p>{t(`${which}.body`)}</p>}
      submit={{ text: t(`${which}.submit`), pending: t('saving'), variant: user.disabled ? 'primary' : 'danger' }}
      cancel={t('cancel')}
    />
  );
}

export function ResetPasswordDialog({ user }: { user: UserRow }) {
  const t = useTranslations('admin.users');
  return (
    <ActionDialog
      action={resetPasswordAction}
      hidden={{ userId: user.id, version: user.version }}
      trigger={{ text: t('reset.open'), label: t('reset.label', { name: user.displayName }), variant: 'ghost', className: 'min-h-9 px-2 whitespace-nowrap' }}
      title={t('reset.title', { name: user.displayName })}
      description={<p>{t('reset.body')}</p>}
      submit={{ text: t('reset.submit'), pending: t('saving') }}
      cancel={t('cancel')}
    >
      {(error) => <PasswordField id={`password-${user.id}`} label={t('reset.password')} hint={t('create.passwordHint')} error={error} />}
    </ActionDialog>
  );
}
