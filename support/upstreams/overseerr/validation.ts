import { HttpResponse } from 'msw';

/*
 * express-openapi-validator, as Overseerr mounts it in front of every route: bodies are not
 * coerced, query and path values are. A request that fails gets 400 `{message, errors[]}` before
 * the API key is even looked at.
 */

export type Rule = { type: 'number' | 'string' | 'boolean'; values?: readonly string[]; nullable?: true } | 'seasons';
export interface Problem { at: string; path: string; message: string; errorCode: string }

export const NUMBER: Rule = { type: 'number' };
export const SEARCH: Record<string, Rule> = { query: { type: 'string' }, page: NUMBER, language: { type: 'string' } };
export const USERS: Record<string, Rule> = { take: NUMBER, skip: NUMBER, sort: { type: 'string', values: ['created', 'updated', 'requests', 'displayname'] } };
export const REQUESTS: Record<string, Rule> = {
  ...{ take: NUMBER, skip: NUMBER, requestedBy: NUMBER, sort: { type: 'string', values: ['added', 'modified'] } },
  filter: { type: 'string', values: ['all', 'approved', 'available', 'pending', 'processing', 'unavailable', 'failed'] },
};
export const REQUEST_BODY: Record<string, Rule> = {
  ...{ mediaType: { type: 'string', values: ['movie', 'tv'] }, mediaId: NUMBER, tvdbId: NUMBER, seasons: 'seasons', is4k: { type: 'boolean' } },
  ...{ serverId: NUMBER, profileId: NUMBER, rootFolder: { type: 'string' }, languageProfileId: NUMBER, userId: { type: 'number', nullable: true } },
};

export function check(where: 'body' | 'query' | 'params', input: Record<string, unknown>, rules: Record<string, Rule>, required: string[] = []): Problem[] {
  const missing = required
    .filter((name) => input[name] === undefined)
    .map((name) => ({ at: `/${where}`, path: `/${where}/${name}`, message: `must have required property '${name}'`, errorCode: 'required.openapi.validation' }));
  const wrong = Object.entries(rules).flatMap(([name, rule]): Problem[] => {
    const value = input[name];
    if (value === undefined || (value === null && rule !== 'seasons' && rule.nullable)) return [];
    const fault = mismatch(rule, value, where !== 'body');
    return fault ? [{ at: `/${where}/${name}`, path: `/${where}/${name}`, message: fault[0], errorCode: `${fault[1]}.openapi.validation` }] : [];
  });
  return [...missing, ...wrong];
}

function mismatch(rule: Rule, value: unknown, coerced: boolean): [message: string, code: string] | undefined {
  if (rule === 'seasons') {
    const valid = value === 'all' || (Array.isArray(value) && value.every((n) => typeof n === 'number' && n >= 0));
    return valid ? undefined : ['must match exactly one schema in oneOf', 'oneOf'];
  }
  const typed = coerced && rule.type === 'number' ? value !== '' && Number.isFinite(Number(value)) : typeof value === rule.type;
  if (!typed) return [`must be ${rule.type}`, 'type'];
  if (rule.values && !rule.values.includes(String(value))) return [`must be equal to one of the allowed values: ${rule.values.join(', ')}`, 'enum'];
  return undefined;
}

export function invalid(problems: Problem[]): Response {
  const message = problems.map((problem) => `request${problem.at} ${problem.message}`).join(', ');
  return HttpResponse.json({ message, errors: problems.map(({ path, message, errorCode }) => ({ path, message, errorCode })) }, { status: 400 });
}

export async function readJson(request: Request): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    const message = `unsupported media type ${type.split(';')[0] || 'undefined'}`;
    return HttpResponse.json({ message, errors: [{ path: '/body', message }] }, { status: 415 });
  }
  const text = await request.text();
  try {
    const body: unknown = text ? JSON.parse(text) : {};
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
    return invalid([{ at: '/body', path: '/body', message: 'must be object', errorCode: 'type.openapi.validation' }]);
  } catch (error) {
    return HttpResponse.json({ message: (error as Error).message }, { status: 400 });
  }
}

export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
