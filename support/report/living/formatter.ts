import { Formatter, type IFormatterOptions } from '@cucumber/cucumber';
import type { Envelope } from '@cucumber/messages';
import { buildLivingDocumentation, writeLivingDocumentation, type LivingDocumentationOptions } from './build';

/**
 * Cucumber formatter that writes `living-documentation.html` and `summary.json` into the run's
 * reports folder and appends the run to the history. Its options come from the profile's
 * formatOptions (`livingDocumentation: {outDir, profile, target, history, features, openapi, mutationReport}`):
 * formatters never see the profile or the target otherwise. Its own output stream gets one line.
 */
export default class LivingDocumentationFormatter extends Formatter {
  static override readonly documentation = 'The living documentation for product owners: capabilities, evidence, API coverage, history';
  private readonly envelopes: Envelope[] = [];
  private readonly options: LivingDocumentationOptions;
  private written = false;

  constructor(options: IFormatterOptions) {
    super(options);
    const given = options.parsedArgvOptions.livingDocumentation ?? {};
    this.options = {
      outDir: given.outDir ?? 'reports',
      profile: given.profile ?? 'default',
      target: given.target ?? 'embedded',
      history: given.history ?? 'reports/history.jsonl',
      features: given.features ?? 'features',
      openapi: given.openapi ?? 'support/contract/openapi.json',
      mutationReport: given.mutationReport ?? 'reports/mutation/mutation.json',
      // a shard of a run leaves the history to the merged run (cucumber.js, MEDIANEST_SHARD)
      recordHistory: given.recordHistory ?? true,
      // A dry run executes nothing: it must not count as a run in the history.
      dryRun: process.argv.some((arg) => arg === '--dry-run' || arg === '-d'),
    };
    options.eventBroadcaster.on('envelope', (envelope: Envelope) => {
      this.envelopes.push(envelope);
      if (envelope.testRunFinished) this.write();
    });
  }

  override async finished(): Promise<void> {
    // A run stopped before its end (Ctrl-C) still leaves a page, saying the run did not finish.
    if (!this.written) this.write();
    await super.finished();
  }

  private write(): void {
    this.written = true;
    const started = performance.now();
    const result = buildLivingDocumentation(this.envelopes, false, this.options);
    writeLivingDocumentation(this.options.outDir, result);
    this.log(`living documentation: ${this.options.outDir}/living-documentation.html (${(result.html.length / 1e6).toFixed(1)} MB, built in ${Math.round(performance.now() - started)} ms)\n`);
  }
}
