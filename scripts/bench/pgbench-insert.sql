-- pgbench custom script for `npm run bench:logging`: one single-row insert into "Entry" per transaction, with a
-- fresh id, for a random member of the seeded bench team (variables from -D prefix=… -D members=…).
\set m random(0, :members - 1)
INSERT INTO "Entry" (id, "teamId", "membershipId", "metricId", day, amount, "createdById", "updatedAt")
VALUES (gen_random_uuid()::text, (:prefix)::text || '_team', (:prefix)::text || '_m' || (:m)::text,
        (:prefix)::text || '_metric_contacts', CURRENT_DATE, 1, (:prefix)::text || '_m' || (:m)::text, now());
