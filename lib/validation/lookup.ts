// The query of the pickers' type-ahead endpoints: what was typed, how many answers, and for places a level.
import { z } from 'zod';
import { PLACE_LEVELS } from '../codes';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const lookupQuerySchema = z.object({
  // Longer text cannot name anything; cut rather than refuse, as a person may paste a whole cell.
  q: z.preprocess(blankToUndefined, z.string().transform((s) => s.trim().slice(0, 100)).optional()),
  limit: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,4}$/, { error: 'errors.number' })
      .transform(Number)
      .pipe(z.number().int().min(1, { error: 'errors.number' }).max(500, { error: 'errors.number' }))
      .default(20),
  ),
  level: z.preprocess(blankToUndefined, z.enum(PLACE_LEVELS, { error: 'errors.placeLevel' }).optional()),
});

export type LookupQuery = z.infer<typeof lookupQuerySchema>;
