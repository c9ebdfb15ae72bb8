-- A member's XP in a guild. last_message_at is when a message last gave XP (null: never), so the
-- cooldown holds across restarts and for every process sharing the database.
CREATE TABLE levels_member (
    guild_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    xp BIGINT NOT NULL CHECK (xp >= 0),
    last_message_at TIMESTAMP,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX levels_member_rank ON levels_member (guild_id, xp);

-- Per-guild settings; a guild without a row has the defaults.
CREATE TABLE levels_settings (
    guild_id BIGINT NOT NULL PRIMARY KEY,
    -- where level-ups are announced; 0: in the channel of the message that caused them
    announce_channel_id BIGINT NOT NULL,
    cooldown_seconds INT NOT NULL,
    coins_per_xp INT NOT NULL,
    max_coin_xp INT NOT NULL,
    -- whether a new reward role replaces the previous one instead of adding to it
    replace_rewards BOOLEAN NOT NULL
);

-- The role a member gets on reaching a level.
CREATE TABLE levels_reward (
    guild_id BIGINT NOT NULL,
    level INT NOT NULL,
    role_id BIGINT NOT NULL,
    PRIMARY KEY (guild_id, level)
);
