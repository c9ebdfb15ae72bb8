-- The last case number handed out in each guild. Allocating a number updates this row in the
-- transaction that stores the case: the row lock serialises concurrent moderators, in this
-- process and in every other process sharing the database.
CREATE TABLE moderation_case_counter (
    guild_id BIGINT NOT NULL PRIMARY KEY,
    last_number INT NOT NULL
);

-- Every action, manual or automatic, as a numbered case of its guild.
CREATE TABLE moderation_case (
    guild_id BIGINT NOT NULL,
    case_number INT NOT NULL,
    action VARCHAR(16) NOT NULL,
    target_id BIGINT NOT NULL,
    target_name VARCHAR(100) NOT NULL,
    moderator_id BIGINT NOT NULL,
    moderator_name VARCHAR(100) NOT NULL,
    automatic BOOLEAN NOT NULL,
    reason VARCHAR(512),
    duration_seconds BIGINT,
    created_at TIMESTAMP NOT NULL,
    modlog_channel_id BIGINT,
    modlog_message_id BIGINT,
    PRIMARY KEY (guild_id, case_number)
);
CREATE INDEX moderation_case_target ON moderation_case (guild_id, target_id);

-- Warning points, one row per warn case. A warning counts while it is neither revoked nor expired.
CREATE TABLE moderation_warning (
    guild_id BIGINT NOT NULL,
    case_number INT NOT NULL,
    user_id BIGINT NOT NULL,
    points INT NOT NULL,
    expires_at TIMESTAMP,
    revoked_case_number INT,
    PRIMARY KEY (guild_id, case_number)
);
CREATE INDEX moderation_warning_user ON moderation_warning (guild_id, user_id);

-- Per-guild settings; a guild without a row has the defaults.
CREATE TABLE moderation_settings (
    guild_id BIGINT NOT NULL PRIMARY KEY,
    modlog_channel_id BIGINT NOT NULL,
    require_reason BOOLEAN NOT NULL,
    dm_before_action BOOLEAN NOT NULL,
    warning_expiry_seconds BIGINT NOT NULL
);

-- Roles whose members may moderate without the Discord permission of the action.
CREATE TABLE moderation_role (
    guild_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    PRIMARY KEY (guild_id, role_id)
);

-- What happens when a member's active warning points reach a threshold.
CREATE TABLE moderation_threshold (
    guild_id BIGINT NOT NULL,
    points INT NOT NULL,
    action VARCHAR(16) NOT NULL,
    duration_seconds BIGINT,
    PRIMARY KEY (guild_id, points)
);
