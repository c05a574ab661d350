import { defineParameterType } from '@cucumber/cucumber';
import { OPERATIONS, operationNamed } from '../tasks/upstream-operations';

/** "browse the library", "search for a film", ...: what a person does that needs one upstream. */
defineParameterType({
  name: 'operation',
  regexp: new RegExp(Object.keys(OPERATIONS).map((words) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
  transformer: operationNamed,
});
