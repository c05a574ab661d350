import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoadBalancer } from '../../support/target/load-balancer';
import type { GatewayInstance } from '../../support/target/target';

const instances = (): GatewayInstance[] => [
  { name: 'A', url: 'http://127.0.0.1:1001', up: true },
  { name: 'B', url: 'http://127.0.0.1:1002', up: true },
];

describe('the load balancer in front of the cluster', () => {
  it('sends each request to the next instance in turn, whoever sends it', () => {
    const balancer = new LoadBalancer();
    const both = instances();
    assert.deepEqual(['Bob', 'Bob', 'Cleo', 'Bob'].map((actor) => balancer.route(actor, both).name), ['A', 'B', 'A', 'B']);
  });

  it('sends a pinned person to their instance, and everyone else on in turn', () => {
    const balancer = new LoadBalancer();
    const both = instances();
    balancer.pin('Bob', 'B');
    assert.deepEqual(['Bob', 'Cleo', 'Bob', 'Cleo'].map((actor) => balancer.route(actor, both).name), ['B', 'A', 'B', 'B']);
  });

  it('sends nobody to a stopped instance, a pinned person included', () => {
    const balancer = new LoadBalancer();
    const [a, b] = instances();
    balancer.pin('Bob', 'A');
    a!.up = false;
    assert.deepEqual(['Bob', 'Cleo', 'Cleo'].map((actor) => balancer.route(actor, [a!, b!]).name), ['B', 'B', 'B']);
  });

  it('says so when no instance is up', () => {
    const down = instances().map((instance) => ({ ...instance, up: false }));
    assert.throws(() => new LoadBalancer().route('Bob', down), /no instance is up: A, B were stopped/);
  });
});
