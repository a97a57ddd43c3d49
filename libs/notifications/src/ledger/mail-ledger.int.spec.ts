import { testDatabaseTargets } from '@test/database';
import { notificationsTestBed, type NotificationsTestBed } from '../testing/notifications-test-bed';
import { UnsealedMailDataError } from './mail-delivery';

const at = new Date('2026-11-26T01:00:00Z');

for (const target of testDatabaseTargets()) {
  describe(`mail delivery ledger on ${target.kind}`, () => {
    let bed: NotificationsTestBed;

    beforeEach(async () => {
      bed = await notificationsTestBed(target);
    });
    afterEach(async () => bed.dispose());

    it('records a request once per (event, recipient, template), however often the batch is applied', async () => {
      const request = await bed.verificationRequest('sato@example.jp', 'secret-token-1', at);
      expect(await bed.enqueue(request)).toEqual([true]);
      expect(await bed.enqueue(request, request)).toEqual([false, false]);
      const other = { ...request, recipient: 'someone-else' };
      expect(await bed.enqueue(other)).toEqual([true]);

      const rows = await bed.rows();
      expect(rows).toHaveLength(2);
      expect(rows.map((row) => [row.status, row.attempts])).toEqual([
        ['pending', 0],
        ['pending', 0],
      ]);
      expect(new Set(rows.map((row) => row.message_id)).size).toBe(2);
    });

    it('holds neither the address nor the token in plaintext', async () => {
      const request = await bed.verificationRequest('sato@example.jp', 'secret-token-2', at);
      await bed.enqueue(request);
      const dump = JSON.stringify(await bed.rows());
      expect(dump).not.toContain('sato@example.jp');
      expect(dump).not.toContain('secret-token-2');
    });

    it('refuses a plaintext address or secret, rolling the batch back', async () => {
      const sealed = await bed.verificationRequest('sato@example.jp', 'secret-token-3', at);
      await expect(bed.enqueue({ ...sealed, to: 'sato@example.jp' })).rejects.toBeInstanceOf(
        UnsealedMailDataError,
      );
      const plainToken = {
        ...sealed,
        content: {
          template: 'verification-link' as const,
          params: { userId: 'sato', token: 'secret-token-3', expiresAt: at.toISOString() },
        },
      };
      await expect(bed.enqueue(sealed, plainToken)).rejects.toBeInstanceOf(UnsealedMailDataError);
      expect(await bed.rows()).toEqual([]);
    });
  });
}
