import { EntitySchema } from 'typeorm';

/**
 * The applicant's address of each application, as its latest submission or change gave it
 * (vault ciphertext, copied from the event): status events name the application only.
 */
export interface ApplicationMailRecipient {
  applicationId: number;
  email: string;
  /** The addressee's name, vault ciphertext; null for rows kept before names were. */
  name?: string | null;
}

export const ApplicationMailRecipientEntity = new EntitySchema<ApplicationMailRecipient>({
  name: 'ApplicationMailRecipient',
  tableName: 'application_mail_recipients',
  columns: {
    applicationId: { type: 'integer', primary: true, name: 'application_id' },
    email: { type: 'text' },
    name: { type: 'text', nullable: true },
  },
});
