-- Sightings the public reports from an active alert's page, placed in their province and region,
-- and the officer's triage of each. The reporter's contact is personal data: never published.

CREATE SEQUENCE sighting_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sighting (
  id              BIGINT        NOT NULL PRIMARY KEY,
  alert_id        BIGINT        NOT NULL REFERENCES alert (id),
  seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  latitude        DOUBLE PRECISION NOT NULL,
  longitude       DOUBLE PRECISION NOT NULL,
  description     VARCHAR(2000) NOT NULL,
  contact         VARCHAR(200),
  province_code   VARCHAR(10)   NOT NULL,
  region_code     VARCHAR(10)   NOT NULL,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  client_address  VARCHAR(100)  NOT NULL,
  status          VARCHAR(20)   NOT NULL,
  triaged_by      VARCHAR(64),
  triaged_at      TIMESTAMP WITH TIME ZONE,
  triage_note     VARCHAR(2000),
  version         BIGINT        NOT NULL
);
CREATE INDEX sighting_alert ON sighting (alert_id, received_at);
