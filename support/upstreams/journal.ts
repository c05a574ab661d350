/** One request as a fake received it: what crossed the boundary from the gateway. */
export interface JournalEntry {
  at: number;
  /** performance.now() when it arrived: orders calls the scenario clock sees at the same instant. */
  realAt: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** The requests a fake received during one scenario, oldest first. */
export class Journal {
  readonly entries: JournalEntry[] = [];

  async record(request: Request, at: number): Promise<JournalEntry> {
    const url = new URL(request.url);
    const text = request.body ? await request.clone().text() : '';
    const entry: JournalEntry = {
      at,
      realAt: performance.now(),
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(request.headers),
      body: parseBody(text),
    };
    this.entries.push(entry);
    return entry;
  }

  /** Entries whose method matches and whose path matches `path` (a string prefix or a pattern). */
  calls(method?: string, path?: string | RegExp): JournalEntry[] {
    return this.entries.filter(
      (entry) =>
        (!method || entry.method === method) &&
        (!path || (typeof path === 'string' ? entry.path.startsWith(path) : path.test(entry.path))),
    );
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
