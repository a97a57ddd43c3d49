export { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';
export { type ReceivedMail } from './raw-mail';
