-- The alert's life after approval: widening progress, a supervisor's hold, its lifetime, and how
-- it ended.

ALTER TABLE alert ADD COLUMN stages_done INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE alert ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alert ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert ADD COLUMN ended_by VARCHAR(64);
ALTER TABLE alert ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert ADD COLUMN end_reason VARCHAR(4000);
CREATE INDEX alert_status ON alert (status);
