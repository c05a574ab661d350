const DISPLAY_NAME = Symbol.for('fastify.display-name');

/**
 * Gives a plugin the name fastify would find for it anyway (its function name). Without one,
 * fastify searches every loaded module (`require.cache`) for it, twice per `register`: in the
 * suite's process, with about 1,300 modules loaded, that was a quarter of building a gateway.
 * Encapsulation is untouched (that is `fastify-plugin`'s other symbol).
 */
export function named<Plugin extends (...args: never[]) => unknown>(plugin: Plugin, name = plugin.name): Plugin {
  (plugin as unknown as Record<symbol, string>)[DISPLAY_NAME] = name;
  return plugin;
}
