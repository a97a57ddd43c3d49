// The addresses the FAQ names (ACC-8); a deployment with others builds the portal with
// VITE_CONTACT_ADDRESS / VITE_SENDER_ADDRESS set, as the API's MAIL_FROM is set.
export const CONTACT_ADDRESS: string =
  (import.meta.env.VITE_CONTACT_ADDRESS as string | undefined) ?? 'Kouatsu2023@tepcoco.jp';
export const SENDER_ADDRESS: string =
  (import.meta.env.VITE_SENDER_ADDRESS as string | undefined) ?? 'lhtepcopg@tepcoco.jp';
export const SENDER_DOMAIN = SENDER_ADDRESS.slice(SENDER_ADDRESS.indexOf('@'));
