// The schemas for accounts: creating users, changing them, signing in.
import { z } from 'zod';
import { ROLES } from '../codes';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password-rules';

const password = z
  .string({ error: 'errors.password' })
  .min(MIN_PASSWORD_LENGTH, { error: 'errors.passwordShort' })
  .max(MAX_PASSWORD_LENGTH, { error: 'errors.tooLong' });

export const usernameSchema = z
  .string({ error: 'errors.username' })
  .trim()
  .min(2, { error: 'errors.username' })
  .max(40, { error: 'errors.username' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: 'errors.username' });

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: z.string({ error: 'errors.displayName' }).trim().min(1, { error: 'errors.displayName' }).max(60, { error: 'errors.tooLong' }),
  role: z.enum(ROLES, { error: 'errors.role' }),
  password,
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(1, { error: 'errors.displayName' }).max(60, { error: 'errors.tooLong' }).optional(),
  role: z.enum(ROLES, { error: 'errors.role' }).optional(),
  disabled: z.boolean({ error: 'errors.invalidValue' }).optional(),
  password: password.optional(),
  version: z.number().int().positive().optional(),
});

export const signInSchema = z.object({
  username: z.string({ error: 'errors.username' }).trim().min(1, { error: 'errors.username' }).max(100, { error: 'errors.username' }),
  password: z.string({ error: 'errors.password' }).min(1, { error: 'errors.password' }).max(MAX_PASSWORD_LENGTH, { error: 'errors.password' }),
});
