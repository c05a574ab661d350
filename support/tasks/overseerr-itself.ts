import { expect } from '../checks/chai';
import type { MediaNestWorld } from '../world';
import { Permission } from '../upstreams/overseerr/model';
import { RequestMedia } from './request-media';

/** What people and admins do in Overseerr's own interface, past MediaNest. */
export const OverseerrItself = {
  /** The person's Overseerr account, found by their Plex username. */
  userOf(world: MediaNestWorld, name: string) {
    const user = world.upstreams.overseerr.model.users().find((candidate) => candidate.plexUsername === name);
    expect(user, `${name}'s Overseerr account`).to.not.equal(undefined);
    return user!;
  },

  /** An admin imports the person's Plex account into Overseerr after `others` accounts, so Overseerr lists it after theirs. */
  importAfterOthers(world: MediaNestWorld, name: string, others: number): void {
    const { model } = world.upstreams.overseerr;
    for (let n = 1; n <= others; n++) model.addUser({ email: `viewer${n}@example.org`, plexUsername: `Viewer${n}` });
    const account = world.upstreams.plexTv.model.account(name);
    model.addUser({ email: account.email, plexUsername: account.username });
  },

  /** An admin takes the permission to make requests from the person's Overseerr account. */
  withdrawRequestPermission(world: MediaNestWorld, name: string): void {
    const user = OverseerrItself.userOf(world, name);
    user.permissions &= ~Permission.REQUEST;
  },

  /** The email Overseerr keeps for the person is no longer the one their Plex account has. */
  changeEmail(world: MediaNestWorld, name: string, email: string): void {
    OverseerrItself.userOf(world, name).email = email;
  },

  useUpFilmQuota(world: MediaNestWorld, name: string): void {
    world.upstreams.overseerr.model.setQuota(OverseerrItself.userOf(world, name).id, 0, 'movie');
  },

  /** The person asks for a title in Overseerr itself (a series: every season). */
  askFor(world: MediaNestWorld, name: string, title: string): void {
    const { mediaType, tmdbId } = RequestMedia.title(world, title);
    const outcome = world.upstreams.overseerr.model.request({ mediaType, mediaId: tmdbId, ...(mediaType === 'tv' ? { seasons: 'all' as const } : {}) }, OverseerrItself.userOf(world, name));
    expect(outcome, `Overseerr's answer to ${name}'s request for "${title}"`).to.have.property('request');
  },

  /** Overseerr's own admin declines the one request for a title; Overseerr sends no webhook. */
  decline(world: MediaNestWorld, title: string): void {
    const { model } = world.upstreams.overseerr;
    model.setStatus(OverseerrItself.onlyRequestFor(world, title), 3, model.user(1)!); // DECLINED
  },

  /** Overseerr's own admin approves the one request for a title; `delivered`: Radarr or Sonarr then brought it to Plex. */
  approve(world: MediaNestWorld, title: string, delivered: boolean): void {
    const { model } = world.upstreams.overseerr;
    const request = OverseerrItself.onlyRequestFor(world, title);
    model.setStatus(request, 2, model.user(1)!); // APPROVED
    if (delivered) model.markAvailable(request.media.tmdbId, request.type);
  },

  /** Overseerr's own admin deletes the one request for a title. */
  deleteRequestFor(world: MediaNestWorld, title: string): void {
    world.upstreams.overseerr.model.remove(OverseerrItself.onlyRequestFor(world, title));
  },

  onlyRequestFor(world: MediaNestWorld, title: string) {
    const requests = RequestMedia.inOverseerr(world, title);
    expect(requests, `the requests Overseerr holds for "${title}"`).to.have.lengthOf(1);
    return requests[0]!;
  },
};
