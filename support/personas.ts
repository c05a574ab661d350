/**
 * The people in the scenarios. Each is a Plex account of the same name. Ada is the suite's admin
 * (named in ADMIN_PLEX_USERNAMES); Eve has a Plex account but no Overseerr account; Mallory is
 * an attacker with a Plex account of her own.
 */
export const PERSONAS = ['Ada', 'Bob', 'Cleo', 'Dan', 'Eve', 'Mallory'] as const;
export type Persona = (typeof PERSONAS)[number];

export const SUITE_ADMIN: Persona = 'Ada';
export const WITHOUT_OVERSEERR: Persona[] = ['Eve', 'Mallory'];

export const emailOf = (persona: string) => `${persona.toLowerCase()}@example.org`;

/**
 * Someone not signed in who calls from a second address: 127.0.0.2, which Linux routes to the
 * loopback interface like all of 127.0.0.0/8, so a gateway listening on 127.0.0.1 sees another
 * client. Limits kept per address are checked with this visitor beside "a visitor".
 */
export const VISITOR_ELSEWHERE = 'a visitor from another address';
const SOURCE_ADDRESSES: Record<string, string> = { [VISITOR_ELSEWHERE]: '127.0.0.2' };

/** The local address an actor's connections start from, when it is not the system's choice. */
export const sourceAddressOf = (actor: string): string | undefined => SOURCE_ADDRESSES[actor];
