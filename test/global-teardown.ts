export default async function globalTeardown(): Promise<void> {
  await Promise.all((globalThis.embeddedTestDatabases ?? []).map((database) => database.stop()));
}
