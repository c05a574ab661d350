/**
 * Records every outgoing call to a host no fake serves. The gateway alone would only see "fetch
 * failed" and might answer a plausible 503; the After hook fails the scenario naming the host.
 */
export class NetworkGuard {
  private blocked: string[] = [];

  block(request: Request): void {
    this.blocked.push(`${request.method} ${new URL(request.url).origin}`);
  }

  /** What was blocked since the last call, and forgets it. */
  drain(): string[] {
    const blocked = this.blocked;
    this.blocked = [];
    return blocked;
  }
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The failure a scenario gets when its gateway tried to leave the machine. */
export function guardFailure(blocked: string[]): Error | undefined {
  if (!blocked.length) return undefined;
  return new Error(`the gateway tried to reach a host no fake serves: ${[...new Set(blocked)].join(', ')}`);
}
