// A Stryker ignore-plugin (stryker.config.json, "ignorers"): code whose only effect is what the
// gateway writes to its log, or the prose of the published OpenAPI document, is not mutated.
// Neither is something a client or an upstream can notice; gateway/MUTATION.md says why.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/** What the gateway calls its log: `log`, and `watcher` (redis/shared-redis.ts: where Redis's comings and goings are logged). */
const LOGGERS = new Set(['log', 'watcher']);

/** `log.info(...)`, `this.log.warn(...)`, `request.log.error(...)`, `app.log.warn(...)`, `this.watcher?.info(...)`. */
function isLogCall(node) {
  const call = node.type === 'CallExpression' || node.type === 'OptionalCallExpression';
  if (!call || !['MemberExpression', 'OptionalMemberExpression'].includes(node.callee.type)) return false;
  const { object, property } = node.callee;
  if (property.type !== 'Identifier' || !LOG_LEVELS.has(property.name)) return false;
  const receiver = object.type === 'MemberExpression' || object.type === 'OptionalMemberExpression' ? object.property : object;
  return receiver.type === 'Identifier' && LOGGERS.has(receiver.name);
}

/** `description: '...'` and `summary: '...'` in an object literal: OpenAPI prose. */
function isOpenApiProse(node) {
  return node.type === 'ObjectProperty' && node.key.type === 'Identifier' && (node.key.name === 'description' || node.key.name === 'summary')
    && ['StringLiteral', 'TemplateLiteral', 'BinaryExpression'].includes(node.value.type);
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'quiet-code', {
    shouldIgnore(path) {
      if (isLogCall(path.node)) return 'log output: read by operators, not by a client or an upstream';
      if (isOpenApiProse(path.node)) return 'OpenAPI prose (description, summary): documentation, not behaviour';
      return undefined;
    },
  }),
];
