import { buildGateway } from './app';
import { ConfigError, readConfig } from './config';

/** The standalone gateway: environment -> configuration -> gateway -> "listening on ...". */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`medianest: invalid configuration: ${error.message}\n`);
    process.exit(78);
  }
  const gateway = await buildGateway(config);
  config.warnings.forEach((warning) => gateway.app.log.warn(warning));
  process.stdout.write(`listening on ${gateway.url}\n`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
