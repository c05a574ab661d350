/**
 * The addresses the edge scenarios probe (numbers out of bounds, methods an address lacks), by the
 * words the features use: they are outside the contract on purpose, so no operation names them.
 */
const ADDRESSES: Record<string, { path: string; field: 'page' | 'id' }> = {
  'his downloads': { path: '/api/v1/youtube/downloads', field: 'page' },
  'his media requests': { path: '/api/v1/media/requests', field: 'page' },
  'one of his media requests': { path: '/api/v1/media/requests/{id}', field: 'id' },
  'one of his downloads': { path: '/api/v1/youtube/downloads/{id}', field: 'id' },
  'the events of a download': { path: '/api/v1/youtube/downloads/{id}/events', field: 'id' },
  'the health check': { path: '/api/v1/health', field: 'page' },
  'the dashboard': { path: '/api/v1/dashboard/status', field: 'page' },
  'an address MediaNest does not have': { path: '/api/v1/media/wishlist', field: 'page' },
};

export function addressOf(words: string, value = '1'): string {
  const address = ADDRESSES[words];
  if (!address) throw new Error(`no address is known as "${words}"`);
  return address.path.includes('{id}') ? address.path.replace('{id}', value) : address.field === 'page' && value !== '1' ? `${address.path}?page=${value}` : address.path;
}
