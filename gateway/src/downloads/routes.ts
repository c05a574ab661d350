import type { FastifyInstance } from 'fastify';
import { caller } from '../auth/guard';
import { noContent, ok } from '../http/envelope';
import { ApiError } from '../http/errors';
import type { GatewayServices } from '../services';
import type { DownloadStatus } from './download-store';
import { Downloads, presentDownload, type DownloadOrder } from './downloads';
import { serveEventStream } from './event-stream';
import {
  createDownloadBody, downloadAccepted, downloadIdParams, downloadListQuery, downloadListReply, downloadReply, eventStreamReply, lastEventIdHeaders,
} from './schemas';

type ById = { Params: { id: number } };

/** YouTube downloads through yt-dlp, with progress as Server-Sent Events (CONTRACT.md, "Downloads"). */
export async function downloadRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const downloads = new Downloads(services, app.log);
  const openStreams = new Set<() => void>();
  app.addHook('onClose', async () => {
    downloads.shutdown();
    for (const end of [...openStreams]) end();
  });
  // once every plugin is registered, before the gateway listens: what the last run left is settled and resumed
  app.addHook('onReady', async () => downloads.recover());

  app.post<{ Body: DownloadOrder }>('/youtube/downloads', {
    config: { refusals: ['INVALID_URL', 'DOWNLOAD_ACTIVE', 'QUOTA_EXCEEDED'] },
    // a link of no accepted form (the body's only pattern) is INVALID_URL, as the link parser would
    // answer, not a validation error; the error handler words any other refusal as VALIDATION_ERROR
    schemaErrorFormatter: (errors) =>
      errors.every((issue) => issue.keyword === 'pattern')
        ? new ApiError('INVALID_URL', 'Only https links to one YouTube video (youtube.com, youtu.be) are accepted')
        : new Error(),
    schema: { operationId: 'createDownload', summary: 'Download a YouTube video', tags: ['downloads'], body: createDownloadBody, response: { 202: downloadAccepted } },
  }, async (request, reply) => {
    const download = await downloads.create(caller(request).user.id, request.body);
    return reply.code(202).header('location', `${request.routeOptions.url}/${download.id}`).send(ok(presentDownload(download)));
  });

  app.get<{ Querystring: { status?: DownloadStatus; page: number; pageSize: number } }>('/youtube/downloads', {
    schema: { operationId: 'listDownloads', summary: "The caller's own downloads", tags: ['downloads'], querystring: downloadListQuery, response: { 200: downloadListReply } },
  }, async (request) => {
    const { status, page, pageSize } = request.query;
    const { items, total } = await downloads.store.page(caller(request).user.id, status, (page - 1) * pageSize, pageSize);
    return ok(items.map(presentDownload), { page, pageSize, total, totalPages: Math.ceil(total / pageSize) });
  });

  app.get<ById>('/youtube/downloads/:id', {
    config: { refusals: ['NOT_FOUND'] },
    schema: { operationId: 'getDownload', summary: 'One of the caller\'s downloads', tags: ['downloads'], params: downloadIdParams, response: { 200: downloadReply } },
  }, async (request) => ok(presentDownload(await downloads.owned(caller(request).user.id, request.params.id))));

  app.delete<ById>('/youtube/downloads/:id', {
    config: { refusals: ['NOT_FOUND', 'DOWNLOAD_FINISHED'] },
    schema: { operationId: 'cancelDownload', summary: 'Cancel a download (stops yt-dlp if running)', tags: ['downloads'], params: downloadIdParams, response: { 204: noContent('Cancelled') } },
  }, async (request, reply) => {
    await downloads.cancel(caller(request).user.id, request.params.id);
    return reply.code(204).send();
  });

  app.get<ById & { Headers: { 'last-event-id'?: string } }>('/youtube/downloads/:id/events', {
    config: { refusals: ['NOT_FOUND'] },
    schema: {
      operationId: 'followDownloadEvents',
      summary: "A download's progress as Server-Sent Events",
      tags: ['downloads'],
      params: downloadIdParams,
      headers: lastEventIdHeaders,
      response: { 200: eventStreamReply, 204: noContent('The download has ended and nothing was missed: do not reconnect') },
    },
  }, async (request, reply) => {
    const download = await downloads.owned(caller(request).user.id, request.params.id);
    const after = Number(request.headers['last-event-id'] ?? 0);
    const ended = !['queued', 'downloading'].includes(download.status);
    // Nothing more will ever come: 204 tells an EventSource not to reconnect.
    if (ended && after >= (await downloads.events.lastId(download.id))) return reply.code(204).send();
    await serveEventStream(reply, { downloadId: download.id, after, ended, events: downloads.events, clock: services.clock, open: openStreams });
  });
}
