import type { Envelope } from '@cucumber/messages';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLivingDocumentation, type LivingDocumentationOptions } from '../../support/report/living/build';
import { readMessageFiles } from '../../support/report/living/read-messages';

export const FIXTURE = join(__dirname, 'fixture');
export const FIXTURE_FILES = [join(FIXTURE, 'functional.ndjson'), join(FIXTURE, 'load.ndjson')];

export function fixtureTexts(): string[] {
  return FIXTURE_FILES.map((file) => readFileSync(file, 'utf8'));
}

/** Options for a page built in a fresh folder, with its own history file. */
export function scratchOptions(overrides: Partial<LivingDocumentationOptions> = {}): LivingDocumentationOptions {
  const dir = mkdtempSync(join(tmpdir(), 'living-doc-'));
  return { outDir: dir, profile: 'test', target: 'embedded', history: join(dir, 'history.jsonl'), features: 'features', openapi: join(dir, 'no-openapi.json'), mutationReport: join(dir, 'no-mutation.json'), recordHistory: false, ...overrides };
}

export function pageFrom(texts: string[], overrides: Partial<LivingDocumentationOptions> = {}) {
  const { envelopes, torn } = readMessageFiles(texts);
  return buildLivingDocumentation(envelopes, torn, scratchOptions(overrides));
}

export function envelopesOf(text: string): Envelope[] {
  return readMessageFiles([text]).envelopes;
}

export function ndjson(envelopes: Envelope[]): string {
  return envelopes.map((envelope) => JSON.stringify(envelope)).join('\n');
}
