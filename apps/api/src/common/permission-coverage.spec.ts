import 'reflect-metadata';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql/dist/graphql.constants';
import { PERMISSION_KEY, PUBLIC_KEY } from './permission.decorator';
import { RESOLVERS } from '../resolvers';

// Twenty's rule as a test: every Query and Mutation declares a permission or @Public.
describe('permission coverage', () => {
  it('finds a permission or @Public on every root field of every resolver', () => {
    const missing: string[] = [];
    let fields = 0;
    for (const cls of RESOLVERS) {
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const method = (cls.prototype as unknown as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof method !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method);
        if (type !== 'Query' && type !== 'Mutation') continue;
        fields++;
        if (!Reflect.getMetadata(PERMISSION_KEY, method) && !Reflect.getMetadata(PUBLIC_KEY, method))
          missing.push(`${cls.name}.${name}`);
      }
    }
    expect(fields).toBeGreaterThanOrEqual(12);
    expect(missing).toEqual([]);
  });
});
