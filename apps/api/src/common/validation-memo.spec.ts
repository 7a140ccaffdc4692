import { IsInt, IsString, MaxLength, validate } from 'class-validator';
import type { MetadataStorage as Storage } from 'class-validator/types/metadata/MetadataStorage';
import { memoizeValidationMetadata } from './validation.pipe';

class Base {
  @IsString() name!: string;
}
class Child extends Base {
  @IsInt() age!: number;
}

// class-validator's own parameter type for a target class.
type Target = Parameters<Storage['getTargetValidationMetadatas']>[0];

describe('memoized class-validator rule lookup', () => {
  it('answers like the plain lookup, inherited rules included, and forgets when a rule is added', () => {
    const { getMetadataStorage } = jest.requireActual<typeof import('class-validator')>('class-validator');
    const global = getMetadataStorage();
    const MetadataStorage = global.constructor as new () => Storage;
    // A private storage with the same rules, memoized, compared with the global one.
    const storage = new MetadataStorage();
    for (const target of [Base, Child])
      for (const m of global.getTargetValidationMetadatas(target, '', true, false))
        if (m.target === target) storage.addValidationMetadata(m);
    const plain = (t: Target) =>
      new MetadataStorage().getTargetValidationMetadatas
        .call(storage, t, '', true, false)
        .map((m) => m.propertyName)
        .sort();
    memoizeValidationMetadata(storage);
    const memo = (t: Target) =>
      storage
        .getTargetValidationMetadatas(t, '', true, false)
        .map((m) => m.propertyName)
        .sort();
    expect(memo(Child)).toEqual(['age', 'name']);
    expect(memo(Child)).toEqual(plain(Child));
    expect(storage.getTargetValidationMetadatas(Child, '', true, false)).toBe(
      storage.getTargetValidationMetadatas(Child, '', true, false),
    ); // kept

    // A rule added later (here on Base) shows in the subclass's answer.
    const extra = global.getTargetValidationMetadatas(Base, '', true, false)[0]!;
    storage.addValidationMetadata(
      Object.assign(Object.create(Object.getPrototypeOf(extra)), extra, { propertyName: 'nickname' }),
    );
    expect(memo(Child)).toEqual(['age', 'name', 'nickname']);
  });

  it('still validates inherited and own rules through the memoized global storage', async () => {
    class Input extends Child {
      @MaxLength(3) code!: string;
    }
    const bad = Object.assign(new Input(), { name: 7, age: 'x', code: 'abcd' });
    expect((await validate(bad)).map((e) => e.property).sort()).toEqual(['age', 'code', 'name']);
    const good = Object.assign(new Input(), { name: 'a', age: 1, code: 'abc' });
    expect(await validate(good)).toEqual([]);
  });
});
