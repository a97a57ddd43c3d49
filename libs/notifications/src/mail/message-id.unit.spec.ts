import { stableMessageId } from './message-id';

describe('stable Message-ID', () => {
  const event = '0f8e8a36-6a57-4d1e-9b8e-3b1b3a4a5c6d';

  it('is the same for the same event, recipient and template, on the sender domain (ACC-8)', () => {
    const id = stableMessageId(event, 'account-1', 'account-locked', 'no-reply@b-route.example.jp');
    expect(id).toBe(
      stableMessageId(
        event,
        'account-1',
        'account-locked',
        'No Reply <no-reply@b-route.example.jp>',
      ),
    );
    expect(id).toMatch(/^<[0-9a-f]{40}\.notification@b-route\.example\.jp>$/);
  });

  it('differs for another recipient or template', () => {
    const ids = new Set([
      stableMessageId(event, 'account-1', 'account-locked', 'no-reply@x.jp'),
      stableMessageId(event, 'account-2', 'account-locked', 'no-reply@x.jp'),
      stableMessageId(event, 'account-1', 'contact-changed', 'no-reply@x.jp'),
    ]);
    expect(ids.size).toBe(3);
  });
});
