import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvFile } from './env-file';

describe('loadEnvFile', () => {
  const keys = ['WQ_T_PLAIN', 'WQ_T_COMMENT', 'WQ_T_EMPTY', 'WQ_T_QUOTED', 'WQ_T_HASH', 'WQ_T_SET'];
  afterEach(() => keys.forEach((k) => delete process.env[k]));

  it('reads values, cuts trailing comments, keeps quoted text and never overrides the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wq-env-'));
    const file = join(dir, '.env');
    writeFileSync(
      file,
      [
        '# a comment',
        'WQ_T_PLAIN=abc',
        'WQ_T_COMMENT=3307   # port',
        'WQ_T_EMPTY=                 # optional, empty',
        'WQ_T_QUOTED="a # b"',
        'WQ_T_HASH=pa#ss',
        'WQ_T_SET=from-file',
      ].join('\n'),
    );
    process.env.WQ_T_SET = 'from-env';
    loadEnvFile(file);
    expect(keys.map((k) => process.env[k])).toEqual(['abc', '3307', '', 'a # b', 'pa#ss', 'from-env']);
  });
});
