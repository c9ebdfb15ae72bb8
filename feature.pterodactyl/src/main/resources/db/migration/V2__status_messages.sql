-- Live status messages: where each is, and which server it shows. A row goes when its message is found deleted.
CREATE TABLE ptero_status_message (
    message_id BIGINT PRIMARY KEY,
    guild_id BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    panel VARCHAR(32) NOT NULL,
    server_id VARCHAR(36) NOT NULL,
    created_by BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ptero_status_message_server ON ptero_status_message (panel, server_id);
