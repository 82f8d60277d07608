-- The first schema: accounts, cases, alerts, channels and the delivery ledger.
-- Written in the SQL that H2 (the embedded default) and PostgreSQL (production) share.

-- One sequence per table; each step hands the server a block of 50 identifiers. EclipseLink
-- reads the value returned as the last of its block, so the first value is 50, not 1.
CREATE SEQUENCE case_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE alert_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE channel_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delivery_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE user_account (
  username       VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash  VARCHAR(200) NOT NULL,
  roles          VARCHAR(200) NOT NULL,
  enabled        BOOLEAN      NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE case_reference_counter (
  case_year    INTEGER NOT NULL PRIMARY KEY,
  last_number  INTEGER NOT NULL
);

CREATE TABLE missing_child_case (
  id                 BIGINT       NOT NULL PRIMARY KEY,
  reference          VARCHAR(20)  NOT NULL UNIQUE,
  status             VARCHAR(20)  NOT NULL,
  given_name         VARCHAR(100) NOT NULL,
  family_name        VARCHAR(100) NOT NULL,
  given_name_ar      VARCHAR(100),
  family_name_ar     VARCHAR(100),
  date_of_birth      DATE         NOT NULL,
  sex                VARCHAR(10)  NOT NULL,
  last_seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen_lat      DOUBLE PRECISION NOT NULL,
  last_seen_lon      DOUBLE PRECISION NOT NULL,
  last_seen_place    VARCHAR(500),
  circumstances      VARCHAR(4000),
  province_code      VARCHAR(10),
  region_code        VARCHAR(10),
  created_by         VARCHAR(64)  NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  version            BIGINT       NOT NULL
);
CREATE INDEX missing_child_case_status ON missing_child_case (status);

CREATE TABLE alert (
  id                     BIGINT      NOT NULL PRIMARY KEY,
  case_id                BIGINT      NOT NULL REFERENCES missing_child_case (id),
  status                 VARCHAR(20) NOT NULL,
  exercise               BOOLEAN     NOT NULL,
  criterion_minor        BOOLEAN     NOT NULL,
  criterion_danger       BOOLEAN     NOT NULL,
  criterion_description  BOOLEAN     NOT NULL,
  criterion_consent      BOOLEAN     NOT NULL,
  justification          VARCHAR(4000),
  requested_by           VARCHAR(64) NOT NULL,
  requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by             VARCHAR(64),
  decided_at             TIMESTAMP WITH TIME ZONE,
  rejection_reason       VARCHAR(4000),
  version                BIGINT      NOT NULL
);
CREATE INDEX alert_case ON alert (case_id);

CREATE TABLE alert_target_area (
  alert_id   BIGINT      NOT NULL REFERENCES alert (id),
  area_code  VARCHAR(10) NOT NULL,
  stage      INTEGER     NOT NULL,
  PRIMARY KEY (alert_id, area_code)
);

CREATE TABLE channel (
  id               BIGINT       NOT NULL PRIMARY KEY,
  area_code        VARCHAR(10)  NOT NULL,
  platform         VARCHAR(20)  NOT NULL,
  account_id       VARCHAR(200) NOT NULL,
  sealed_secret    VARCHAR(4000) NOT NULL,
  languages        VARCHAR(100) NOT NULL,
  exercise         BOOLEAN      NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  version          BIGINT       NOT NULL,
  UNIQUE (area_code, platform, account_id)
);
CREATE INDEX channel_area ON channel (area_code);

CREATE TABLE delivery (
  id           BIGINT       NOT NULL PRIMARY KEY,
  alert_id     BIGINT       NOT NULL REFERENCES alert (id),
  channel_id   BIGINT       NOT NULL REFERENCES channel (id),
  area_code    VARCHAR(10)  NOT NULL,
  platform     VARCHAR(20)  NOT NULL,
  stage        INTEGER      NOT NULL,
  status       VARCHAR(20)  NOT NULL,
  external_id  VARCHAR(200),
  attempts     INTEGER      NOT NULL,
  last_error   VARCHAR(2000),
  queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at      TIMESTAMP WITH TIME ZONE,
  version      BIGINT       NOT NULL,
  UNIQUE (alert_id, channel_id)
);
CREATE INDEX delivery_alert ON delivery (alert_id);
