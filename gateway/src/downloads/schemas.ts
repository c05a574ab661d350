import { arrayOf, enumOf, envelope, integer, number, object, pageNumber, recordId, string, type Schema } from '../http/envelope';
import { MAX_LINK_LENGTH, YOUTUBE_LINK } from './youtube-link';
import { FORMATS, QUALITIES } from './yt-dlp-args';

export const STATUSES = ['queued', 'downloading', 'completed', 'failed', 'cancelled'];

const downloadSchema: Schema = object(
  {
    id: integer,
    url: string,
    videoId: string,
    title: string,
    status: enumOf(...STATUSES),
    progress: number,
    quality: enumOf(...QUALITIES),
    format: enumOf(...FORMATS),
    file: object({ name: string, size: integer }),
    error: string,
    createdAt: string,
    startedAt: string,
    completedAt: string,
  },
  ['id', 'url', 'videoId', 'status', 'progress', 'quality', 'format', 'createdAt'],
);

export const createDownloadBody: Schema = object(
  {
    url: { type: 'string', minLength: 1, maxLength: MAX_LINK_LENGTH, pattern: YOUTUBE_LINK },
    quality: { ...enumOf(...QUALITIES), default: '1080p' },
    format: { ...enumOf(...FORMATS), default: 'mp4' },
  },
  ['url'],
);

export const downloadReply = envelope(downloadSchema);
export const downloadAccepted: Schema = {
  ...downloadReply,
  description: 'Accepted: it runs in the background',
  headers: { location: { type: 'string', description: 'Where the download can be read' } },
};

export const downloadListQuery: Schema = object(
  { status: enumOf(...STATUSES), page: pageNumber, pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
  [],
);

export const downloadListReply = envelope(arrayOf(downloadSchema), object({ page: integer, pageSize: integer, total: integer, totalPages: integer }));

export const downloadIdParams: Schema = object({ id: recordId });

export const lastEventIdHeaders: Schema = {
  type: 'object',
  properties: { 'last-event-id': { type: 'string', pattern: '^\\d{1,15}$' } },
};

/** The event stream itself is not JSON; each event's `data` line is, described in `x-sse-events`. */
export const eventStreamReply: Schema = {
  description: '`status`, `progress`, `completed` and `failed` events with increasing ids; a comment heartbeat every 15 s',
  content: {
    'text/event-stream': {
      schema: { type: 'string' },
      'x-sse-events': {
        status: { $ref: '#/components/schemas/DownloadStatusEvent' },
        progress: { $ref: '#/components/schemas/DownloadProgressEvent' },
        completed: { $ref: '#/components/schemas/DownloadCompletedEvent' },
        failed: { $ref: '#/components/schemas/DownloadFailedEvent' },
      },
    },
  },
};

export const SSE_EVENT_SCHEMAS: Record<string, Schema> = {
  DownloadStatusEvent: object({ status: enumOf(...STATUSES) }),
  DownloadProgressEvent: object({ percent: { type: 'number', minimum: 0, maximum: 100 } }),
  DownloadCompletedEvent: object({ file: object({ name: string, size: integer }) }),
  DownloadFailedEvent: object({ error: string }),
};
