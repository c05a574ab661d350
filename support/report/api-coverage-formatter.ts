import { Formatter, type IFormatterOptions } from '@cucumber/cucumber';
import type * as messages from '@cucumber/messages';
import { contractDocument } from '../contract/document';
import { computeCoverage } from '../contract/coverage';
import { CONTRACT_MEDIA_TYPE, type ContractRecord } from '../contract/hooks';

/**
 * Writes the run's API coverage (support/contract/coverage.ts) as JSON to the formatter's output,
 * e.g. `'./support/report/api-coverage-formatter.js': 'reports/api-coverage.json'` in cucumber.js,
 * from the contract attachments every scenario leaves in the messages.
 */
export default class ApiCoverageFormatter extends Formatter {
  static override readonly documentation = 'Writes reports/api-coverage.json: every operation and status of the contract the scenarios reached';

  private readonly pickles = new Map<string, messages.Pickle>();
  private readonly testCases = new Map<string, string>();
  private readonly started = new Map<string, string>();
  private readonly records = new Map<string, ContractRecord[]>();

  constructor(options: IFormatterOptions) {
    super(options);
    options.eventBroadcaster.on('envelope', (envelope: messages.Envelope) => this.read(envelope));
  }

  private read(envelope: messages.Envelope): void {
    if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    else if (envelope.testCase) this.testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    else if (envelope.testCaseStarted) this.started.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
    else if (envelope.attachment?.mediaType === CONTRACT_MEDIA_TYPE && envelope.attachment.testCaseStartedId) {
      const pickleId = this.testCases.get(this.started.get(envelope.attachment.testCaseStartedId) ?? '');
      const pickle = pickleId ? this.pickles.get(pickleId) : undefined;
      const scenario = pickle ? `${pickle.uri}: ${pickle.name}` : 'an unknown scenario';
      this.records.set(scenario, [...(this.records.get(scenario) ?? []), ...(JSON.parse(envelope.attachment.body) as ContractRecord[])]);
    } else if (envelope.testRunFinished) this.write();
  }

  private write(): void {
    const scenarios = [...this.records].map(([scenario, records]) => ({ scenario, records }));
    this.log(`${JSON.stringify(computeCoverage(contractDocument(), scenarios), null, 1)}\n`);
  }
}
