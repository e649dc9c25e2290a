/** The engagement a vault holds: who is inspected, for which period, by whom. */
import { z } from 'zod';

const isoDate = z.iso.date();

export const teamMemberSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['lead', 'auditor', 'reviewer', 'manager']),
});

export const engagementSchema = z
  .object({
    /** The insurer being inspected, e.g. 某某產物保險股份有限公司. */
    entity: z.string().trim().min(1).max(200),
    periodStart: isoDate,
    periodEnd: isoDate,
    scope: z.string().trim().max(4000),
    team: z.array(teamMemberSchema).min(1).max(50),
  })
  .refine((e) => e.periodStart <= e.periodEnd, {
    message: 'the period must not end before it starts',
    path: ['periodEnd'],
  });
export type Engagement = z.infer<typeof engagementSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
