// The one schema for donors: used by the API, the server actions and the forms.
import { z } from 'zod';
import { DONOR_TYPES } from '../codes';
import { optionalText } from './common';

export const donorInputSchema = z
  .object({
    name: optionalText(200),
    nameZh: optionalText(200),
    type: z.enum(DONOR_TYPES, { error: 'errors.donorType' }),
    contactPerson: optionalText(100),
    phone: optionalText(40),
    note: optionalText(2000),
  })
  .refine((d) => d.name !== null || d.nameZh !== null, { error: 'errors.nameRequired', path: ['nameZh'] });

export type DonorInput = z.infer<typeof donorInputSchema>;
