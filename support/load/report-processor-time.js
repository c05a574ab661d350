// Preloaded (`node -r`) into a load process the suite does not own, such as the autocannon command
// line: on exit, writes the processor time the process spent to stderr as one JSON line.
process.once('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\n${JSON.stringify({ processorMs: (user + system) / 1000 })}\n`);
});
