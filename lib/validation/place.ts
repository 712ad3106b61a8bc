// The one schema for places: used by the API, the server actions and the forms.
import { z } from 'zod';
import { PLACE_LEVELS } from '../codes';
import { id, optionalText, version } from './common';

export const placeInputSchema = z
  .object({
    name: optionalText(120),
    nameZh: optionalText(120),
    level: z.enum(PLACE_LEVELS, { error: 'errors.placeLevel' }),
    parentId: id.nullish().transform((v) => v ?? null),
  })
  .refine((p) => p.name !== null || p.nameZh !== null, { error: 'errors.nameRequired', path: ['nameZh'] })
  .refine((p) => (p.level === 'county') === (p.parentId === null), { error: 'errors.parentRequired', path: ['parentId'] });

export type PlaceInput = z.infer<typeof placeInputSchema>;

export const placeUpdateSchema = z.object({ version: version.optional() }).passthrough();
