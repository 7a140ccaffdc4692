import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import type { MetadataStorage } from 'class-validator/types/metadata/MetadataStorage';
import { AppConfig, AppError, Clock, ErrorCode } from '@weiquan/core';
import { findTextProblem, setInputClock, setReceivedMaxAgeYears } from './input-rules';

/**
 * Every string of every argument is checked first (input-rules: no NUL or other control characters, no
 * lone surrogates, no whitespace-only text), then class-validator on every input. The first failing property becomes a BAD_USER_INPUT error whose
 * `field` is the argument path (e.g. 'input.username'); all failures are listed in `details`.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  constructor(clock: Clock, config: AppConfig) {
    setInputClock(() => clock.now());
    setReceivedMaxAgeYears(config.RECEIVED_AT_MAX_AGE_YEARS);
  }

  async transform(value: unknown, meta: ArgumentMetadata): Promise<unknown> {
    const result = await this.validateClass(value, meta);
    // Then every string of every input, whatever its type (after the class's own rules, whose messages
    // are more specific): no control characters, broken Unicode or whitespace-only text.
    const text = findTextProblem(value, meta.data ?? '');
    if (text) throw new AppError(ErrorCode.BAD_USER_INPUT, text.message, text.field, { errors: [text] });
    return result;
  }

  private async validateClass(value: unknown, meta: ArgumentMetadata): Promise<unknown> {
    const type = meta.metatype;
    if (!type || [String, Boolean, Number, Array, Object].includes(type as never) || value == null) return value;
    // Only input classes carry validation rules; parents (@Parent) and other objects pass untouched.
    if (!hasRules(type as Ctor)) return value;
    const instance = plainToInstance(type, value);
    const errors = await validate(instance as object, { whitelist: true, forbidUnknownValues: false });
    if (!errors.length) return instance;
    const flat = flatten(errors, meta.data ? `${meta.data}.` : '');
    const first = flat[0];
    throw new AppError(ErrorCode.BAD_USER_INPUT, first.message, first.field, { errors: flat });
  }
}

function flatten(errors: ValidationError[], prefix: string): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], `${field}.`)];
  });
}

type Ctor = abstract new (...args: never[]) => unknown;
const ruleCache = new Map<Ctor, boolean>();
function hasRules(type: Ctor): boolean {
  let has = ruleCache.get(type);
  if (has === undefined) {
    has = getMetadataStorage().getTargetValidationMetadatas(type as never, '', true, false).length > 0;
    ruleCache.set(type, has);
  }
  return has;
}

/**
 * class-validator looks up a class's rules on every validation of every (nested) object by walking
 * all registered classes for inherited rules — O(number of input classes) each time, the largest
 * single cost of validating a registration. Rules are fixed once the classes are loaded, so the
 * answers are kept, and dropped whenever a rule is added (a class decorated later).
 */
export function memoizeValidationMetadata(storage: MetadataStorage): void {
  const s = storage as MetadataStorage & { [MEMO]?: true };
  if (s[MEMO]) return;
  s[MEMO] = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let memo = new Map<unknown, Map<string, ReturnType<typeof lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let byKey = memo.get(target);
    if (!byKey) memo.set(target, (byKey = new Map()));
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    memo = new Map();
    add(metadata);
  };
}
const MEMO = Symbol('weiquan.memoized');
memoizeValidationMetadata(getMetadataStorage());
