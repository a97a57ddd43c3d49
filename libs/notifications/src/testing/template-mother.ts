import type { TemplateContext } from '../templates/mail-template';

export const templateContext: TemplateContext = {
  publicUrl: 'https://b-route.example.jp',
  supportEmail: 'Kouatsu2023@tepcoco.jp',
  signature: '東京電力パワーグリッド株式会社',
};

/** Two people's data: a mail for one must show nothing of the other. */
export const alice = {
  userId: 'alice_01',
  token: 'tok-ALICE-5f2c9d0e8a7b4c1d',
  initialPassword: 'Init-Alice-Pw-93kq',
  applicationId: '42006',
};
export const bob = {
  userId: 'bob.tanaka',
  token: 'tok-BOB-0a1b2c3d4e5f6a7b',
  initialPassword: 'Init-Bob-Pw-x81z',
  applicationId: '42007',
};

export function showsNothingOf(text: string, other: Readonly<Record<string, string>>): boolean {
  return Object.values(other).every((value) => !text.includes(value));
}
