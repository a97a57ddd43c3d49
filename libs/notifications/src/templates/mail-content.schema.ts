import { z } from 'zod';
import type { MailContent, MailTemplateName } from './mail-templates';

const text = z.string().min(1);
const instant = z.iso.datetime({ offset: true });

const schemas = {
  'verification-link': z.object({ userId: text, token: text, expiresAt: instant }),
  'account-locked': z.object({ userId: text }),
  'initial-password-issued': z.object({ userId: text, initialPassword: text, expiresAt: instant }),
  'contact-changed': z.object({ userId: text }),
  'application-received': z.object({ applicationId: text }),
  'application-status-changed': z.object({
    applicationId: text,
    status: z.enum(['RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'RETURNED', 'REJECTED', 'WITHDRAWN']),
    reason: z.string().optional(),
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
