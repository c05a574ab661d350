@downloads
Feature: Following a download's progress
  A download's progress is a stream of events that any browser can follow with the person's
  session: the status, the progress, then the finished file or the reason it failed, each event
  numbered. Connections drop; an app that comes back saying the last event it saw is sent exactly
  what it missed, nothing twice. A heartbeat every 15 seconds keeps a quiet stream open through
  proxies, and the stream ends after its last event.

  Contract details: Server-Sent Events (`status`, `progress`, `completed`, `failed`) with increasing
  ids, resumed with `Last-Event-ID`; the heartbeat is a comment line.


  Scenario: proxies neither cache nor hold back a progress stream, and it carries the usual protections
    Given Bob is signed in
    When Bob downloads a short video and follows its progress
    Then Bob's progress stream was sent as a stream no proxy caches or holds back
    And Bob's progress stream carries the browser protections and a correlation id
    And Bob's progress stream held nothing but numbered events

  Scenario: a reconnecting client is sent exactly the events it missed
    Given Bob is signed in
    And Bob has started downloading a short video
    And Bob's progress stream broke off after 3 events
    When Bob reconnects with the last event he saw
    Then Bob has seen every event of the download exactly once, in order

  Scenario: following a download that has already finished tells the whole story, then ends
    Given Bob is signed in
    And Bob has downloaded a short video
    When Bob follows its progress
    Then Bob saw it queued, then downloading, then completed

  Scenario: a client that has seen the last event is told there is nothing more to follow
    Given Bob is signed in
    And Bob has downloaded a short video
    When Bob reconnects with the last event he saw
    Then Bob is told there is nothing more to follow

  Scenario: resuming from an event id that is not a number is refused
    Given Bob is signed in
    And Bob has started downloading a short video
    When Bob resumes its progress stream from an event id that is not a number
    Then Bob is refused with VALIDATION_ERROR

  @embedded-only
  Scenario: a quiet stream is kept alive by a heartbeat every 15 seconds
    Given Bob is signed in
    And Bob is downloading a video that stalls
    And Bob is watching its quiet progress stream
    When 30 seconds pass
    Then Bob's stream received 2 heartbeats and nothing else
