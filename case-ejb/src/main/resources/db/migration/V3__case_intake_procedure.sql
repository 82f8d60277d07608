-- The whole intake procedure: how the child looks, who saw them last, what helps locate them,
-- the guardians who reported it, the reporting unit; and how the case ended.

ALTER TABLE missing_child_case ADD COLUMN height_cm INTEGER;
ALTER TABLE missing_child_case ADD COLUMN build VARCHAR(100);
ALTER TABLE missing_child_case ADD COLUMN hair VARCHAR(100);
ALTER TABLE missing_child_case ADD COLUMN eyes VARCHAR(100);
ALTER TABLE missing_child_case ADD COLUMN distinguishing_marks VARCHAR(1000);
ALTER TABLE missing_child_case ADD COLUMN clothing VARCHAR(1000);
ALTER TABLE missing_child_case ADD COLUMN languages VARCHAR(200);
ALTER TABLE missing_child_case ADD COLUMN medical_needs VARCHAR(1000);
ALTER TABLE missing_child_case ADD COLUMN last_seen_by VARCHAR(200);
ALTER TABLE missing_child_case ADD COLUMN suspected_abduction BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE missing_child_case ADD COLUMN suspect VARCHAR(4000);
ALTER TABLE missing_child_case ADD COLUMN vehicle_description VARCHAR(500);
ALTER TABLE missing_child_case ADD COLUMN vehicle_plate VARCHAR(20);
ALTER TABLE missing_child_case ADD COLUMN personal_problems VARCHAR(4000);
ALTER TABLE missing_child_case ADD COLUMN friends_and_contacts VARCHAR(4000);
ALTER TABLE missing_child_case ADD COLUMN reporting_unit VARCHAR(200);
ALTER TABLE missing_child_case ADD COLUMN outcome VARCHAR(20);
ALTER TABLE missing_child_case ADD COLUMN resolution_note VARCHAR(4000);
ALTER TABLE missing_child_case ADD COLUMN resolved_by VARCHAR(64);
ALTER TABLE missing_child_case ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX missing_child_case_areas ON missing_child_case (province_code, region_code);

CREATE TABLE case_hobby (
  case_id   BIGINT       NOT NULL REFERENCES missing_child_case (id),
  position  INTEGER      NOT NULL,
  hobby     VARCHAR(200) NOT NULL,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE case_likely_place (
  case_id      BIGINT       NOT NULL REFERENCES missing_child_case (id),
  position     INTEGER      NOT NULL,
  description  VARCHAR(500) NOT NULL,
  latitude     DOUBLE PRECISION,
  longitude    DOUBLE PRECISION,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE case_guardian (
  case_id   BIGINT       NOT NULL REFERENCES missing_child_case (id),
  position  INTEGER      NOT NULL,
  name      VARCHAR(200) NOT NULL,
  relation  VARCHAR(50),
  phone     VARCHAR(30),
  PRIMARY KEY (case_id, position)
);
