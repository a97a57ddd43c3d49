import type { PiiVault } from '@app/event-sourcing';
import { applicationPiiSubject } from '../domain/application.event';
import type { SealedApplicantInfo, SealedCustomerInfo } from '../domain/application.event';
import type { CheckedApplicantInfo, CustomerInfo } from '../domain/contact-info-rules';
import { asSealedText, type SealedText } from '../domain/sealed-text';

/**
 * Personal fields (SEALED_FIELDS) go through the PII vault under the application's own subject,
 * so forgetting it erases them from every event and read model at once. Calls run one after the
 * other: on PGlite the vault shares the single session, and a key is created on first use.
 */
export class ApplicationCipher {
  constructor(private readonly vault: PiiVault) {}

  async sealCustomer(applicationId: number, customer: CustomerInfo): Promise<SealedCustomerInfo> {
    const seal = this.sealer(applicationId);
    return {
      name: customer.name,
      department: customer.department,
      contactName: await seal(customer.contactName),
      phone: await seal(customer.phone),
    };
  }

  async sealApplicant(
    applicationId: number,
    applicant: CheckedApplicantInfo,
  ): Promise<SealedApplicantInfo> {
    const seal = this.sealer(applicationId);
    return {
      company: applicant.company,
      department: applicant.department,
      name: await seal(applicant.name),
      phone1: await seal(applicant.phone1),
      phone2: applicant.phone2 === null ? null : await seal(applicant.phone2),
      email: await seal(applicant.email),
      fax: applicant.fax === null ? null : await seal(applicant.fax),
    };
  }

  async openCustomer(customer: SealedCustomerInfo): Promise<CustomerInfo> {
    return {
      name: customer.name,
      department: customer.department,
      contactName: await this.vault.decrypt(customer.contactName),
      phone: await this.vault.decrypt(customer.phone),
    };
  }

  async openApplicant(applicant: SealedApplicantInfo): Promise<CheckedApplicantInfo> {
    const open = (text: SealedText | null) =>
      text === null ? Promise.resolve(null) : this.vault.decrypt(text);
    return {
      company: applicant.company,
      department: applicant.department,
      name: await this.vault.decrypt(applicant.name),
      phone1: await this.vault.decrypt(applicant.phone1),
      phone2: await open(applicant.phone2),
      email: await this.vault.decrypt(applicant.email),
      fax: await open(applicant.fax),
    };
  }

  /** Before opening several applications: their keys in one read instead of one each. */
  prefetch(applicationIds: readonly number[]): Promise<void> {
    return this.vault.prefetch(applicationIds.map(applicationPiiSubject));
  }

  private sealer(applicationId: number): (plaintext: string) => Promise<SealedText> {
    const subject = applicationPiiSubject(applicationId);
    return async (plaintext) => asSealedText(await this.vault.encrypt(subject, plaintext));
  }
}
