import { SUITE_ADMIN } from '../../support/personas';
import { OVERSEERR_API_KEY, type Upstreams } from '../../support/upstreams/upstreams';
import { EXCHANGES, UPSTREAM_NAMES, type Answers, type Install } from './exchanges';
import { readRecordings, recordedContentType, recordingOf, type Recording } from './recordings';
import { compareShapes, shapeOf } from './shapes';

export interface FakeComparison {
  compared: number;
  /** One line per difference, naming the upstream and the exchange. */
  differences: string[];
  /** Fields only a fake sends. */
  extras: string[];
}

/** The fakes' install: the suite admin's Plex token, the suite's Overseerr key, the fake Kuma's page. */
export function fakesInstall(upstreams: Upstreams, origins: Install['origins']): Install {
  return {
    origins,
    plexToken: upstreams.plexTv.model.account(SUITE_ADMIN).authToken,
    overseerrApiKey: OVERSEERR_API_KEY,
    uptimeKumaSlug: upstreams.uptimeKuma.model.page.slug,
    overseerrQuery: 'matrix',
  };
}

/**
 * Sends every exchange to the fakes, in the recorded order (ids come from the fakes' own answers),
 * and compares each answer with the recorded one: status, content type, and the body's shape.
 */
export async function compareWithFakes(install: Install, recordings: Recording[] = UPSTREAM_NAMES.flatMap(readRecordings)): Promise<FakeComparison> {
  const answers: Answers = {};
  const comparison: FakeComparison = { compared: 0, differences: [], extras: [] };
  for (const exchange of EXCHANGES) {
    const { recording } = recordingOf(recordings, exchange.name);
    const request = exchange.request(install, answers);
    const response = await fetch(install.origins[exchange.upstream] + request.path, { method: request.method, headers: request.headers });
    const text = await response.text();
    const body = parsed(text, response.headers.get('content-type'));
    answers[exchange.name] = { status: response.status, body };
    const about = `${exchange.upstream} ${exchange.name} (${request.method} ${request.path.split('?')[0]})`;
    const differences: string[] = [];
    if (response.status !== recording.status) differences.push(`status ${recording.status} in the recording, ${response.status} from the fake`);
    const [recordedType, fakeType] = [mediaType(recordedContentType(recording)), mediaType(response.headers.get('content-type') ?? '')];
    if (recordedType !== fakeType) differences.push(`content type ${recordedType || '(none)'} in the recording, ${fakeType || '(none)'} from the fake`);
    const shapes = compareShapes(shapeOf(recording.response ?? null), shapeOf(body));
    differences.push(...shapes.differences);
    comparison.differences.push(...differences.map((difference) => `${about}: ${difference}`));
    comparison.extras.push(...shapes.extras.map((extra) => `${about}: ${extra}`));
    comparison.compared++;
  }
  return comparison;
}

function parsed(text: string, contentType: string | null): unknown {
  if (!(contentType ?? '').includes('json')) return text === '' ? null : text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}
