'use client';
// The place form: the level decides which places may be chosen as parent (a town under a county, a village under a town).
import Link from 'next/link';
import { useActionState, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { PLACE_LEVELS, type PlaceLevel } from '@/lib/codes';
import type { ParentOption } from '@/lib/profiles';
import { savePlaceAction } from '@/app/places/actions';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { FormNotice } from '@/components/donors/form-notice';

export type PlaceFormValues = { nameZh: string; name: string; level: PlaceLevel | ''; parentId: string };

type Props = {
  initial: PlaceFormValues;
  /** Counties (parents of towns) and towns (parents of villages). */
  parents: { county: ParentOption[]; town: ParentOption[] };
  id?: number;
  version?: number;
  token?: string;
  cancelHref: string;
};

const PARENT_LEVEL: Record<PlaceLevel, 'county' | 'town' | null> = { county: null, town: 'county', village: 'town' };

/** Options grouped under their own parent (villages' towns under their county) when there is more than one group. */
function ParentOptions({ options }: { options: ParentOption[] }) {
  const groups = [...new Set(options.map((o) => o.group))];
  if (groups.length <= 1) return options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>);
  return groups.map((g) => (
    <optgroup key={g ?? ''} label={g ?? ''}>
      {options.filter((o) => o.group === g).map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </optgroup>
  ));
}

export function PlaceForm({ initial, parents, id, version, token, cancelHref }: Props) {
  const t = useTranslations('directory.placeForm');
  const tc = useTranslations();
  const uid = useId();
  const [state, action, pending] = useActionState(savePlaceAction, undefined);
  const v = { ...initial, ...state?.values } as PlaceFormValues;
  const f = state?.fields ?? {};
  const editing = id !== undefined;
  const [level, setLevel] = useState<PlaceLevel | ''>(initial.level);
  const [seen, setSeen] = useState(state);
  // After a refused save the form shows what was sent, the level included.
  if (seen !== state) {
    setSeen(state);
    if (state?.values?.level !== undefined) setLevel(state.values.level as PlaceLevel | '');
  }
  const parentLevel = level ? PARENT_LEVEL[level] : null;
  const parentOptions = parentLevel ? parents[parentLevel] : [];
  const fid = (name: string) => `${uid}-${name}`;

  return (
    <form action={action} noValidate aria-label={editing ? t('editTitle') : t('newTitle')} className="flex flex-col gap-5 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      {editing && <input type="hidden" name="id" value={id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {token && <input type="hidden" name="token" value={token} />}
      <FormNotice state={state} reloadHref={editing ? `/places/${id}/edit` : undefined} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={fid('level')} label={t('level')} hint={editing ? t('levelFixed') : undefined} error={f.level} required>
          {editing ? (
            <>
              <input type="hidden" name="level" value={level} />
              <Select id={fid('level')} value={level} disabled aria-describedby={describedBy(fid('level'), f.level, true)}>
                {level && <option value={level}>{tc(`levels.${level}`)}</option>}
              </Select>
            </>
          ) : (
            // Uncontrolled and keyed by what was sent: the form resets to its defaults after each submit.
            <Select
              key={v.level}
              id={fid('level')}
              name="level"
              defaultValue={v.level}
              onChange={(e) => setLevel(e.target.value as PlaceLevel | '')}
              aria-invalid={Boolean(f.level)}
              aria-describedby={describedBy(fid('level'), f.level)}
              required
            >
              <option value="">{t('choose')}</option>
              {PLACE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {tc(`levels.${l}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id={fid('parentId')}
          label={t('parent')}
          hint={level === 'county' ? t('parentNone') : level ? t(`parentHint.${level}`) : t('parentFirst')}
          error={f.parentId}
          required={level !== 'county'}
        >
          {/* Keyed by level so a town's county is never carried over as a village's "town", and by what was sent so a reset keeps it. */}
          <Select
            key={`${level}:${v.parentId}`}
            id={fid('parentId')}
            name="parentId"
            defaultValue={parentOptions.some((o) => String(o.id) === v.parentId) ? v.parentId : ''}
            disabled={!parentLevel}
            aria-invalid={Boolean(f.parentId)}
            aria-describedby={describedBy(fid('parentId'), f.parentId, true)}
            required={Boolean(parentLevel)}
          >
            <option value="">{parentLevel ? t(`chooseParent.${parentLevel}`) : '—'}</option>
            <ParentOptions options={parentOptions} />
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t('names')}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field id={fid('nameZh')} label={t('nameZh')} hint={t('nameHint')} error={f.nameZh}>
            <Input id={fid('nameZh')} name="nameZh" maxLength={120} autoComplete="off" defaultValue={v.nameZh} aria-invalid={Boolean(f.nameZh)} aria-describedby={describedBy(fid('nameZh'), f.nameZh, true)} />
          </Field>
          <Field id={fid('name')} label={t('name')} error={f.name}>
            <Input id={fid('name')} name="name" maxLength={120} autoComplete="off" defaultValue={v.name} aria-invalid={Boolean(f.name)} aria-describedby={describedBy(fid('name'), f.name)} />
          </Field>
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : editing ? t('saveChanges') : t('create')}
        </Button>
        <Link href={cancelHref} className={buttonClass('secondary')}>
          {tc('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
