import { defineParameterType } from '@cucumber/cucumber';
import { UNLIMITED_ENDPOINTS } from '../tasks/rate-limits';

/** "liveness check", "Overseerr webhook", ...: the endpoints the limits leave alone. */
defineParameterType({
  name: 'unlimitedEndpoint',
  regexp: new RegExp(Object.keys(UNLIMITED_ENDPOINTS).join('|')),
  transformer: (words: string) => UNLIMITED_ENDPOINTS[words]!,
});
