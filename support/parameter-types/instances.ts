import { defineParameterType } from '@cucumber/cucumber';
import type { InstanceName } from '../target/cluster';

/** "instance A": one of the cluster's gateway instances, by the name the scenarios give it. */
defineParameterType({ name: 'instance', regexp: /instance [AB]/, transformer: (words: string) => words.slice(-1) as InstanceName });
