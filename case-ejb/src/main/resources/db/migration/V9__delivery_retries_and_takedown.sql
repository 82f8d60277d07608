-- The ledger learns to retry on its own schedule (honouring what the platform asks), to tell a try
-- whose outcome is unknown after a crash, to flag posts that may have gone out twice, and to take
-- posts down: closing messages and retractions are deliveries too, a retraction naming its post.

ALTER TABLE delivery ADD COLUMN in_flight_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN look_first BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE delivery ADD COLUMN possible_duplicate BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE delivery ADD COLUMN target_id BIGINT REFERENCES delivery (id);
CREATE INDEX delivery_retry ON delivery (status, next_attempt_at);
