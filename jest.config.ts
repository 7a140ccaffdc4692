import type { Config } from 'jest';

// One project per app/lib. Pure unit specs (*.spec.ts) and integration specs against real
// MariaDB + Redis (*.int-spec.ts) run in the same invocation; integration specs run serially
// per file through the shared test database (see libs/testing).
const moduleNameMapper = {
  '^@weiquan/(shared|core|testing)$': '<rootDir>/../../libs/$1/src',
};
const transform: Record<string, [string, Record<string, unknown>]> = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.jest.json' }],
};

const project = (dir: string): Config => ({
  displayName: dir,
  rootDir: `<rootDir>/${dir}`,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  moduleNameMapper,
  transform,
});

const config: Config = {
  projects: ['libs/shared', 'libs/core', 'apps/api', 'apps/worker'].map(project),
  // Generous: a loaded CI machine (or the first suite migrating a fresh database) must not fail on time alone.
  testTimeout: 120000,
};

export default config;
