import {
  creditCodeCheckChar,
  isContactPhone,
  isLandline,
  isMobilePhone,
  isResidentIdNumber,
  isServiceNumber,
  isUnifiedSocialCreditCode,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizePhone,
} from './case-rules';

describe(isMobilePhone.name, () => {
  it.each(['13812345678', '19912345678', '+86 138 1234 5678', '138-1234-5678'])('accepts %s', (p) => {
    expect(isMobilePhone(p)).toBe(true);
  });
  it.each(['12812345678', '1381234567', '138123456789', 'abc'])('rejects %s', (p) => {
    expect(isMobilePhone(p)).toBe(false);
  });
});

describe(isLandline.name, () => {
  it.each(['0591-87654321', '010-12345678', '02161234567', '0477-8123456', '87654321', '021-6123456-8001'])(
    'accepts %s',
    (p) => {
      expect(isLandline(p)).toBe(true);
    },
  );
  it.each(['0591-123', '13812345678', '1234567', '0591-01234567', '0091-87654321'])('rejects %s', (p) => {
    expect(isLandline(p)).toBe(false);
  });
});

describe(isServiceNumber.name, () => {
  it.each(['12315', '12345', '0477—12315', '400-123-4567', '110'])('accepts %s', (p) => {
    expect(isServiceNumber(p)).toBe(true);
  });
  it('rejects a fragment', () => {
    expect(isServiceNumber('123')).toBe(false);
    expect(isContactPhone('12')).toBe(false);
  });
});

describe(normalizePhone.name, () => {
  it('drops spaces, prefixes and unifies dashes', () => {
    expect(normalizePhone(' +86 138-1234-5678 ')).toBe('13812345678');
    expect(normalizePhone('（0591）87654321')).toBe('059187654321');
    expect(normalizePhone('0477—12315')).toBe('0477-12315');
  });
});

describe(isUnifiedSocialCreditCode.name, () => {
  it('accepts a code whose check character matches GB 32100-2015', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('maps a weighted sum divisible by 31 to check character 0, not 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(creditCodeCheckChar('9135010OM000100Y4')).toBeNull();
  });
  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y433'],
    ['forbidden letter I', '91350100I000100Y43'],
    ['letters in the region code', '9135A100M000100Y43'],
    ['lower case', '91350100m000100y43'],
    ['empty', ''],
  ])('rejects %s', (_why, code) => {
    expect(isUnifiedSocialCreditCode(code)).toBe(false);
  });
});

describe(isResidentIdNumber.name, () => {
  it('accepts the GB 11643 example with an X check character', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
  });
  it('rejects a wrong check character and an impossible date', () => {
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('110105194902300021')).toBe(false);
  });
});

describe(maskPhone.name, () => {
  it('masks a mobile number in the middle', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the area code and the last four digits of a landline', () => {
    expect(maskPhone('0591-87654321')).toBe('0591-****4321');
    expect(maskPhone('87654321')).toBe('****4321');
    expect(maskPhone('02161234567')).toBe('021-****4567');
    expect(maskPhone('010-12345678-801')).toBe('010-****5678');
  });
  it('shows a public service number as is', () => {
    expect(maskPhone('12315')).toBe('12315');
  });
});

describe(maskIdNumber.name, () => {
  it('keeps the first 3 and last 4 characters of a resident ID', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
  it('keeps the first and last character of a short document number', () => {
    expect(maskIdNumber('E12345678')).toBe('E*******8');
    expect(maskIdNumber('AB')).toBe('**');
  });
});

describe(maskName.name, () => {
  it.each([
    ['张三', '张*'],
    ['李小明', '李**'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
    ['', ''],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
