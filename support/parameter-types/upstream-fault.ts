import { defineParameterType } from '@cucumber/cucumber';
import { FAULT_WORDS, type FaultKind } from '../upstreams/faults';

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "is down", "answers with malformed JSON", ...: the fault vocabulary of support/upstreams/faults.ts. */
defineParameterType({
  name: 'fault',
  regexp: new RegExp(Object.keys(FAULT_WORDS).sort((a, b) => b.length - a.length).map(escape).join('|')),
  transformer: (words: string): FaultKind => FAULT_WORDS[words as keyof typeof FAULT_WORDS],
});
