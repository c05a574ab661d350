import { defineParameterType } from '@cucumber/cucumber';
import { WRITE_ROUTES } from '../tasks/write-routes';

/** "ask for a PIN", "request a title", ...: every route that writes (support/tasks/write-routes.ts). */
defineParameterType({
  name: 'writeRoute',
  regexp: new RegExp(Object.keys(WRITE_ROUTES).join('|')),
  transformer: (words: string) => WRITE_ROUTES[words]!,
});
