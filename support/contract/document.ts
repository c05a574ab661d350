import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The OpenAPI document as the suite keeps it; read once per worker. */
let document: OpenApiDocument | undefined;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Record<string, Record<string, unknown>>;
  servers?: Array<{ url: string }>;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
  security?: Array<Record<string, string[]>>;
}

export const CONTRACT_FILE = join(__dirname, 'openapi.json');

export function contractDocument(): OpenApiDocument {
  document ??= JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as OpenApiDocument;
  return document;
}
