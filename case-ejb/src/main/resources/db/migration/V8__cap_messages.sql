-- The CAP 1.2 messages issued about each alert, kept as sent, so that updates and the cancellation
-- can refer to them and the feed can serve them.

CREATE SEQUENCE cap_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE cap_message (
  id          BIGINT         NOT NULL PRIMARY KEY,
  alert_id    BIGINT         NOT NULL REFERENCES alert (id),
  message_number  INTEGER    NOT NULL,
  msg_type    VARCHAR(10)    NOT NULL,
  identifier  VARCHAR(200)   NOT NULL UNIQUE,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  xml         VARCHAR(1000000),
  CONSTRAINT cap_message_once UNIQUE (alert_id, message_number)
);
CREATE INDEX cap_message_sent ON cap_message (sent_at);
