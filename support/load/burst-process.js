// Sends bursts of requests over connections opened beforehand, in a process of its own (as
// cannon-process.js does for autocannon). Takes `{ bursts }` over IPC, each
// `{ url, openUrl, headers, connections, amount }`: opens every burst's connections with one
// request to `openUrl` each (a route the burst does not count, such as liveness), waits for all
// those answers, then sends every burst at the same moment, each connection sending its share of
// `amount` one after another, and answers with each request's status and time.
//
// Why not autocannon: it writes a connection's first request before the connection exists, and a
// Node server accepts one pending connection per turn of its event loop (libuv since 1.45, "don't
// accept() connections in a loop"), so under a burst the last of 50 new connections waited about a
// second to be accepted, more the more each turn did: the slowest answers measured how the server
// accepts connections, not what it does with a request.
const http = require('node:http');

process.once('message', async ({ bursts }) => {
  try {
    const agents = bursts.map(({ connections }) => new http.Agent({ keepAlive: true, maxSockets: connections }));
    await Promise.all(bursts.map((burst, i) => openConnections(agents[i], burst)));
    const results = await Promise.all(bursts.map((burst, i) => send(agents[i], burst)));
    agents.forEach((agent) => agent.destroy());
    process.send({ results }, () => process.exit(0));
  } catch (error) {
    process.send({ error: error.message }, () => process.exit(0));
  }
});

/** One request on each connection at once: the agent opens a connection for each, and keeps it. */
async function openConnections(agent, { openUrl, connections }) {
  const answers = await Promise.all(Array.from({ length: connections }, () => request(agent, openUrl, {})));
  const refused = answers.filter((answer) => answer.status !== 200);
  if (refused.length) throw new Error(`opening the connections, ${openUrl} answered ${refused.map((answer) => answer.status).join(', ')}`);
  const opened = Object.values(agent.freeSockets).flat().length;
  if (opened !== connections) throw new Error(`${connections} connections were to be open before the burst, but ${opened} were`);
}

/** The burst: each connection sends its share one after another, as autocannon's connections do. */
async function send(agent, { url, headers, connections, amount }) {
  const started = performance.now();
  const share = (i) => Math.floor(amount / connections) + (i < amount % connections ? 1 : 0);
  const answers = (
    await Promise.all(
      Array.from({ length: connections }, async (_, i) => {
        const mine = [];
        for (let n = 0; n < share(i); n++) mine.push(await request(agent, url, headers));
        return mine;
      }),
    )
  ).flat();
  return { answers, durationSeconds: (performance.now() - started) / 1000 };
}

/** A GET, timed from the moment it is written to the end of its answer; a failure is an answer with status 0. */
function request(agent, url, headers) {
  return new Promise((resolve) => {
    const sent = performance.now();
    const done = (status) => resolve({ status, ms: performance.now() - sent });
    const outgoing = http.get(url, { agent, headers }, (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode));
      response.on('error', () => done(0));
    });
    outgoing.on('error', () => done(0));
  });
}
