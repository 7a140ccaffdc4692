// Runs bench/*.ts straight from source: ts-node (transpile only, like ts-jest with isolatedModules)
// plus the @weiquan/* → libs/*/src mapping jest uses, so no build step is needed. Packages a bench
// script imports (mysql2, typeorm …) resolve from apps/api and libs/core, whose dependencies they are.
//   node -r ./bench/ts-register.cjs bench/cases.bench.ts
const path = require('node:path');
const Module = require('node:module');

const root = path.resolve(__dirname, '..');
const fallback = [path.join(root, 'apps/api'), path.join(root, 'libs/core')];
process.env.TS_NODE_PROJECT = path.join(__dirname, 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register/transpile-only');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const m = /^@weiquan\/(shared|core|testing)$/.exec(request);
  if (m) return resolveFilename.call(this, path.join(root, 'libs', m[1], 'src'), parent, ...rest);
  try {
    return resolveFilename.call(this, request, parent, ...rest);
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND' || !parent?.filename?.startsWith(__dirname)) throw e;
    return require.resolve(request, { paths: fallback });
  }
};
