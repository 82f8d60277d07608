-- Accounts managed by administrators over the API. Each account gets a number, under which the
-- audit trail files its changes; the username stays the primary key and never changes.

ALTER TABLE user_account ADD COLUMN id BIGINT;

-- Until now only the start-up seeding made accounts (the three demo accounts, or the first
-- administrator of a production installation). They are numbered 1, 2, 3 in the order of their
-- names, below the first block the sequence hands out (51 to 100, see V1 on blocks of 50).
UPDATE user_account SET id = (
  SELECT COUNT(*) FROM user_account other WHERE other.username <= user_account.username);

ALTER TABLE user_account ALTER COLUMN id SET NOT NULL;
ALTER TABLE user_account ADD CONSTRAINT user_account_id UNIQUE (id);
CREATE SEQUENCE account_id_seq START WITH 100 INCREMENT BY 50;
