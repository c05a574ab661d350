import { defineParameterType } from '@cucumber/cucumber';
import { VISITOR_ELSEWHERE } from './personas';
import type { UpstreamName } from './upstreams/fake-upstream';

defineParameterType({ name: 'persona', regexp: /Ada|Bob|Cleo|Dan|Eve|Mallory/, transformer: (name: string) => name });

/** A persona, or someone who is not signed in: "a visitor", or a visitor calling from another address. */
defineParameterType({
  name: 'actor',
  regexp: /Ada|Bob|Cleo|Dan|Eve|Mallory|[Aa] visitor from another address|[Tt]he visitor from another address|[Aa] visitor|[Tt]he visitor/,
  transformer: (name: string) => (/another address/.test(name) ? VISITOR_ELSEWHERE : /visitor/.test(name) ? 'a visitor' : name),
});

const UPSTREAMS: Record<string, UpstreamName> = {
  'plex.tv': 'plex-tv',
  Plex: 'plex-server',
  Overseerr: 'overseerr',
  'Uptime Kuma': 'uptime-kuma',
};

/** An upstream as people name it ("Plex" for plex-server), for failure sentences. */
export function spokenNameOf(upstream: UpstreamName): string {
  return Object.entries(UPSTREAMS).find(([, name]) => name === upstream)![0];
}

defineParameterType({
  name: 'upstream',
  regexp: /plex\.tv|Plex|Overseerr|Uptime Kuma/,
  transformer: (name: string): UpstreamName => UPSTREAMS[name]!,
});

/** "5 seconds", "31 minutes", "25 hours" as milliseconds. */
defineParameterType({
  name: 'duration',
  regexp: /(\d+) (second|minute|hour)s?/,
  transformer: (amount: string, unit: string) => Number(amount) * { second: 1_000, minute: 60_000, hour: 3_600_000 }[unit]!,
});

/** A service on the dashboard, by the name people use, as the gateway's service key. */
defineParameterType({
  name: 'service',
  regexp: /Plex|Overseerr|MediaNest/,
  transformer: (name: string) => name.toLowerCase(),
});

/** A role in MediaNest, as the features say it and the API spells it. */
defineParameterType({ name: 'role', regexp: /admin|user/, transformer: (role: string) => role });

/** A library of the Plex server, by the name people see. */
defineParameterType({ name: 'library', regexp: /Movies|TV Shows|Music/, transformer: (name: string) => name });

/** A word list from a table of the tasks: a step accepts exactly those phrases. */
export function phrasesOf(table: object): RegExp {
  return new RegExp(Object.keys(table).sort((a, b) => b.length - a.length).map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/** An admin's decision on a request, in any tense: approve(s|d) or decline(s|d). */
defineParameterType({ name: 'decision', regexp: /approved|declined|approves|declines|approve|decline/, transformer: (word: string) => (word.startsWith('approve') ? 'approve' : 'decline') });

/** How many times: "once", "twice", "3 times". */
defineParameterType({ name: 'times', regexp: /once|twice|\d+ times/, transformer: (words: string) => ({ once: 1, twice: 2 })[words] ?? Number.parseInt(words, 10) });

/** An ordinal as a number: "the 11th" -> 11. */
defineParameterType({ name: 'ordinal', regexp: /\d+(?:st|nd|rd|th)/, transformer: (words: string) => Number.parseInt(words, 10) });
