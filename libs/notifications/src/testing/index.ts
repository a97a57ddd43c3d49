export { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';
export { parseRawMail, type ReceivedMail } from './raw-mail';
