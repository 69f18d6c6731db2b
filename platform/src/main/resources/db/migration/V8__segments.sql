-- segment: named rules over contacts (the rule tree as compact JSON text); immutable once created.
-- One script for H2 (MODE=MySQL) and MySQL 8.4 / MariaDB 10.11.
CREATE TABLE segment (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  name          VARCHAR(100)   NOT NULL,
  description   VARCHAR(1000),
  rule_json     VARCHAR(10000) NOT NULL,
  created_at    DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_segment_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
