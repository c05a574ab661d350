import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are read as bytes and decoded strictly: Fastify's own reader decodes leniently, so a
 * body that is not UTF-8 grew by its replacement characters, no longer matched its Content-Length
 * and was refused as a media-type problem. Not UTF-8 is not JSON (RFC 8259): 400 INVALID_JSON.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseText = app.getDefaultJsonParser('error', 'error');
  // a parser added for application/json replaces Fastify's default one
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(new ApiError('INVALID_JSON', 'The body is not valid JSON: it is not UTF-8'), undefined);
    }
    parseText(request, text, done);
  });
}
