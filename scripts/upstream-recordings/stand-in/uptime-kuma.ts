import { json, STAND_IN_CREDENTIALS, type StandIn } from './serve';

/** Uptime Kuma 1.23's public status-page API as UPSTREAMS.md section 4 describes it: no auth, one page. */
/** `sendUrl` is SQLite's boolean, 0 or 1: the status page does not publish these monitors' addresses. */
const MONITORS = [
  { id: 1, name: 'Plex', type: 'http', sendUrl: 0, ping: 41 },
  { id: 2, name: 'Overseerr', type: 'http', sendUrl: 0, ping: 23 },
];

const beatsOf = (ping: number) => [0, 1, 2].map((minute) => ({ status: 1, time: `2026-12-02 09:0${minute}:00.000`, msg: '', ping: ping + minute }));

export const uptimeKuma: StandIn = (request) => {
  const [, heartbeat, slug] = /^\/api\/status-page\/(heartbeat\/)?([^/]+)$/.exec(request.url.pathname) ?? [];
  if (!slug) return json(404, { status: 'fail', msg: 'Not Found' });
  const known = slug === STAND_IN_CREDENTIALS.uptimeKumaSlug;
  if (heartbeat) {
    if (!known) return json(200, { heartbeatList: {}, uptimeList: {} });
    return json(200, {
      heartbeatList: Object.fromEntries(MONITORS.map((monitor) => [String(monitor.id), beatsOf(monitor.ping)])),
      uptimeList: Object.fromEntries(MONITORS.map((monitor) => [`${monitor.id}_24`, 0.9987])),
    });
  }
  if (!known) return json(404, { status: 'fail', msg: 'Status Page Not Found' });
  return json(200, {
    config: { slug, title: 'MediaNest', description: null, icon: '/icon.svg', theme: 'auto', published: true, showTags: false },
    incident: null,
    publicGroupList: [{ id: 1, name: 'Services', weight: 1, monitorList: MONITORS.map(({ id, name, type, sendUrl }) => ({ id, name, type, sendUrl })) }],
    maintenanceList: [],
  });
};
