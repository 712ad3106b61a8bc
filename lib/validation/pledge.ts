// The one schema for pledges and their allocations: used by the API, the server actions and the forms.
import { z } from 'zod';
import { CATEGORY_CODES, CHANNELS, PLEDGE_FORMS } from '../codes';
import { count, fen, id, isoDate, optionalText } from './common';
import { instalmentsSchema } from './receipt';

export const MAX_ALLOCATIONS = 50;

const allocationSchema = z.object({
  placeId: id,
  category: z.enum(CATEGORY_CODES, { error: 'errors.category' }),
  amountFen: fen,
});

export const pledgeInputSchema = z
  .object({
    donorId: id,
    form: z.enum(PLEDGE_FORMS, { error: 'errors.form' }),
    amountFen: fen,
    pledgedOn: isoDate,
    dueOn: isoDate.nullish().transform((v) => v ?? null),
    channel: z.enum(CHANNELS, { error: 'errors.channel' }).default('coordinated'),
    projectName: optionalText(200),
    note: optionalText(2000),
    beneficiaries: count,
    jobs: count,
    peopleTrained: count,
    placeId: id.optional(),
    category: z.enum(CATEGORY_CODES, { error: 'errors.category' }).optional(),
    instalments: instalmentsSchema.optional(),
    allocations: z.array(allocationSchema, { error: 'errors.allocations' }).min(1, { error: 'errors.allocations' }).max(MAX_ALLOCATIONS, { error: 'errors.tooManyAllocations' }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.amountFen === 0 && p.form !== 'training') {
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'errors.amountZero' });
    }
    if (p.dueOn !== null && p.dueOn < p.pledgedOn) {
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'errors.dueBeforePledged' });
    }
    if (p.instalments && p.instalments.length > 0) {
      if (p.instalments.reduce((sum, i) => sum + i.amountFen, 0) !== p.amountFen) {
        ctx.addIssue({ code: 'custom', path: ['instalments'], message: 'errors.instalmentsMismatch' });
      }
      p.instalments.forEach((i, n) => {
        if (i.dueOn < p.pledgedOn) ctx.addIssue({ code: 'custom', path: ['instalments', n, 'dueOn'], message: 'errors.dueBeforePledged' });
      });
    }
    if (p.allocations === undefined) {
      if (p.placeId === undefined) ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'errors.placeRequired' });
      if (p.category === undefined) ctx.addIssue({ code: 'custom', path: ['category'], message: 'errors.categoryRequired' });
      return;
    }
    const total = p.allocations.reduce((sum, a) => sum + a.amountFen, 0);
    if (total !== p.amountFen) {
      ctx.addIssue({ code: 'custom', path: ['allocations'], message: 'errors.allocationsMismatch' });
    }
  })
  .transform(({ placeId, category, allocations, instalments, ...rest }) => ({
    ...rest,
    instalments: instalments ?? [],
    allocations: allocations ?? [{ placeId: placeId!, category: category!, amountFen: rest.amountFen }],
  }));

export type PledgeInput = z.output<typeof pledgeInputSchema>;
export type PledgeInputRaw = z.input<typeof pledgeInputSchema>;

export const voidSchema = z.object({
  reason: z.string({ error: 'errors.voidReason' }).trim().min(2, { error: 'errors.voidReason' }).max(500, { error: 'errors.tooLong' }),
  version: z.number().int().positive().optional(),
});
