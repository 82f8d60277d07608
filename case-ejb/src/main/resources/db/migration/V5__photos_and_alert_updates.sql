-- Photos of the child, and updates of an alert (new photo, new description) posted to the channels
-- the alert already reached.

CREATE SEQUENCE photo_id_seq START WITH 50 INCREMENT BY 50;

-- BYTEA is PostgreSQL's binary type and one of H2's names for VARBINARY.
CREATE TABLE case_photo (
  id               BIGINT       NOT NULL PRIMARY KEY,
  case_id          BIGINT       NOT NULL REFERENCES missing_child_case (id),
  format           VARCHAR(10)  NOT NULL,
  width            INTEGER      NOT NULL,
  height           INTEGER      NOT NULL,
  size_bytes       INTEGER      NOT NULL,
  content          BYTEA        NOT NULL,
  for_publication  BOOLEAN      NOT NULL,
  uploaded_by      VARCHAR(64)  NOT NULL,
  uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  version          BIGINT       NOT NULL
);
CREATE INDEX case_photo_case ON case_photo (case_id);

ALTER TABLE alert ADD COLUMN updates_posted INTEGER DEFAULT 0 NOT NULL;

-- A channel now carries an alert's own post once and each of its updates once, so the ledger's
-- uniqueness widens from (alert, channel) to (alert, channel, purpose, update number). The first
-- schema left that constraint unnamed, and H2 and PostgreSQL name it differently; the table is
-- rebuilt under a named constraint instead, keeping every row.
CREATE TABLE delivery_ledger (
  id             BIGINT       NOT NULL PRIMARY KEY,
  alert_id       BIGINT       NOT NULL REFERENCES alert (id),
  channel_id     BIGINT       NOT NULL REFERENCES channel (id),
  area_code      VARCHAR(10)  NOT NULL,
  platform       VARCHAR(20)  NOT NULL,
  stage          INTEGER      NOT NULL,
  purpose        VARCHAR(10)  NOT NULL,
  update_number  INTEGER      NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  external_id    VARCHAR(200),
  attempts       INTEGER      NOT NULL,
  last_error     VARCHAR(2000),
  queued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at        TIMESTAMP WITH TIME ZONE,
  version        BIGINT       NOT NULL,
  CONSTRAINT delivery_once UNIQUE (alert_id, channel_id, purpose, update_number)
);
INSERT INTO delivery_ledger
  (id, alert_id, channel_id, area_code, platform, stage, purpose, update_number, status,
   external_id, attempts, last_error, queued_at, sent_at, version)
SELECT id, alert_id, channel_id, area_code, platform, stage, 'ALERT', 0, status,
       external_id, attempts, last_error, queued_at, sent_at, version
FROM delivery;
DROP TABLE delivery;
ALTER TABLE delivery_ledger RENAME TO delivery;
CREATE INDEX delivery_alert ON delivery (alert_id);
