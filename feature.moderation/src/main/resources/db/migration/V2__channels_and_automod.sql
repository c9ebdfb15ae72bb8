-- What a case did beyond its action, target and duration: how many messages a purge deleted and
-- with which filters, which automod rule a message broke. Null for the actions of V1.
ALTER TABLE moderation_case ADD COLUMN detail VARCHAR(256);

-- Channels locked with /lock: the @everyone overwrite's bits as they were, so that /unlock puts
-- back exactly what the lock changed and nothing the server had set on purpose.
CREATE TABLE moderation_lock (
    guild_id BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    had_overwrite BOOLEAN NOT NULL,
    previous_allow BIGINT NOT NULL,
    previous_deny BIGINT NOT NULL,
    case_number INT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

-- Automod rules of a guild, one row per rule it changed from the defaults (all off).
-- limit_count and window_seconds mean what the rule makes of them: messages in a window for spam,
-- mentions in one message, joins in a window for the raid guard.
CREATE TABLE moderation_automod_rule (
    guild_id BIGINT NOT NULL,
    rule_name VARCHAR(16) NOT NULL,
    enabled BOOLEAN NOT NULL,
    action VARCHAR(16) NOT NULL,
    limit_count INT NOT NULL,
    window_seconds INT NOT NULL,
    PRIMARY KEY (guild_id, rule_name)
);

-- Blocked words, blocked patterns and allowed invite codes of a guild's automod.
CREATE TABLE moderation_automod_term (
    guild_id BIGINT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    term VARCHAR(200) NOT NULL,
    PRIMARY KEY (guild_id, kind, term)
);

-- The guild-wide automod values: how long an automod timeout lasts, how long the raid guard's
-- strict mode lasts, and until when it is on (null when it is off).
CREATE TABLE moderation_automod (
    guild_id BIGINT NOT NULL PRIMARY KEY,
    timeout_seconds BIGINT NOT NULL,
    strict_seconds BIGINT NOT NULL,
    strict_until TIMESTAMP
);
