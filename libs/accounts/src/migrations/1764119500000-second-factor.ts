import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const options = queryRunner.connection.options as { schema?: string };
  return options.schema ?? 'public';
}

/**
 * ACC-9: `Account.mfaEnabled` in the read model, and a session flag for a staff session whose
 * account has no second factor yet (it may only enrol, change the password, `me` and log out).
 */
export class SecondFactor1764119500000 implements MigrationInterface {
  name = 'SecondFactor1764119500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(
      `ALTER TABLE ${s}.accounts ADD COLUMN mfa_enabled boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE ${s}.sessions ADD COLUMN mfa_enrolment_required boolean NOT NULL DEFAULT false`,
    );
    // No staff account has a factor yet: staff sessions open at upgrade time are held to it too.
    await queryRunner.query(
      `UPDATE ${s}.sessions SET mfa_enrolment_required = true WHERE role IN ('OPERATOR', 'AUDITOR')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.sessions DROP COLUMN mfa_enrolment_required`);
    await queryRunner.query(`ALTER TABLE ${s}.accounts DROP COLUMN mfa_enabled`);
  }
}
