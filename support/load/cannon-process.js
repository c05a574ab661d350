// Runs autocannon loads in their own process, so the driver never shares a core or an event loop
// with a gateway in the suite's process. Takes `{ warmup, runs }` (lists of autocannon options)
// over IPC: runs the warm-up loads and throws their results away, says it is measuring, then runs
// the measured loads all at once (side by side: one stall of this process delays every one of them
// alike) and sends back their results.
const autocannon = require('autocannon');

process.once('message', async ({ warmup, runs }) => {
  try {
    await Promise.all(warmup.map((options) => autocannon(options)));
    process.send({ measuring: true });
    const results = await Promise.all(runs.map((options) => autocannon(options)));
    process.send({ results }, () => process.exit(0));
  } catch (error) {
    process.send({ error: error.message }, () => process.exit(0));
  }
});
