-- Exact distinct counts (orders, buyers, sellers, producers, poor households)
-- per calendar month and year x scope x category, kept from per-id day bits.
-- Written by the aggregator only (one at a time, under its advisory lock), so
-- no locks per id are needed and every counter is one row (shard 0).

-- Distinct (kind, id, local day, county, category) that orders paid at the given instants contribute;
-- kind o = the order itself. Buyer and seller never change; the lines are the order's snapshot.
-- (Region codes are text since markets, 1780000000090: the old char(6) result type is dropped first.)
DROP FUNCTION IF EXISTS report_order_activity(uuid[], timestamptz[]);
CREATE OR REPLACE FUNCTION report_order_activity(p_orders uuid[], p_at timestamptz[])
RETURNS TABLE (kind "char", actor_id uuid, day date, county_code text, category text) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT a.kind, a.actor_id, (x.at AT TIME ZONE z.tz)::date, l.producer_county_code, l.category
    FROM unnest(p_orders, p_at) x(order_id, at)
    JOIN orders o ON o.id = x.order_id
    JOIN order_lines l ON l.order_id = o.id
    JOIN report_county_zones() z ON z.county_code = l.producer_county_code
    CROSS JOIN LATERAL (VALUES ('o'::"char", o.id), ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                               ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) AS a(kind, actor_id)
   WHERE a.actor_id IS NOT NULL
$$;

-- Every (period, scope, category) key in which ids are active, from their day bits.
CREATE OR REPLACE FUNCTION report_actor_keys(p_kind "char"[], p_id uuid[], p_year smallint[])
RETURNS TABLE (kind "char", actor_id uuid, grain "char", period date, scope text, category text) LANGUAGE sql STABLE AS $$
  WITH a AS (SELECT DISTINCT x.kind, x.id, x.year FROM unnest(p_kind, p_id, p_year) x(kind, id, year)),
  r AS (
    SELECT m.kind, m.actor_id, m.year, s.scope, c.category, bit_or(m.days) AS days
      FROM a JOIN report_actor_days m ON m.kind = a.kind AND m.actor_id = a.id AND m.year = a.year
      JOIN report_scope_counties s ON s.county_code = m.county_code
      CROSS JOIN LATERAL (VALUES (m.category), ('*')) c(category)
     GROUP BY 1, 2, 3, 4, 5)
  SELECT r.kind, r.actor_id, p.grain, p.period, r.scope, r.category FROM r CROSS JOIN LATERAL report_active_periods(r.year, r.days) p
$$;

-- Adds signed key counts to the counters, sorted by key (shard 0: one writer, the aggregator).
CREATE OR REPLACE FUNCTION report_add_counts(p_grain "char"[], p_period date[], p_scope text[], p_category text[], p_kind "char"[], p_n bigint[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_distinct_counts AS d (grain, period, scope, category, kind, shard, n)
  SELECT x.grain, x.period, x.scope, x.category, x.kind, 0::smallint, sum(x.n)
    FROM unnest(p_grain, p_period, p_scope, p_category, p_kind, p_n) x(grain, period, scope, category, kind, n)
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.n) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, scope, category, kind, shard) DO UPDATE SET n = d.n + EXCLUDED.n
$$;

-- Orders that became paid at the given instants (one batch): their keys that are new, and their day bits.
CREATE OR REPLACE FUNCTION report_add_paid_orders(p_orders uuid[], p_at timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  -- What these orders add that is new in its county, category and month: (kind, id, local day, county, category).
  -- An id already active there has every key this activity could add (each scope holding the county,
  -- that category and all, the month and the year): a farmer's second sale of the month adds no key.
  ak "char"[];
  ai uuid[];
  ad date[];
  ac text[];
  acat text[];
  -- All the activity of the batch (ids only), computed once.
  xk "char"[];
  xi uuid[];
  xd date[];
  xc text[];
  xcat text[];
BEGIN
  -- Orders count once per event (an order paid, unpaid and paid again in one batch counts twice here
  -- and is taken away once by its removal).
  PERFORM report_add_counts(array_agg(o.grain), array_agg(o.period), array_agg(o.scope), array_agg(o.category), array_agg('o'::"char"), array_agg(o.n))
     FROM (SELECT e.grain, e.period, e.scope, e.category, count(*) AS n
             FROM (SELECT DISTINCT x.idx, g.grain, g.period, s.scope, c.category
                     FROM unnest(p_orders, p_at) WITH ORDINALITY x(order_id, at, idx)
                     JOIN order_lines l ON l.order_id = x.order_id
                     JOIN report_county_zones() z ON z.county_code = l.producer_county_code
                     JOIN report_scope_counties s ON s.county_code = l.producer_county_code
                     CROSS JOIN LATERAL (VALUES (l.category), ('*')) c(category)
                     CROSS JOIN LATERAL report_grains((x.at AT TIME ZONE z.tz)::date) g
                    WHERE g.grain <> 'd') e
            GROUP BY 1, 2, 3, 4) o
    HAVING count(*) > 0;

  SELECT array_agg(a.kind), array_agg(a.actor_id), array_agg(a.day), array_agg(a.county_code), array_agg(a.category)
    INTO xk, xi, xd, xc, xcat
    FROM report_order_activity(p_orders, p_at) a
   WHERE a.kind <> 'o';
  IF xk IS NULL THEN
    RETURN;
  END IF;

  SELECT array_agg(a.kind), array_agg(a.actor_id), array_agg(a.day), array_agg(a.county_code), array_agg(a.category)
    INTO ak, ai, ad, ac, acat
    FROM unnest(xk, xi, xd, xc, xcat) a(kind, actor_id, day, county_code, category)
   WHERE NOT EXISTS (
           SELECT 1 FROM report_actor_days m
            WHERE m.kind = a.kind AND m.actor_id = a.actor_id AND m.year = extract(year FROM a.day)::smallint
              AND m.county_code = a.county_code AND m.category = a.category
              AND report_active_in(m.days, 'm', date_trunc('month', a.day)::date));

  -- Counters: a key counts when no day bits said the id was active there already (DISTINCT: once per batch).
  IF ak IS NOT NULL THEN
    PERFORM report_add_counts(array_agg(f.grain), array_agg(f.period), array_agg(f.scope), array_agg(f.category), array_agg(f.kind), array_agg(1::bigint))
      FROM (
        SELECT DISTINCT a.kind, a.actor_id, g.grain, g.period, s.scope, c.category
          FROM unnest(ak, ai, ad, ac, acat) a(kind, actor_id, day, county_code, category)
          JOIN report_scope_counties s ON s.county_code = a.county_code
          CROSS JOIN LATERAL (VALUES (a.category), ('*')) c(category)
          CROSS JOIN LATERAL report_grains(a.day) g
         WHERE g.grain <> 'd'
      ) f
     WHERE NOT EXISTS (
             SELECT 1 FROM report_actor_days m JOIN report_scope_counties s2 ON s2.county_code = m.county_code AND s2.scope = f.scope
              WHERE m.kind = f.kind AND m.actor_id = f.actor_id AND m.year = extract(year FROM f.period)::smallint
                AND (f.category = '*' OR m.category = f.category)
                AND report_active_in(m.days, f.grain, f.period))
    HAVING count(*) > 0;
  END IF;

  -- The day bits, of all the activity (an id active earlier in the month still gets today's bit);
  -- a bit already set is not written again.
  INSERT INTO report_actor_days AS m (kind, actor_id, year, county_code, category, days)
  SELECT a.kind, a.actor_id, extract(year FROM a.day), a.county_code, a.category, bit_or(report_day_bit(a.day))
    FROM unnest(xk, xi, xd, xc, xcat) a(kind, actor_id, day, county_code, category)
   WHERE NOT EXISTS (
           SELECT 1 FROM report_actor_days x
            WHERE x.kind = a.kind AND x.actor_id = a.actor_id AND x.year = extract(year FROM a.day)::smallint
              AND x.county_code = a.county_code AND x.category = a.category
              AND bit_count(x.days & report_day_bit(a.day)) > 0)
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (kind, actor_id, year, county_code, category) DO UPDATE SET days = m.days | EXCLUDED.days
    WHERE m.days | EXCLUDED.days <> m.days;
END $$;

-- An order stopped being paid at p_old_at (its paid_at moved or was cleared): the rare path.
-- Its ids' keys are taken away, their bit of the old day is cleared where no paid order (as the
-- orders are now) still makes the id active that day, and their keys are added again from the bits.
-- Run after the batch's additions, it converges on the truth whatever else is still pending.
CREATE OR REPLACE FUNCTION report_remove_paid_order(p_order uuid, p_old_at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  -- The order's market's zone: every order that can share its ids' county keys is in that market.
  zone text := report_order_zone(p_order);
  old_day date := (p_old_at AT TIME ZONE zone)::date;
  k "char"[];
  i uuid[];
  y smallint[];
BEGIN
  SELECT array_agg(x.kind), array_agg(x.id), array_agg(x.year) INTO k, i, y
    FROM (SELECT DISTINCT a.kind, a.id, extract(year FROM old_day)::smallint AS year
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            CROSS JOIN LATERAL (VALUES ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                                       ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) a(kind, id)
           WHERE o.id = p_order AND a.id IS NOT NULL) x;

  PERFORM report_add_counts(array_agg(b.grain), array_agg(b.period), array_agg(b.scope), array_agg(b.category), array_agg(b.kind), array_agg(-1::bigint))
     FROM report_actor_keys(k, i, y) b HAVING count(*) > 0;

  UPDATE report_actor_days m SET days = m.days & ~report_day_bit(old_day)
    FROM (SELECT DISTINCT a.kind, a.id, l.producer_county_code AS county_code, l.category
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            CROSS JOIN LATERAL (VALUES ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                                       ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) a(kind, id)
           WHERE o.id = p_order AND a.id IS NOT NULL) x
   WHERE m.kind = x.kind AND m.actor_id = x.id AND m.year = extract(year FROM old_day)::smallint
     AND m.county_code = x.county_code AND m.category = x.category
     AND NOT EXISTS (
       SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.paid_at >= (old_day::timestamp AT TIME ZONE zone) AND o.paid_at < ((old_day + 1)::timestamp AT TIME ZONE zone)
          AND l.producer_county_code = x.county_code AND l.category = x.category
          AND x.id = CASE x.kind WHEN 'b' THEN o.buyer_id WHEN 's' THEN o.seller_id WHEN 'p' THEN l.producer_id
                                 ELSE CASE WHEN l.producer_poverty_registered THEN l.producer_id END END);
  DELETE FROM report_actor_days m
   USING unnest(k, i, y) x(kind, id, year)
   WHERE m.kind = x.kind AND m.actor_id = x.id AND m.year = x.year AND bit_count(m.days) = 0;

  PERFORM report_add_counts(array_agg(b.grain), array_agg(b.period), array_agg(b.scope), array_agg(b.category), array_agg(b.kind), array_agg(1::bigint))
     FROM report_actor_keys(k, i, y) b HAVING count(*) > 0;

  -- The order itself: counted once in its old period, no longer.
  PERFORM report_add_counts(array_agg(o.grain), array_agg(o.period), array_agg(o.scope), array_agg(o.category), array_agg('o'::"char"), array_agg(-1::bigint))
     FROM (SELECT DISTINCT g.grain, g.period, s.scope, c.category
             FROM order_lines l
             JOIN report_scope_counties s ON s.county_code = l.producer_county_code
             CROSS JOIN LATERAL (VALUES (l.category), ('*')) c(category)
             CROSS JOIN LATERAL report_grains(old_day) g
            WHERE l.order_id = p_order AND g.grain <> 'd') o
    HAVING count(*) > 0;
END $$;

-- Counters recomputed for some scopes (NULL = all) from the day bits and the paid orders.
-- Callers hold the aggregator's lock and have applied every pending change (report_drain_locked).
CREATE OR REPLACE FUNCTION report_recount_scopes(p_scopes text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
BEGIN
  PERFORM set_config('work_mem', '256MB', true); -- hash aggregates over millions of ids, not sorts on disk
  DELETE FROM report_distinct_counts WHERE p_scopes IS NULL OR scope = ANY(p_scopes);

  -- Ids: per scope and category, an id counts in the year and in each month of its month bits.
  WITH r AS (
    SELECT a.kind, a.year, s.scope, c.category, bit_or(a.months) AS months
      FROM (SELECT kind, actor_id, year, county_code, category, report_month_bits(days, year) AS months FROM report_actor_days) a
      JOIN report_scope_counties s ON s.county_code = a.county_code AND (p_scopes IS NULL OR s.scope = ANY(p_scopes))
      CROSS JOIN LATERAL (VALUES (a.category), ('*')) c(category)
     GROUP BY a.kind, a.actor_id, a.year, s.scope, c.category
  ), t AS (
    SELECT kind, year, scope, category, count(*) AS n,
           ARRAY[count(*) FILTER (WHERE months & 1 <> 0), count(*) FILTER (WHERE months & 2 <> 0), count(*) FILTER (WHERE months & 4 <> 0),
                 count(*) FILTER (WHERE months & 8 <> 0), count(*) FILTER (WHERE months & 16 <> 0), count(*) FILTER (WHERE months & 32 <> 0),
                 count(*) FILTER (WHERE months & 64 <> 0), count(*) FILTER (WHERE months & 128 <> 0), count(*) FILTER (WHERE months & 256 <> 0),
                 count(*) FILTER (WHERE months & 512 <> 0), count(*) FILTER (WHERE months & 1024 <> 0), count(*) FILTER (WHERE months & 2048 <> 0)] AS by_month
      FROM r WHERE months <> 0 GROUP BY 1, 2, 3, 4
  )
  INSERT INTO report_distinct_counts (grain, period, scope, category, kind, shard, n)
  SELECT 'y', make_date(year, 1, 1), scope, category, kind, 0, n FROM t
  UNION ALL
  SELECT 'm', make_date(t.year, i, 1), t.scope, t.category, t.kind, 0, t.by_month[i] FROM t CROSS JOIN generate_series(1, 12) i WHERE t.by_month[i] > 0;

  -- Orders: each is paid on one day, so count it per month; a year is the sum of its months.
  WITH x AS (
    SELECT DISTINCT o.id, date_trunc('month', o.paid_at AT TIME ZONE z.tz)::date AS month, l.producer_county_code AS county_code, l.category
      FROM orders o JOIN order_lines l ON l.order_id = o.id
      JOIN report_county_zones() z ON z.county_code = l.producer_county_code
     WHERE o.paid_at IS NOT NULL
       AND (p_scopes IS NULL OR l.producer_county_code IN (SELECT county_code FROM report_scope_counties WHERE scope = ANY(p_scopes)))
  ), k AS (
    SELECT DISTINCT x.id, x.month, s.scope, c.category
      FROM x JOIN report_scope_counties s ON s.county_code = x.county_code AND (p_scopes IS NULL OR s.scope = ANY(p_scopes))
      CROSS JOIN LATERAL (VALUES (x.category), ('*')) c(category)
  ), months AS (
    SELECT month, scope, category, count(*) AS n FROM k GROUP BY 1, 2, 3
  )
  INSERT INTO report_distinct_counts (grain, period, scope, category, kind, shard, n)
  SELECT 'm', month, scope, category, 'o', 0, n FROM months
  UNION ALL
  SELECT 'y', date_trunc('year', month)::date, scope, category, 'o', 0, sum(n) FROM months GROUP BY 2, 3, 4;
END $$;

-- Folds any shard rows (written by migrations before 1780000000064) into shard 0.
CREATE OR REPLACE FUNCTION report_compact_counters() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  folded bigint;
BEGIN
  PERFORM 1 FROM report_distinct_counts WHERE shard <> 0 ORDER BY grain, period, scope, category, kind, shard FOR UPDATE;
  WITH moved AS (
    DELETE FROM report_distinct_counts WHERE shard <> 0 RETURNING grain, period, scope, category, kind, n
  ), folded AS (
    INSERT INTO report_distinct_counts AS d (grain, period, scope, category, kind, shard, n)
    SELECT grain, period, scope, category, kind, 0, sum(n) FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (grain, period, scope, category, kind, shard) DO UPDATE SET n = d.n + EXCLUDED.n
    RETURNING 1
  )
  SELECT count(*) INTO folded FROM folded;
  RETURN folded;
END $$;
