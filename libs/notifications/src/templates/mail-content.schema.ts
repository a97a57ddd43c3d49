import { z } from 'zod';
import type { MailContent, MailTemplateName } from './mail-templates';

const text = z.string().min(1);
const instant = z.iso.datetime({ offset: true });

// The addressee's name is optional: requests recorded before it was kept have none.
const addressee = z.string().optional();
const day = z.iso.date();

const schemas = {
  'verification-link': z.object({ userId: text, token: text, expiresAt: instant, addressee }),
  'account-locked': z.object({ userId: text, addressee }),
  'initial-password-issued': z.object({
    userId: text,
    initialPassword: text,
    expiresAt: instant,
    addressee,
  }),
  'contact-changed': z.object({ userId: text, addressee }),
  'password-changed': z.object({ userId: text, changedAt: instant, addressee }),
  'application-received': z.object({
    applicationId: text,
    kind: z.enum(['NEW', 'TERMINATION', 'ACTIVATION']).optional(),
    desiredStartDate: day.optional(),
    points: z.array(z.object({ kind: z.enum(['SUPPLY', 'RECEPTION']), pointId: text })).optional(),
    warnings: z.array(z.object({ code: text, from: day, to: day })).optional(),
    addressee,
  }),
  'application-status-changed': z.object({
    applicationId: text,
    status: z.enum(['RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'RETURNED', 'REJECTED', 'WITHDRAWN']),
    reason: z.string().optional(),
    addressee,
  }),
} satisfies Record<MailTemplateName, z.ZodType>;

/** Checks parameters read back from the ledger (opened from the vault) against their template. */
export function parseMailContent(template: MailTemplateName, params: unknown): MailContent {
  switch (template) {
    case 'verification-link':
      return { template, params: schemas[template].parse(params) };
    case 'account-locked':
      return { template, params: schemas[template].parse(params) };
    case 'initial-password-issued':
      return { template, params: schemas[template].parse(params) };
    case 'contact-changed':
      return { template, params: schemas[template].parse(params) };
    case 'password-changed':
      return { template, params: schemas[template].parse(params) };
    case 'application-received':
      return { template, params: schemas[template].parse(params) };
    case 'application-status-changed':
      return { template, params: schemas[template].parse(params) };
    default: {
      const unknown: never = template;
      throw new Error(`unknown mail template ${String(unknown)}`);
    }
  }
}
