/**
 * Secrets that appear in the repository's example files (.env.example, docker/env.example) or its
 * README: anyone can read them, so a production process signing tokens or opening the database with
 * one of them is as good as open. `production-secrets.spec.ts` reads the example files and fails when
 * one of their secrets is missing here.
 */
export const PUBLISHED_SECRETS: ReadonlySet<string> = new Set([
  'dev-only-secret-change-me-please-32chars-min',
  'weiquan_dev_only',
  'change-me-to-a-long-random-secret-of-at-least-32-chars',
  'change-me-db-password',
  'change-me-root-password',
  'Weiquan@2026',
]);

/** Configuration keys holding secrets checked at a production boot. */
export const SECRET_KEYS = ['JWT_SECRET', 'DB_PASSWORD'] as const;
export const MIN_SECRET_BYTES = 32;

/**
 * What is wrong with the secrets of a production configuration (empty = fine): each one must be at
 * least 32 bytes (UTF-8) and none may be a published value. Development and tests may use the examples.
 */
export function productionSecretProblems(values: Record<(typeof SECRET_KEYS)[number], string>): string[] {
  const problems: string[] = [];
  for (const key of SECRET_KEYS) {
    const value = values[key] ?? '';
    if (PUBLISHED_SECRETS.has(value.trim()))
      problems.push(`${key}: 生产环境不得使用示例文件中公开的值，请换成随机生成的密钥`);
    else if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES)
      problems.push(`${key}: 生产环境至少 ${MIN_SECRET_BYTES} 字节（如 openssl rand -base64 48）`);
  }
  return problems;
}
