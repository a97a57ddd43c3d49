import { EntitySchema } from 'typeorm';
import type { ApplicationKind, ApplicationStatus } from '../domain/application.event';
import type { SubmittedApplication } from '../domain/application.state';

/**
 * One application as search (APP-10) and `application` show it. `view` is the folded aggregate:
 * its personal fields are still vault ciphertext, decrypted at query time.
 */
export interface ApplicationSearchRow {
  applicationId: number;
  registeredAt: Date;
  status: ApplicationStatus;
  kind: ApplicationKind;
  ownerAccountId: string;
  customerName: string;
  /** `customerNameSearchKey(customerName)`, under the trigram index. */
  customerNameKey: string;
  /** `customerNameGrams(customerNameKey)`: one- and two-character searches, under a GIN index. */
  customerNameGrams: string[];
  updatedAt: Date;
  /** Stream revision of the last event folded in. */
  revision: number;
  view: SubmittedApplication;
}

export const ApplicationSearchRowEntity = new EntitySchema<ApplicationSearchRow>({
  name: 'ApplicationSearchRow',
  tableName: 'application_search',
  columns: {
    applicationId: { type: 'integer', primary: true, name: 'application_id' },
    registeredAt: { type: 'timestamptz', name: 'registered_at' },
    status: { type: 'text' },
    kind: { type: 'text' },
    ownerAccountId: { type: 'text', name: 'owner_account_id' },
    customerName: { type: 'text', name: 'customer_name' },
    customerNameKey: { type: 'text', name: 'customer_name_key' },
    customerNameGrams: { type: 'text', array: true, name: 'customer_name_grams' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    revision: { type: 'integer' },
    view: { type: 'jsonb' },
  },
});
