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
