@configuration @fresh-gateway @one-instance
Feature: Starting MediaNest: a setting it cannot use stops it, naming the setting
  MediaNest is configured by its environment (the README lists every setting). A value it cannot
  use stops it at start-up with a message that names the setting and says what it expects, so
  whoever deploys it fixes the right line; it never starts half-configured. The signing secret
  and the encryption key may be left out while trying MediaNest, never in production. Each
  instance reads its own settings, so one instance at a time is enough to show this.

  Scenario Outline: a number out of its bounds stops MediaNest, naming the setting
    Given MediaNest is configured with <setting> set to "<value>"
    When MediaNest starts
    Then it refuses to start, saying '<setting>: must be a whole number from <lowest> to <highest>, got "<value>"'

    Examples:
      | setting                      | value   | lowest | highest |
      | PORT                         | 65536   | 0      | 65535   |
      | PORT                         | 80a     | 0      | 65535   |
      | LIBRARY_CACHE_SECONDS        | 86401   | 0      | 86400   |
      | UPTIME_KUMA_POLL_SECONDS     | 0       | 1      | 86400   |
      | DOWNLOAD_CONCURRENCY         | 65      | 1      | 64      |
      | DOWNLOAD_STALL_SECONDS       | 0       | 1      | 86400   |
      | RATE_LIMIT_USER_PER_MINUTE   | 1000001 | 1      | 1000000 |
      | RATE_LIMIT_ANON_PER_MINUTE   | 0       | 1      | 1000000 |
      | RATE_LIMIT_PIN_PER_MINUTE    | -1      | 1      | 1000000 |
      | RATE_LIMIT_VERIFY_PER_MINUTE | 2.5     | 1      | 1000000 |
      | DOWNLOAD_QUOTA_PER_HOUR      | 0       | 1      | 1000000 |

  Scenario Outline: the bounds themselves are accepted
    Given MediaNest is configured with <setting> set to "<value>"
    When MediaNest starts
    Then it starts

    Examples:
      | setting                  | value   |
      | DOWNLOAD_CONCURRENCY     | 64      |
      | UPTIME_KUMA_POLL_SECONDS | 1       |
      | DOWNLOAD_QUOTA_PER_HOUR  | 1000000 |

  Scenario Outline: an address MediaNest cannot use stops it, naming the setting
    Given MediaNest is configured with <setting> set to "<value>"
    When MediaNest starts
    Then it refuses to start, saying '<message>'

    Examples:
      | setting          | value                | message                                                         |
      | PLEX_SERVER_URL  | ftp://plex.example   | PLEX_SERVER_URL: must be an http(s) URL, got "ftp://plex.example" |
      | PLEX_TV_URL      | plex.tv              | PLEX_TV_URL: must be an http(s) URL, got "plex.tv"              |
      | OVERSEERR_URL    | http://              | OVERSEERR_URL: must be an http(s) URL, got "http://"            |
      | UPTIME_KUMA_URL  | file:///etc/passwd   | UPTIME_KUMA_URL: must be an http(s) URL, got "file:///etc/passwd" |

    Examples: the shared servers
      | setting      | value                                   | message                                                  |
      | DATABASE_URL | mysql://127.0.0.1:9/medianest           | DATABASE_URL: must be a postgres:// or postgresql:// URL |
      | DATABASE_URL | jdbc:postgresql://127.0.0.1:9/medianest | DATABASE_URL: must be a postgres:// or postgresql:// URL |
      | DATABASE_URL | postgres://127.0.0.1 9/medianest        | DATABASE_URL: must be a postgres:// or postgresql:// URL |
      | DATABASE_URL | postgres://127.0.0.1:9/medianest now    | DATABASE_URL: must be a postgres:// or postgresql:// URL |
      | DATABASE_URL | postgresql://                           | DATABASE_URL: must be a postgres:// or postgresql:// URL |
      | REDIS_URL    | http://127.0.0.1:9                      | REDIS_URL: must be a redis:// or rediss:// URL           |
      | REDIS_URL    | redis:// no                             | REDIS_URL: must be a redis:// or rediss:// URL           |

  Scenario Outline: a PostgreSQL address of either form is taken, and MediaNest says when nothing answers there
    Given MediaNest is configured with DATABASE_URL set to a <scheme> address where nothing listens
    When MediaNest starts
    Then it refuses to start, saying 'the database is unavailable'

    Examples:
      | scheme        |
      | postgres://   |
      | postgresql:// |

  Scenario Outline: a Redis address of either form is taken, and MediaNest starts while Redis does not answer
    Given MediaNest is configured with REDIS_URL set to a <scheme> address where nothing listens
    When MediaNest starts
    Then it starts

    Examples:
      | scheme    |
      | redis://  |
      | rediss:// |

  Scenario Outline: an empty setting counts as one left out
    Given MediaNest is configured with <setting> set to ""
    When MediaNest starts
    Then it starts

    Examples:
      | setting              |
      | DOWNLOAD_CONCURRENCY |
      | LOG_LEVEL            |

  Scenario Outline: a name, a list or a choice MediaNest cannot use stops it, naming the setting
    Given MediaNest is configured with <setting> set to "<value>"
    When MediaNest starts
    Then it refuses to start, saying '<message>'

    Examples:
      | setting              | value               | message                                                                                        |
      | INSTANCE_NAME        | instance one        | INSTANCE_NAME: must be 1 to 64 letters, digits, dots, dashes or underscores, got "instance one" |
      | UPTIME_KUMA_MONITORS | plex=Plex,overseerr | UPTIME_KUMA_MONITORS: expects service=monitor pairs, got "overseerr"                           |
      | UPTIME_KUMA_MONITORS | plex=Plex,=Overseerr | UPTIME_KUMA_MONITORS: expects service=monitor pairs, got "=Overseerr"                         |
      | LOG_LEVEL            | loud                | LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"           |

  Scenario Outline: a secret shorter than 32 characters stops MediaNest
    Given MediaNest is configured with <secret> set to "<31 characters>"
    When MediaNest starts
    Then it refuses to start, saying '<secret>: must be at least 32 characters'

    Examples:
      | secret         | 31 characters                   |
      | JWT_SECRET     | 0123456789abcdef0123456789abcde |
      | ENCRYPTION_KEY | 0123456789abcdef0123456789abcde |

  Scenario: a secret of 32 characters is enough
    Given MediaNest is configured with JWT_SECRET set to "0123456789abcdef0123456789abcdef"
    And MediaNest is configured with ENCRYPTION_KEY set to "fedcba9876543210fedcba9876543210"
    When MediaNest starts
    Then it starts

  Scenario Outline: in production, a missing secret stops MediaNest
    Given MediaNest is configured with NODE_ENV set to "production"
    And MediaNest is configured without <secret>
    When MediaNest starts
    Then it refuses to start, saying '<secret>: is required when NODE_ENV=production'

    Examples:
      | secret         |
      | JWT_SECRET     |
      | ENCRYPTION_KEY |

  Scenario: in production, an empty secret is a missing one
    Given MediaNest is configured with NODE_ENV set to "production"
    And MediaNest is configured with ENCRYPTION_KEY set to ""
    When MediaNest starts
    Then it refuses to start, saying 'ENCRYPTION_KEY: is required when NODE_ENV=production'

  Scenario: while trying MediaNest, a missing secret is made for this process only, and said so
    Given MediaNest is configured without JWT_SECRET
    And MediaNest is configured with ENCRYPTION_KEY set to ""
    When MediaNest starts
    Then it starts
    And its log warns "JWT_SECRET is not set: using a random value for this process only"
    And its log warns "ENCRYPTION_KEY is not set: using a random value for this process only"

  Scenario: without a host, MediaNest listens on this machine only
    Given MediaNest is configured without HOST
    When MediaNest starts
    Then it listens on 127.0.0.1 only

  Scenario: MediaNest listens on the host it is given, an IPv6 address too
    Given MediaNest is configured with HOST set to "::1"
    When MediaNest starts
    Then it listens on [::1] only

  Scenario: MediaNest configured in full starts without a warning
    When MediaNest starts
    Then it starts
    And its log has no warning

  Scenario: without a client identifier, MediaNest makes its own and keeps it
    Given MediaNest is configured without PLEX_CLIENT_ID
    And MediaNest keeps its data in a file
    And Bob has signed in
    When the gateway restarts
    And Alice signs in
    Then plex.tv was always asked by one client, "medianest-" and a random identifier

  Scenario: MediaNest reads the Uptime Kuma status page it is given
    Given MediaNest is configured with UPTIME_KUMA_SLUG set to "home"
    When Bob opens the service dashboard
    Then Uptime Kuma was asked about the status page "home" only

  Scenario: Plex's address may end in slashes
    Given MediaNest is configured with Plex's address ending in "//"
    When Bob looks at the libraries
    Then he sees these libraries:
      | title    | type   |
      | Movies   | film   |
      | TV Shows | series |
      | Music    | music  |

  Scenario: the admins' names may be listed with spaces around them
    Given MediaNest is configured with ADMIN_PLEX_USERNAMES set to " Ada , Grace "
    When Ada signs in
    Then Ada is signed in as an admin

  Scenario Outline: without <setting>, MediaNest starts, and what needs <service> is refused as unavailable
    Given MediaNest is configured without <setting>
    And Bob is signed in
    When Bob tries to <operation>
    Then Bob is refused with SERVICE_UNAVAILABLE, told that "<name> is not configured"

    Examples:
      | setting         | service   | operation          | name        |
      | OVERSEERR_URL   | Overseerr | search for a film  | overseerr   |
      | PLEX_SERVER_URL | Plex      | browse the library | plex-server |
