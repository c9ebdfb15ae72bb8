-- What a guild (channel_id 0) or one of its channels chose: provider, model, persona. A channel's
-- choice overrides the guild's; NULL falls back to the guild's, then to the defaults.
CREATE TABLE ai_choice (
    guild_id BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    provider VARCHAR(32),
    model VARCHAR(200),
    persona VARCHAR(32),
    PRIMARY KEY (guild_id, channel_id)
);

-- The personas a guild's admins define: a name members pick and the system prompt it stands for.
CREATE TABLE ai_persona (
    guild_id BIGINT NOT NULL,
    name VARCHAR(32) NOT NULL,
    prompt VARCHAR(4000) NOT NULL,
    PRIMARY KEY (guild_id, name)
);

-- Who may use the AI in a guild: allow (allowed TRUE) and block (FALSE) lists of users, roles and
-- channels. Blocks win; an allow list of a kind, once it has an entry, admits only what is on it.
CREATE TABLE ai_access (
    guild_id BIGINT NOT NULL,
    kind VARCHAR(8) NOT NULL,
    target_id BIGINT NOT NULL,
    allowed BOOLEAN NOT NULL,
    PRIMARY KEY (guild_id, kind, target_id)
);
