import { After, AfterAll, Before, BeforeAll, setDefaultTimeout, Status, type IContext } from '@cucumber/cucumber';
import { describeExchanges, describeTimeline } from './report/attachments';
import { EmbeddedTarget } from './target/embedded';
import { RemoteTarget } from './target/remote';
import { SpawnedTarget } from './target/spawned';
import { guardFailure } from './upstreams/network-guard';
import { MediaNestWorld, type MediaNestParameters } from './world';

setDefaultTimeout(20_000);

/** The target is chosen per worker from the profile's world parameters (see cucumber.js). */
BeforeAll(async function (this: IContext) {
  const kind = (this.parameters as Partial<MediaNestParameters>).target ?? 'embedded';
  MediaNestWorld.target =
    kind === 'spawned' ? await SpawnedTarget.create()
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
    if (this.exchanges.length) this.attach(describeExchanges(this.exchanges), { mediaType: 'text/plain', fileName: 'HTTP exchanges with the gateway' });
    this.attach(describeTimeline(this.upstreams.all(), this.startedAt), { mediaType: 'text/plain', fileName: 'What crossed to the upstreams' });
    if (result?.status === Status.FAILED && this.gatewayStarted) {
      this.attach((await this.gateway()).logs() || '(empty)', { mediaType: 'text/plain', fileName: 'Gateway log' });
    }
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
