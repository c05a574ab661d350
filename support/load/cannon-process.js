// Runs one autocannon load in its own process, so the driver never shares a core or an event loop
// with a gateway in the suite's process. Takes autocannon's options over IPC and sends back its result.
const autocannon = require('autocannon');

process.once('message', (options) => {
  autocannon(options, (error, result) => {
    process.send(error ? { error: error.message } : { result }, () => process.exit(0));
  });
});
