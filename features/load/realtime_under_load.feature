@load
Feature: Live updates under load
  On a busy evening many people keep the portal open, often on several devices, and several of
  them follow downloads at the same time. Live news must still reach every open connection once
  and promptly, and every download's progress must reach its follower whole: each step in order,
  none missing, then the completion. These scenarios run over real sockets and real yt-dlp
  processes with time limits generous enough for a small machine; each attaches its measured
  figures and a chart of every receiver's time to this report.

  @realtime @monitoring @embedded-only @fresh-gateway
  Scenario: 200 subscribed sockets receive a broadcast within a bounded time
    Given 10 people are each watching service health on 20 connections
    When Uptime Kuma's next check finds Plex down
    Then each of the 200 connections is told exactly once that Plex is down
    And the last of them was told within 1000 ms

  @downloads @fresh-gateway
  Scenario: 20 concurrent SSE streams each receive every progress event of their download
    Given MediaNest runs up to 20 downloads at once
    And 4 people have each started 5 downloads
    When all 20 downloads are followed at once, each on its own progress stream
    Then every stream told its download's whole story in order, ending with the completion
    And the last stream ended within 15 seconds
