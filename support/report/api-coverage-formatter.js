// cucumber-js loads formatters with import(): this CommonJS shim registers ts-node (unless the
// run already did) and hands over the TypeScript formatter.
if (!process[Symbol.for('ts-node.register.instance')]) require('ts-node/register/transpile-only');
module.exports = require('./api-coverage-formatter.ts').default;
