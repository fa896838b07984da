-- What the paying and refunding transactions write for reports (one append-only
-- report_pending row per change), and the aggregator that folds those rows into
-- the rollups in batches. See ../../DESIGN.md.

-- orders: paid_at set, moved or cleared. One row per order per change (two when it moves);
-- when an order starts or stops being paid, its succeeded refunds start or stop counting.
CREATE OR REPLACE FUNCTION report_capture_paid_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.paid_at IS NOT NULL THEN
    INSERT INTO report_pending (kind, order_id, at, sign) VALUES ('s', OLD.id, OLD.paid_at, -1);
  END IF;
  IF NEW.paid_at IS NOT NULL THEN
    INSERT INTO report_pending (kind, order_id, at, sign) VALUES ('s', NEW.id, NEW.paid_at, 1);
  END IF;
  IF (OLD.paid_at IS NULL) <> (NEW.paid_at IS NULL) THEN
    INSERT INTO report_pending (kind, order_id, at, sign, amount_cents)
    SELECT 'r', f.order_id, f.created_at, CASE WHEN NEW.paid_at IS NULL THEN -1 ELSE 1 END, f.amount_cents
      FROM refunds f WHERE f.order_id = NEW.id AND f.status = 'succeeded';
  END IF;
  RETURN NULL;
END $$;

-- refunds: a refund counts while it has succeeded and its order is paid.
CREATE OR REPLACE FUNCTION report_capture_refund() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'succeeded'
     AND EXISTS (SELECT 1 FROM orders o WHERE o.id = OLD.order_id AND o.paid_at IS NOT NULL) THEN
    INSERT INTO report_pending (kind, order_id, at, sign, amount_cents) VALUES ('r', OLD.order_id, OLD.created_at, -1, OLD.amount_cents);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'succeeded'
     AND EXISTS (SELECT 1 FROM orders o WHERE o.id = NEW.order_id AND o.paid_at IS NOT NULL) THEN
    INSERT INTO report_pending (kind, order_id, at, sign, amount_cents) VALUES ('r', NEW.order_id, NEW.created_at, 1, NEW.amount_cents);
  END IF;
  RETURN NULL;
END $$;

-- The aggregator's lock: one batch at a time cluster-wide; a rebuild or a programme change waits for it.
CREATE OR REPLACE FUNCTION report_aggregator_lock() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('farmlink:report-aggregator'))
$$;

-- Applies (and deletes, in the same transaction) up to p_limit pending rows, oldest first (NULL = all).
-- The caller holds the aggregator's lock. A row whose transaction has not committed is not seen and
-- waits for the next batch: deleting what was applied, rather than a watermark, skips nothing.
-- Sums and refunds are signed deltas; distinct counts add the batch's new activity first, then run the
-- removals (paid_at moved or cleared), which look at the orders as they are now.
CREATE OR REPLACE FUNCTION report_drain_locked(p_limit int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  n int;
  s_order uuid[]; s_at timestamptz[]; s_sign int[];
  a_order uuid[]; a_at timestamptz[];
  d_order uuid[]; d_at timestamptz[];
  rp_order uuid[]; rp_amount bigint[]; rp_at timestamptz[];
  rm_order uuid[]; rm_amount bigint[]; rm_at timestamptz[];
BEGIN
  WITH claimed AS (
    DELETE FROM report_pending WHERE id IN (SELECT id FROM report_pending ORDER BY id LIMIT p_limit)
    RETURNING id, kind, order_id, at, sign, amount_cents
  )
  SELECT count(*),
         array_agg(order_id ORDER BY id) FILTER (WHERE kind = 's'), array_agg(at ORDER BY id) FILTER (WHERE kind = 's'),
         array_agg(sign::int ORDER BY id) FILTER (WHERE kind = 's'),
         array_agg(order_id ORDER BY id) FILTER (WHERE kind = 's' AND sign = 1), array_agg(at ORDER BY id) FILTER (WHERE kind = 's' AND sign = 1),
         array_agg(order_id ORDER BY id) FILTER (WHERE kind = 's' AND sign = -1), array_agg(at ORDER BY id) FILTER (WHERE kind = 's' AND sign = -1),
         array_agg(order_id ORDER BY id) FILTER (WHERE kind = 'r' AND sign = 1), array_agg(amount_cents ORDER BY id) FILTER (WHERE kind = 'r' AND sign = 1),
         array_agg(at ORDER BY id) FILTER (WHERE kind = 'r' AND sign = 1),
         array_agg(order_id ORDER BY id) FILTER (WHERE kind = 'r' AND sign = -1), array_agg(amount_cents ORDER BY id) FILTER (WHERE kind = 'r' AND sign = -1),
         array_agg(at ORDER BY id) FILTER (WHERE kind = 'r' AND sign = -1)
    INTO n, s_order, s_at, s_sign, a_order, a_at, d_order, d_at, rp_order, rp_amount, rp_at, rm_order, rm_amount, rm_at
    FROM claimed;
  IF n = 0 THEN
    RETURN 0;
  END IF;
  IF s_order IS NOT NULL THEN
    PERFORM report_apply_sales(s_order, s_at, s_sign);
  END IF;
  IF rp_order IS NOT NULL THEN
    PERFORM report_apply_refunds(rp_order, rp_amount, rp_at, 1);
  END IF;
  IF rm_order IS NOT NULL THEN
    PERFORM report_apply_refunds(rm_order, rm_amount, rm_at, -1);
  END IF;
  IF a_order IS NOT NULL THEN
    PERFORM report_add_paid_orders(a_order, a_at);
  END IF;
  IF d_order IS NOT NULL THEN
    FOR i IN 1 .. array_length(d_order, 1) LOOP
      PERFORM report_remove_paid_order(d_order[i], d_at[i]);
    END LOOP;
  END IF;
  RETURN n;
END $$;

-- One batch of the aggregator, under its lock (what the periodic job and a report's catch-up call).
-- p_wait: wait for a batch another process is running (a report's catch-up), or answer -1 at once
-- (the periodic job: another process is doing it). One statement, one connection, the lock ends with it.
CREATE OR REPLACE FUNCTION report_apply_pending(p_limit int, p_wait boolean) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  IF p_wait THEN
    PERFORM report_aggregator_lock();
  ELSIF NOT pg_try_advisory_xact_lock(hashtext('farmlink:report-aggregator')) THEN
    RETURN -1;
  END IF;
  RETURN report_drain_locked(p_limit);
END $$;

-- Programmes: their counties are a scope. Everything pending is applied first (new pending rows wait
-- for this transaction), then the programme's counters are recounted from the day bits and the orders.
CREATE OR REPLACE FUNCTION report_programme_counties_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT programme_id::text) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT programme_id::text) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x.id) INTO ids FROM (SELECT programme_id::text AS id FROM new_rows UNION SELECT programme_id::text FROM old_rows) x;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM report_aggregator_lock();
  LOCK TABLE report_pending IN EXCLUSIVE MODE;
  PERFORM report_drain_locked(NULL);
  DELETE FROM report_scope_counties WHERE scope = ANY(ids);
  INSERT INTO report_scope_counties (scope, county_code)
  SELECT programme_id::text, county_code FROM programme_counties WHERE programme_id::text = ANY(ids);
  PERFORM report_recount_scopes(ids);
  RETURN NULL;
END $$;

-- Everything again from the raw tables (npm run reports:rebuild; a change of REPORT_TIME_ZONE).
-- Pending rows are dropped: the raw tables already hold what they describe (new ones wait for the commit).
CREATE OR REPLACE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('work_mem', '256MB', true);
  PERFORM report_aggregator_lock();
  LOCK TABLE report_pending IN EXCLUSIVE MODE;
  LOCK TABLE report_sales, report_actor_days, report_distinct_counts, report_scope_counties IN ACCESS EXCLUSIVE MODE;
  DELETE FROM report_pending;
  PERFORM report_refresh_county_map();
  PERFORM report_refresh_scopes();
  TRUNCATE report_sales, report_actor_days, report_distinct_counts;

  INSERT INTO report_sales (grain, period, county_code, category, poverty, gross_cents, units, weight_grams)
  SELECT 'd', (o.paid_at AT TIME ZONE z.tz)::date, l.producer_county_code, l.category, l.producer_poverty_registered,
         sum(l.line_total_cents), sum(l.quantity), sum(l.quantity::bigint * l.net_weight_grams)
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    JOIN report_county_zones() z ON z.county_code = l.producer_county_code
   WHERE o.paid_at IS NOT NULL
   GROUP BY 2, 3, 4, 5;
  INSERT INTO report_sales (grain, period, county_code, category, poverty, gross_cents, units, weight_grams)
  SELECT g.grain, date_trunc(CASE g.grain WHEN 'm' THEN 'month' ELSE 'year' END, d.period)::date, d.county_code, d.category, d.poverty,
         sum(d.gross_cents), sum(d.units), sum(d.weight_grams)
    FROM report_sales d CROSS JOIN (VALUES ('m'::"char"), ('y'::"char")) g(grain)
   WHERE d.grain = 'd'
   GROUP BY 1, 2, 3, 4, 5;
  PERFORM report_apply_refunds(array_agg(f.order_id ORDER BY f.id), array_agg(f.amount_cents ORDER BY f.id), array_agg(f.created_at ORDER BY f.id), 1)
     FROM refunds f JOIN orders o ON o.id = f.order_id
    WHERE f.status = 'succeeded' AND o.paid_at IS NOT NULL
   HAVING count(*) > 0;

  INSERT INTO report_actor_days (kind, actor_id, year, county_code, category, days)
  SELECT x.kind, x.actor_id, extract(year FROM x.day), x.county_code, x.category, bit_or(report_day_bit(x.day))
    FROM (SELECT DISTINCT a.kind, a.actor_id, (o.paid_at AT TIME ZONE z.tz)::date AS day, l.producer_county_code AS county_code, l.category
            FROM orders o
            JOIN order_lines l ON l.order_id = o.id
            JOIN report_county_zones() z ON z.county_code = l.producer_county_code
            CROSS JOIN LATERAL (VALUES ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                                       ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) AS a(kind, actor_id)
           WHERE o.paid_at IS NOT NULL AND a.actor_id IS NOT NULL) x
   GROUP BY 1, 2, 3, 4, 5;

  PERFORM report_recount_scopes(NULL);
  ANALYZE report_sales;
  ANALYZE report_actor_days;
  ANALYZE report_distinct_counts;
  ANALYZE report_scope_counties;
END $$;
