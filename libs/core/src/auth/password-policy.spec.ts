import fc from 'fast-check';
import { dictionary } from '@zxcvbn-ts/language-common';
import { DEMO_PASSWORD } from '../seed/demo-org';
import { PUBLISHED_SECRETS } from '../config/production-secrets';
import { PASSWORD_MIN, passwordProblem } from './password-policy';

const GOOD = 'cobalt-Lantern-58';

describe('password policy', () => {
  it('accepts long uncommon passwords', () => {
    for (const p of [
      GOOD,
      'Passw0rd!x',
      '长城脚下的小院子2026',
      'correct horse battery staple',
      'x'.repeat(4) + 'yzabc9',
    ])
      expect(passwordProblem(p, 'city_op')).toBeNull();
  });

  it('refuses every password shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: PASSWORD_MIN - 1, unit: 'binary' }), (p) => {
        expect(passwordProblem(p)).not.toBeNull();
      }),
    );
  });

  it('counts characters, not UTF-16 units (nine emoji are too short)', () => {
    expect(passwordProblem('😀😁😂🤣😃😄😅😆😉')).toBe(`密码至少 ${PASSWORD_MIN} 位`);
  });

  it('refuses the demo password and every published secret, whatever the case', () => {
    for (const p of [DEMO_PASSWORD, ...PUBLISHED_SECRETS].filter((s) => [...s].length >= PASSWORD_MIN)) {
      expect(passwordProblem(p)).toMatch(/常见/);
      expect(passwordProblem(p.toUpperCase())).toMatch(/常见/);
    }
  });

  it('refuses every common password of acceptable length, and with digits or symbols around it', () => {
    const common = dictionary['passwords-common'].filter((p) => /^\p{L}{3,}$/u.test(p));
    fc.assert(
      fc.property(
        fc.constantFrom(...common),
        fc.stringMatching(/^[0-9!@#$%.]{0,6}$/),
        fc.stringMatching(/^[0-9!@#$%.]{0,6}$/),
        (word, before, after) => {
          const p = `${before}${word}${after}`;
          fc.pre([...p].length >= PASSWORD_MIN);
          expect(passwordProblem(p)).toMatch(/常见/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a password containing the username, in any case and position', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9_]{2,15}$/), fc.string({ maxLength: 8 }), (name, pad) => {
        const p = `${pad}${name.toUpperCase()}Zq-9${pad}`;
        // eslint-disable-next-line no-control-regex
        fc.pre([...p].length >= PASSWORD_MIN && p === p.trim() && !/[\u0000-\u001f\u007f-\u009f]/.test(p));
        expect(passwordProblem(p, name)).toBe('密码不能包含用户名');
      }),
    );
  });

  it('refuses whitespace padding, control characters and lone surrogates anywhere', () => {
    const ws = fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0');
    fc.assert(fc.property(ws, (w) => expect(passwordProblem(`${w}${GOOD}`)).toMatch(/首尾/)));
    fc.assert(fc.property(ws, (w) => expect(passwordProblem(`${GOOD}${w}`)).toMatch(/首尾/)));
    const bad = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff');
    fc.assert(
      fc.property(bad, fc.nat(GOOD.length), (c, at) => {
        expect(passwordProblem(GOOD.slice(0, at) + c + GOOD.slice(at))).toMatch(/控制字符|无效字符/);
      }),
    );
  });

  it('refuses passwords of fewer than 5 distinct characters', () => {
    expect(passwordProblem('abababababab')).toMatch(/5 个不同/);
    expect(passwordProblem('qzqzqzqzxy')).toMatch(/5 个不同/);
  });

  it('refuses non-strings', () => {
    for (const v of [null, undefined, 12345678901, {}, []]) expect(passwordProblem(v)).not.toBeNull();
  });
});
