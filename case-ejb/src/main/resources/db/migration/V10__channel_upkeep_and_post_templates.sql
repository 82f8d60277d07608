-- Channels learn to stop when their platform refuses them and to be retired; deliveries stopped
-- by a refused channel wait for it to be fixed; and the texts of posts become templates that
-- administrators edit, one per language and kind of post.

ALTER TABLE channel ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE channel ADD COLUMN problem VARCHAR(2000);
ALTER TABLE channel ADD COLUMN problem_since TIMESTAMP WITH TIME ZONE;

ALTER TABLE delivery ADD COLUMN awaiting_fix BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX delivery_channel_status ON delivery (channel_id, status);

-- One row per language and kind from the start; a row without text means the template Tifli
-- ships (the posts bundles). A language added later comes with a migration of its own rows.
CREATE TABLE post_template (
  id          BIGINT        NOT NULL PRIMARY KEY,
  language    VARCHAR(3)    NOT NULL,
  kind        VARCHAR(20)   NOT NULL,
  template_text VARCHAR(1000),
  updated_at  TIMESTAMP WITH TIME ZONE,
  updated_by  VARCHAR(64),
  version     BIGINT        NOT NULL,
  UNIQUE (language, kind)
);

INSERT INTO post_template (id, language, kind, version) VALUES
  (1, 'ar', 'ALERT', 0),
  (2, 'ar', 'UPDATE', 0),
  (3, 'ar', 'CLOSING_RESOLVED', 0),
  (4, 'ar', 'CLOSING_CANCELLED', 0),
  (5, 'ar', 'CLOSING_EXPIRED', 0),
  (6, 'fr', 'ALERT', 0),
  (7, 'fr', 'UPDATE', 0),
  (8, 'fr', 'CLOSING_RESOLVED', 0),
  (9, 'fr', 'CLOSING_CANCELLED', 0),
  (10, 'fr', 'CLOSING_EXPIRED', 0),
  (11, 'en', 'ALERT', 0),
  (12, 'en', 'UPDATE', 0),
  (13, 'en', 'CLOSING_RESOLVED', 0),
  (14, 'en', 'CLOSING_CANCELLED', 0),
  (15, 'en', 'CLOSING_EXPIRED', 0),
  (16, 'zgh', 'ALERT', 0),
  (17, 'zgh', 'UPDATE', 0),
  (18, 'zgh', 'CLOSING_RESOLVED', 0),
  (19, 'zgh', 'CLOSING_CANCELLED', 0),
  (20, 'zgh', 'CLOSING_EXPIRED', 0);
