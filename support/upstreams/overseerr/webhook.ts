import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { yearOf, type CatalogueTitle } from './catalogue';
import { MediaStatus, type MediaRequest } from './model';

export interface WebhookPayload {
  notification_type: string;
  event: string;
  subject: string;
  message: string;
  image: string;
  media: { media_type: string; tmdbId: string; tvdbId: string; status: string; status4k: string } | null;
  request: { request_id: string; requestedBy_email: string; requestedBy_username: string; requestedBy_avatar: string; [key: string]: string } | null;
  issue: null;
  comment: null;
  extra: Array<{ name: string; value: string }>;
}

export type WebhookReply = { status: number; headers: Record<string, string>; body: string };

/** Overseerr's default webhook template filled in: every substituted value is a string. */
export function webhookPayload(notificationType: string, request?: MediaRequest, title?: CatalogueTitle): WebhookPayload {
  const test = notificationType === 'TEST_NOTIFICATION';
  const empty = { notification_type: notificationType, event: '', subject: test ? 'Test Notification' : '', image: '', issue: null, comment: null };
  if (!request) return { ...empty, message: test ? 'Check check, 1, 2, 3. Are we coming in clear?' : '', media: null, request: null, extra: [] };
  const { media, requestedBy: by } = request;
  const noun = `${request.is4k ? '4K ' : ''}${request.type === 'movie' ? 'Movie' : 'Series'}`;
  const events: Record<string, string> = {
    MEDIA_PENDING: `New ${noun} Request`,
    MEDIA_AUTO_APPROVED: `${noun} Request Automatically Approved`,
    MEDIA_APPROVED: `${noun} Request Approved`,
    MEDIA_DECLINED: `${noun} Request Declined`,
    MEDIA_AVAILABLE: `${noun} Request Now Available`,
    MEDIA_FAILED: `Failed ${noun} Request`,
  };
  return {
    ...empty,
    event: events[notificationType] ?? '',
    subject: title ? `${title.title} (${yearOf(title)})` : '',
    message: title?.overview ?? '',
    image: title ? `https://image.tmdb.org/t/p/w600_and_h900_bestv2${title.posterPath}` : '',
    media: { media_type: media.mediaType, tmdbId: String(media.tmdbId), tvdbId: String(media.tvdbId ?? ''), status: statusName(media.status), status4k: statusName(media.status4k) },
    request: {
      ...{ request_id: String(request.id), requestedBy_email: by.email, requestedBy_username: by.displayName, requestedBy_avatar: by.avatar },
      ...{ requestedBy_settings_discordId: '', requestedBy_settings_telegramChatId: '' },
    },
    extra: request.type === 'tv' ? [{ name: 'Requested Seasons', value: request.seasons.map((s) => s.seasonNumber).join(', ') }] : [],
  };
}

/**
 * POSTs a webhook body as Overseerr does: JSON, `Authorization` exactly as configured, absent when not.
 * node:http rather than fetch, which msw intercepts in this process.
 */
export function postWebhook(targetUrl: string, authorization: string | undefined, body: unknown): Promise<WebhookReply> {
  const data = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/plain, */*', 'content-length': String(Buffer.byteLength(data)) };
  if (authorization !== undefined) headers.authorization = authorization;
  const send = new URL(targetUrl).protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(targetUrl, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(data);
  });
}

/** Media status names as the webhook template writes them ("AVAILABLE"). */
export function statusName(status: number): string {
  return Object.entries(MediaStatus).find(([, value]) => value === status)?.[0] ?? '';
}
