// Runs autocannon loads in their own process, so the driver never shares a core or an event loop
// with a gateway in the suite's process. Takes `{ warmup, runs }` (lists of autocannon options)
// over IPC: runs the warm-up loads and throws their results away, then runs the measured loads all
// at once (side by side: one stall of this process delays every one of them alike), and sends
// back their results with the processor time this process spent, start-up included as a command
// line's would be, and the warm-up left out.
const autocannon = require('autocannon');

process.once('message', async ({ warmup, runs }) => {
  try {
    const beforeWarmup = process.cpuUsage();
    await Promise.all(warmup.map((options) => autocannon(options)));
    const { user: warmupUser, system: warmupSystem } = process.cpuUsage(beforeWarmup);
    process.send({ measuring: true });
    const results = await Promise.all(runs.map((options) => autocannon(options)));
    const { user, system } = process.cpuUsage();
    process.send({ results, processorMs: (user + system - warmupUser - warmupSystem) / 1000 }, () => process.exit(0));
  } catch (error) {
    process.send({ error: error.message }, () => process.exit(0));
  }
});
