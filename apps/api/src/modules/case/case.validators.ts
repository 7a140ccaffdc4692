import { registerDecorator, ValidationOptions } from 'class-validator';
import { isContactPhone, isResidentIdNumber, isUnifiedSocialCreditCode } from '@weiquan/shared';

// The same rules the console uses (libs/shared/src/case/case-rules.ts).
function rule(name: string, test: (v: string) => boolean, message: string) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && v.length <= 64 && test(v) },
    });
}

export const IsContactPhone = rule('isContactPhone', isContactPhone, '电话号码格式不正确（手机号11位，或区号-座机号）');
export const IsCreditCode = rule(
  'isCreditCode',
  isUnifiedSocialCreditCode,
  '统一社会信用代码不正确（18位，校验位不符）',
);
export const IsIdNumber = rule('isIdNumber', isResidentIdNumber, '身份证号码不正确');
