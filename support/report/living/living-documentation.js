// Cucumber loads formatters with import(): on Node 20 a .ts file fails there even with ts-node
// registered, so the profile points at this CommonJS file, which loads the TypeScript one.
if (!require.extensions['.ts']) require('ts-node/register/transpile-only');
module.exports = require('./formatter.ts').default;
