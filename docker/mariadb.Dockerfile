# The database of the stack: MariaDB 10.11 (what development and the tests run, scripts/infra.sh) with the
# Mroonga storage engine, which the case keyword search needs (bigram full-text index, migration
# 1765600000000). The official image ships MariaDB from MariaDB's own apt repository; its Mroonga package
# comes from the same repository and version.
FROM mariadb:10.11
RUN apt-get update \
  && apt-get install -y --no-install-recommends mariadb-plugin-mroonga \
  && rm -rf /var/lib/apt/lists/*
# The keyword search runs Groonga selects through Mroonga's mroonga_command function (migration
# 1765600100000); only the root can create it, so the image's first-run initialisation does.
RUN echo "CREATE FUNCTION IF NOT EXISTS mroonga_command RETURNS STRING SONAME 'ha_mroonga.so';" \
  > /docker-entrypoint-initdb.d/10-mroonga-command.sql
