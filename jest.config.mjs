// Jest runs in ESM mode: NestJS 12 ships ESM only, and jest's CommonJS loader cannot require it.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // The fault suite runs alone: `npm run test:faults` (jest.faults.config.mjs).
  testPathIgnorePatterns: ['/node_modules/', '\\.faults\\.spec\\.ts$'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    '^@app/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing',
    '^@app/event-sourcing/domain$': '<rootDir>/libs/event-sourcing/src/domain',
    '^@test/(.*)$': '<rootDir>/test/$1',
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
