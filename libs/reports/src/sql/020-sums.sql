-- The additive sums (report_sales: gross, refunds, units, grams per day, month
-- and year x county x category x poverty flag). Applied by the aggregator only.

-- A refund's share of each line of its order: proportional to the line
-- totals, largest remainder first, ties to the lower position (as
-- allocateProportionally in @farmlink/shared). Several refunds at once.
-- An order's shipping (orders.shipping_cents) takes its share too, as a last
-- pseudo-line that is then left out: reports count goods only, so a refund of
-- goods and shipping never takes more than the goods from the report.
-- (Region codes are text since markets, 1780000000090: the old char(6) result type is dropped first.)
DROP FUNCTION IF EXISTS report_refund_shares(uuid[], bigint[], timestamptz[]);
CREATE OR REPLACE FUNCTION report_refund_shares(p_order uuid[], p_amount bigint[], p_at timestamptz[])
RETURNS TABLE (day date, county_code text, category text, poverty boolean, share bigint)
LANGUAGE sql STABLE AS $$
  WITH r AS (
    SELECT row_number() OVER () AS rid, x.order_id, x.amount::numeric AS amount, x.at
      FROM unnest(p_order, p_amount, p_at) AS x(order_id, amount, at)
  ), l AS (
    SELECT r.rid, r.amount, r.at, l.position, l.producer_county_code, l.category, l.producer_poverty_registered,
           l.line_total_cents::numeric AS w,
           sum(l.line_total_cents::numeric) OVER (PARTITION BY r.rid) AS total,
           row_number() OVER (PARTITION BY r.rid ORDER BY l.position) AS rn
      FROM r JOIN (
             SELECT order_id, position, producer_county_code, category, producer_poverty_registered, line_total_cents FROM order_lines
             UNION ALL
             SELECT id, 2147483647, NULL, NULL, NULL, shipping_cents FROM orders WHERE shipping_cents > 0
           ) l ON l.order_id = r.order_id
  ), f AS (
    SELECT l.*,
           CASE WHEN total > 0 THEN div(amount * w, total) WHEN rn = 1 THEN amount ELSE 0 END AS fl,
           CASE WHEN total > 0 THEN mod(amount * w, total) ELSE 0 END AS rem
      FROM l
  ), g AS (
    SELECT f.*, amount - sum(fl) OVER (PARTITION BY rid) AS lft,
           row_number() OVER (PARTITION BY rid ORDER BY rem DESC, position) AS rk
      FROM f
  )
  SELECT (at AT TIME ZONE z.tz)::date, producer_county_code, category, producer_poverty_registered,
         (fl + CASE WHEN rk <= lft THEN 1 ELSE 0 END)::bigint
    FROM g JOIN report_county_zones() z ON z.county_code = g.producer_county_code
$$;

-- Adds (p_sign 1) or takes away (-1) refunds, at their dates, in every grain.
CREATE OR REPLACE FUNCTION report_apply_refunds(p_order uuid[], p_amount bigint[], p_at timestamptz[], p_sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_sales AS d (grain, period, county_code, category, poverty, refunds_cents)
  SELECT g.grain, g.period, s.county_code, s.category, s.poverty, p_sign * sum(s.share)
    FROM report_refund_shares(p_order, p_amount, p_at) s CROSS JOIN LATERAL report_grains(s.day) g
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, county_code, category, poverty)
    DO UPDATE SET refunds_cents = d.refunds_cents + EXCLUDED.refunds_cents
$$;

-- Adds (sign 1) or takes away (-1) orders' lines as sales of the day they were (or stopped being) paid on,
-- in every grain: one upsert, rows sorted by key, each row once per batch however many orders feed it.
-- The lines are the order's snapshot and never change once it is paid; the instant is the one captured
-- in report_pending, not the order's paid_at now. (The zone is read once per statement: report_local_day()
-- per row was most of a batch's time.)
CREATE OR REPLACE FUNCTION report_apply_sales(p_orders uuid[], p_at timestamptz[], p_sign int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_sales AS d (grain, period, county_code, category, poverty, gross_cents, units, weight_grams)
  SELECT g.grain, g.period, s.county_code, s.category, s.poverty, sum(s.gross), sum(s.units), sum(s.grams)
    FROM (SELECT (x.at AT TIME ZONE z.tz)::date AS day, l.producer_county_code AS county_code, l.category,
                 l.producer_poverty_registered AS poverty, x.sign * l.line_total_cents AS gross, x.sign * l.quantity AS units,
                 x.sign * l.quantity::bigint * l.net_weight_grams AS grams
            FROM unnest(p_orders, p_at, p_sign) x(order_id, at, sign) JOIN order_lines l ON l.order_id = x.order_id
            JOIN report_county_zones() z ON z.county_code = l.producer_county_code) s
    CROSS JOIN LATERAL report_grains(s.day) g
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, county_code, category, poverty) DO UPDATE
    SET gross_cents = d.gross_cents + EXCLUDED.gross_cents,
        units = d.units + EXCLUDED.units,
        weight_grams = d.weight_grams + EXCLUDED.weight_grams
$$;
