import { Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Sweeps } from '../../support/contract/sweep-runs';
import { unexpected } from '../../support/contract/sweeps';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { FaultKind } from '../../support/upstreams/faults';
import type { MediaNestWorld } from '../../support/world';

When('a visitor calls every operation that needs a session', async function (this: MediaNestWorld) {
  await Sweeps.withoutSession(this);
});

When('{persona} calls every operation only an admin may use', async function (this: MediaNestWorld, name: string) {
  await Sweeps.asUser(this, name);
});

When('every operation that changes something is called from a browser session without the CSRF header', async function (this: MediaNestWorld) {
  await Sweeps.withoutCsrf(this);
});

When('every operation that takes parameters is sent one it cannot accept', async function (this: MediaNestWorld) {
  await Sweeps.withParametersItCannotAccept(this);
});

When('every operation that changes something is sent a body it cannot read', async function (this: MediaNestWorld) {
  await Sweeps.withBodiesItCannotRead(this);
});

When('every operation that looks something up is asked for something that does not exist', async function (this: MediaNestWorld) {
  await Sweeps.forWhatDoesNotExist(this);
});

When('everyone calls every operation after their one call of the minute', async function (this: MediaNestWorld) {
  await Sweeps.afterTheMinutesCall(this);
});

When('every operation that needs {upstream} is called while it {fault}', async function (this: MediaNestWorld, upstream: UpstreamName, fault: FaultKind) {
  await Sweeps.whileUpstreamFails(this, upstream, fault);
});

Then('each answers with the refusal the contract documents for it', function (this: MediaNestWorld) {
  expect(unexpected(this.notes.contract.sweep), 'the operations that answered otherwise').to.deep.equal([]);
});
