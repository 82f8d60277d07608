-- The audit trail: one row per change of a case, an alert, a sighting, a channel or an account.
-- Rows are only ever inserted (on PostgreSQL a trigger, in db/vendor/postgresql, enforces it).

CREATE SEQUENCE audit_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
  id            BIGINT        NOT NULL PRIMARY KEY,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  actor         VARCHAR(64)   NOT NULL,
  actor_kind    VARCHAR(10)   NOT NULL,
  origin        VARCHAR(100)  NOT NULL,
  subject_type  VARCHAR(20)   NOT NULL,
  subject_id    BIGINT        NOT NULL,
  case_id       BIGINT,
  action        VARCHAR(40)   NOT NULL,
  changes       VARCHAR(16000) NOT NULL
);
CREATE INDEX audit_entry_case ON audit_entry (case_id, occurred_at);
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, occurred_at);
