import { After, AfterAll, Before, BeforeAll, setDefaultTimeout, Status, type IContext } from '@cucumber/cucumber';
import { forgetCompletions } from '../gateway/src/http/route-contract';
import { describeExchanges, describeTimeline } from './report/attachments';
import { collectEvidence, scenarioMasker } from './report/collect-evidence';
import { EVIDENCE_MEDIA_TYPE } from './report/evidence';
import { ClusterTarget } from './target/cluster';
import { EmbeddedTarget } from './target/embedded';
import { InProcessClusterTarget } from './target/in-process-cluster';
import { RemoteTarget } from './target/remote';
import { SpawnedTarget } from './target/spawned';
import { guardFailure } from './upstreams/network-guard';
import { MediaNestWorld, type MediaNestParameters } from './world';

setDefaultTimeout(20_000);

/**
 * The target is chosen per worker from the profile's world parameters (see cucumber.js). Each run
 * completes the gateway's route schemas afresh: Stryker runs every mutant in this process, and one
 * kept from the run before would hide a mutant of their completion.
 */
BeforeAll(async function (this: IContext) {
  forgetCompletions();
  const parameters = this.parameters as Partial<MediaNestParameters>;
  const kind = parameters.target ?? 'embedded';
  MediaNestWorld.target =
    kind === 'spawned' ? await SpawnedTarget.create()
    : kind === 'cluster' ? await ClusterTarget.create()
    : kind === 'cluster-in-process' ? await InProcessClusterTarget.create({ keepServers: parameters.keepServers === true })
    : kind === 'remote' ? await RemoteTarget.create(process.env)
    : new EmbeddedTarget();
});

AfterAll(async function () {
  await MediaNestWorld.target?.close();
});

Before(async function (this: MediaNestWorld) {
  await this.target.attach(this.upstreams.all());
});

After(async function (this: MediaNestWorld, { result }) {
  try {
    // Every attachment is masked here, so neither report nor the messages file carries a credential.
    const masker = scenarioMasker(this);
    const logText = result?.status === Status.FAILED && this.gatewayStarted ? (await this.gateway()).logs() : undefined;
    const evidence = collectEvidence(this, masker, logText);
    this.attach(JSON.stringify(evidence), { mediaType: EVIDENCE_MEDIA_TYPE, fileName: 'Evidence' });
    if (evidence.exchanges.length) this.attach(describeExchanges(evidence), { mediaType: 'text/plain', fileName: 'HTTP exchanges with the gateway' });
    this.attach(describeTimeline(evidence), { mediaType: 'text/plain', fileName: 'What crossed to the upstreams' });
    if (logText !== undefined) this.attach(masker.text(logText) || '(empty)', { mediaType: 'text/plain', fileName: 'Gateway log' });
    const blocked = guardFailure(this.target.blockedCalls());
    if (blocked) throw blocked;
    const unasserted = this.exchanges.filter((exchange) => exchange.response.status >= 500 && !exchange.asserted);
    if (unasserted.length && result?.status === Status.PASSED) {
      const first = unasserted[0]!;
      throw new Error(`an unexpected ${first.response.status} that no step asserted: ${first.request.method} ${first.request.path}\n${first.response.text}`);
    }
  } finally {
    await this.dispose();
  }
});
