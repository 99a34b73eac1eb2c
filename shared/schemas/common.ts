import * as z from 'zod';

export const roles = [
  'leadership',
  'coordinator',
  'contact_leader',
  'sales_manager',
  'department_staff',
  'finance',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export const IsoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** Server-made ids are ULIDs; the bootstrap staff member is `admin`. */
export const Id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'must be an id');

export const Version = z.number().int().min(1);

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
