-- Per-guild settings of every module, stored as text and typed by the module's declaration.
CREATE TABLE hotcog_guild_setting (
    guild_id BIGINT NOT NULL,
    module VARCHAR(64) NOT NULL,
    setting_key VARCHAR(100) NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (guild_id, module, setting_key)
);
