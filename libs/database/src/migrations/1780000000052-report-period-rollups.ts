import { MigrationInterface, QueryRunner } from 'typeorm';
import { Reports1780000000050 } from './1780000000050-reports';
import { ReportRollupsStatementTrigger1780000000051 } from './1780000000051-report-rollups-statement-trigger';

/**
 * Reports whose cost does not grow with the order lines.
 *
 * 1780000000050 kept one sums row per (day, county, category, poverty flag)
 * and one distinct-id row per (day, county, category, kind, id). A year's
 * report read a year of both, and the second grew with the lines (~3.9 rows
 * per line): 2.7 s at 1 M lines, slower than a plain GROUP BY. This migration
 * replaces them with:
 *
 * - report_sales: the same sums at three grains — day ('d'), month ('m') and
 *   year ('y'). A range is read as whole years + whole months + the days at
 *   its edges, so a year is one row per county × category × poverty flag.
 *
 * - report_distinct_counts: the distinct counts themselves (orders, buyers,
 *   sellers, producers, poor households) per calendar month and year, per
 *   scope (a county, prefecture, province, programme or '*' = everywhere) and
 *   category ('*' = all). Kept in the paying transaction: an id adds 1 to a
 *   (period, scope, category) the first time it is active there. Rows are
 *   split in shards by backend so that busy counters (everywhere, this month)
 *   are not one hot row; readers sum the shards.
 *
 * - report_actor_days: what "the first time" is judged by — per id, local
 *   year, county and category, a bit(366) of the days it was active. Rows grow
 *   with distinct (id, county, category, year), not with lines, and they also
 *   answer, exactly, the ranges the counters cannot (not a whole month or year,
 *   or a set of counties that is no scope: see ReportRepository).
 *
 * - report_scope_counties: which counties make up each scope (regions from
 *   report_county_map, programmes from programme_counties, kept by trigger).
 *
 * Concurrency: the counters are exact because every transaction that changes
 * an id's activity first takes a transaction advisory lock on that id (class
 * 8320), in sorted order, and sums rows are upserted sorted by key.
 *
 * The rare paths — paid_at moved or cleared on a paid order, a programme's
 * counties changed — recount what they touch from report_actor_days.
 * `report_rebuild()` recomputes everything from orders, order lines and refunds.
 */
/** SQL: the month bits of `days` for a leap or common year — 12 substring tests, each month's days by day of year. */
function monthBitsSql(leap: boolean): string {
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let start = 1;
  const terms = lengths.map((len, i) => {
    const term = `(CASE WHEN bit_count(substring(days FROM ${start} FOR ${len})) > 0 THEN ${1 << i} ELSE 0 END)`;
    start += len;
    return term;
  });
  return `(${terms.join(' + ')})`;
}

export class ReportPeriodRollups1780000000052 implements MigrationInterface {
  name = 'ReportPeriodRollups1780000000052';

  async up(q: QueryRunner): Promise<void> {
    // ---- out with the per-day id rollup ----
    await q.query(`DROP TRIGGER report_orders_became_paid ON orders`);
    await q.query(`DROP FUNCTION report_orders_became_paid()`);
    await q.query(`DROP TRIGGER report_orders_paid_at ON orders`);
    await q.query(`DROP FUNCTION report_orders_paid_at_changed()`);
    await q.query(`DROP FUNCTION report_rebuild()`);
    await q.query(`DROP VIEW report_line_actors`);
    await q.query(`DROP FUNCTION report_apply_sale(uuid, timestamptz, int)`);
    await q.query(`DROP TABLE report_sales_actors`);
    await q.query(`DROP TABLE report_sales_daily`);

    // ---- tables ----
    await q.query(`
      CREATE TABLE report_sales (
        grain         "char" NOT NULL CHECK (grain IN ('d', 'm', 'y')),
        period        date NOT NULL,
        county_code   char(6) NOT NULL,
        category      text NOT NULL,
        poverty       boolean NOT NULL,
        gross_cents   bigint NOT NULL DEFAULT 0,
        refunds_cents bigint NOT NULL DEFAULT 0,
        units         bigint NOT NULL DEFAULT 0,
        weight_grams  bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (grain, period, county_code, category, poverty)
      )`);
    await q.query(`
      CREATE TABLE report_scope_counties (
        scope       text NOT NULL,
        county_code char(6) NOT NULL,
        PRIMARY KEY (scope, county_code)
      )`);
    await q.query(`CREATE INDEX report_scope_counties_county_idx ON report_scope_counties (county_code, scope)`);
    await q.query(`
      CREATE TABLE report_actor_days (
        kind        "char" NOT NULL CHECK (kind IN ('b', 's', 'p', 'h')),
        actor_id    uuid NOT NULL,
        year        smallint NOT NULL,
        county_code char(6) NOT NULL,
        category    text NOT NULL,
        days        bit(366) NOT NULL,
        PRIMARY KEY (kind, actor_id, year, county_code, category)
      )`);
    await q.query(`
      CREATE TABLE report_distinct_counts (
        grain    "char" NOT NULL CHECK (grain IN ('m', 'y')),
        period   date NOT NULL,
        scope    text NOT NULL,
        category text NOT NULL,
        kind     "char" NOT NULL CHECK (kind IN ('o', 'b', 's', 'p', 'h')),
        shard    smallint NOT NULL,
        n        bigint NOT NULL,
        PRIMARY KEY (grain, period, scope, category, kind, shard)
      )`);

    // ---- small pure helpers ----
    await q.query(`
      CREATE FUNCTION report_grains(day date) RETURNS TABLE (grain "char", period date) LANGUAGE sql IMMUTABLE AS $$
        VALUES ('d'::"char", day), ('m', date_trunc('month', day)::date), ('y', date_trunc('year', day)::date)
      $$`);
    await q.query(`
      CREATE FUNCTION report_day_bit(day date) RETURNS bit(366) LANGUAGE sql IMMUTABLE AS $$
        SELECT B'1'::bit(366) >> (extract(doy FROM day)::int - 1)
      $$`);
    // The calendar periods (year, and each month) in which a year's day bits have any day.
    await q.query(`
      CREATE FUNCTION report_active_periods(year int, days bit(366)) RETURNS TABLE (grain "char", period date) LANGUAGE sql IMMUTABLE AS $$
        SELECT 'y'::"char", make_date(year, 1, 1) WHERE bit_count(days) > 0
        UNION ALL
        SELECT 'm'::"char", m.first
          FROM (SELECT make_date(year, i, 1) AS first FROM generate_series(1, 12) i) m
         WHERE bit_count(substring(days FROM extract(doy FROM m.first)::int
                                        FOR extract(day FROM m.first + interval '1 month' - interval '1 day')::int)) > 0
      $$`);
    // Whether day bits have any day within one calendar period (of their year).
    await q.query(`
      CREATE FUNCTION report_active_in(days bit(366), grain "char", period date) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN grain = 'y' THEN bit_count(days) > 0
                    ELSE bit_count(substring(days FROM extract(doy FROM period)::int
                                                  FOR extract(day FROM period + interval '1 month' - interval '1 day')::int)) > 0 END
      $$`);

    // The months (bit i-1 = month i) in which a year's day bits have any day: one expression, no row expansion.
    await q.query(`
      CREATE FUNCTION report_month_bits(days bit(366), year int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN make_date(year, 3, 1) - make_date(year, 2, 1) = 29 THEN ${monthBitsSql(true)} ELSE ${monthBitsSql(false)} END
      $$`);

    // ---- scopes ----
    await q.query(`
      CREATE FUNCTION report_refresh_scopes() RETURNS void LANGUAGE sql AS $$
        DELETE FROM report_scope_counties;
        INSERT INTO report_scope_counties (scope, county_code)
        SELECT DISTINCT s.scope, m.county_code
          FROM report_county_map m
          CROSS JOIN LATERAL (VALUES (m.county_code::text), (m.prefecture_code::text), (m.province_code::text), ('*')) s(scope)
        UNION
        SELECT programme_id::text, county_code FROM programme_counties;
      $$`);

    // ---- activity: what paid orders contribute ----
    // Distinct (kind, id, local day, county, category) of paid orders; kind o = the order itself.
    await q.query(`
      CREATE FUNCTION report_order_activity(p_orders uuid[])
      RETURNS TABLE (kind "char", actor_id uuid, day date, county_code char(6), category text) LANGUAGE sql STABLE AS $$
        SELECT DISTINCT a.kind, a.actor_id, report_local_day(o.paid_at), l.producer_county_code, l.category
          FROM orders o
          JOIN order_lines l ON l.order_id = o.id
          CROSS JOIN LATERAL (VALUES ('o'::"char", o.id), ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                                     ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) AS a(kind, actor_id)
         WHERE o.id = ANY(p_orders) AND o.paid_at IS NOT NULL AND a.actor_id IS NOT NULL
      $$`);

    // Serialize the transactions that change the same ids' activity (sorted: no deadlock among them).
    await q.query(`
      CREATE FUNCTION report_lock_actors(p_kind "char"[], p_id uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        k int;
      BEGIN
        FOR k IN SELECT DISTINCT hashtext(x.kind::text || x.id::text) FROM unnest(p_kind, p_id) x(kind, id) WHERE x.kind <> 'o' ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(8320, k);
        END LOOP;
      END $$`);

    // Every (period, scope, category) key in which ids are active, from their day bits.
    await q.query(`
      CREATE FUNCTION report_actor_keys(p_kind "char"[], p_id uuid[], p_year smallint[])
      RETURNS TABLE (kind "char", actor_id uuid, grain "char", period date, scope text, category text) LANGUAGE sql STABLE AS $$
        WITH a AS (SELECT DISTINCT x.kind, x.id, x.year FROM unnest(p_kind, p_id, p_year) x(kind, id, year)),
        r AS (
          SELECT m.kind, m.actor_id, m.year, s.scope, c.category, bit_or(m.days) AS days
            FROM a JOIN report_actor_days m ON m.kind = a.kind AND m.actor_id = a.id AND m.year = a.year
            JOIN report_scope_counties s ON s.county_code = m.county_code
            CROSS JOIN LATERAL (VALUES (m.category), ('*')) c(category)
           GROUP BY 1, 2, 3, 4, 5)
        SELECT r.kind, r.actor_id, p.grain, p.period, r.scope, r.category FROM r CROSS JOIN LATERAL report_active_periods(r.year, r.days) p
      $$`);

    // Adds signed key counts to the counters (this backend's shard), sorted by key.
    await q.query(`
      CREATE FUNCTION report_add_counts(p_grain "char"[], p_period date[], p_scope text[], p_category text[], p_kind "char"[], p_n bigint[])
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_distinct_counts AS d (grain, period, scope, category, kind, shard, n)
        SELECT x.grain, x.period, x.scope, x.category, x.kind, (pg_backend_pid() % 16)::smallint, sum(x.n)
          FROM unnest(p_grain, p_period, p_scope, p_category, p_kind, p_n) x(grain, period, scope, category, kind, n)
         GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.n) <> 0
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (grain, period, scope, category, kind, shard) DO UPDATE SET n = d.n + EXCLUDED.n
      $$`);

    // ---- sums ----
    await q.query(`
      CREATE FUNCTION report_apply_sale(p_orders uuid[], p_sign int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_sales AS d (grain, period, county_code, category, poverty, gross_cents, units, weight_grams)
        SELECT g.grain, g.period, s.county_code, s.category, s.poverty,
               p_sign * sum(s.gross), p_sign * sum(s.units), p_sign * sum(s.grams)
          FROM (SELECT report_local_day(o.paid_at) AS day, l.producer_county_code AS county_code, l.category,
                       l.producer_poverty_registered AS poverty, l.line_total_cents AS gross, l.quantity AS units,
                       l.quantity::bigint * l.net_weight_grams AS grams
                  FROM orders o JOIN order_lines l ON l.order_id = o.id
                 WHERE o.id = ANY(p_orders) AND o.paid_at IS NOT NULL) s
          CROSS JOIN LATERAL report_grains(s.day) g
         GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (grain, period, county_code, category, poverty) DO UPDATE
          SET gross_cents = d.gross_cents + EXCLUDED.gross_cents,
              units = d.units + EXCLUDED.units,
              weight_grams = d.weight_grams + EXCLUDED.weight_grams
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION report_apply_refunds(p_order uuid[], p_amount bigint[], p_at timestamptz[], p_sign int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_sales AS d (grain, period, county_code, category, poverty, refunds_cents)
        SELECT g.grain, g.period, s.county_code, s.category, s.poverty, p_sign * sum(s.share)
          FROM report_refund_shares(p_order, p_amount, p_at) s CROSS JOIN LATERAL report_grains(s.day) g
         GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (grain, period, county_code, category, poverty)
          DO UPDATE SET refunds_cents = d.refunds_cents + EXCLUDED.refunds_cents
      $$`);

    // ---- orders that became paid (the common path: one payment, one statement) ----
    await q.query(`
      CREATE FUNCTION report_add_paid_orders(p_orders uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        -- What these orders add that is new in its county, category and month: (kind, id, local day, county, category).
        -- An id already active there has every key this activity could add (each scope holding the county,
        -- that category and all, the month and the year): a farmer's second sale of the month adds no key,
        -- takes no lock and costs one look-up. Orders (kind o) are always new.
        ak "char"[];
        ai uuid[];
        ad date[];
        ac char(6)[];
        acat text[];
      BEGIN
        SELECT array_agg(a.kind), array_agg(a.actor_id), array_agg(a.day), array_agg(a.county_code), array_agg(a.category)
          INTO ak, ai, ad, ac, acat
          FROM report_order_activity(p_orders) a
         WHERE a.kind = 'o' OR NOT EXISTS (
                 SELECT 1 FROM report_actor_days m
                  WHERE m.kind = a.kind AND m.actor_id = a.actor_id AND m.year = extract(year FROM a.day)::smallint
                    AND m.county_code = a.county_code AND m.category = a.category
                    AND report_active_in(m.days, 'm', date_trunc('month', a.day)::date));

        -- Serialize with other transactions adding the same ids; the statements below start after
        -- the locks, so they see what those committed (and an id found active above stays active).
        PERFORM report_lock_actors(ak, ai);

        -- Counters: a key counts when no day bits said the id was active there already.
        PERFORM report_add_counts(array_agg(f.grain), array_agg(f.period), array_agg(f.scope), array_agg(f.category), array_agg(f.kind), array_agg(1::bigint))
          FROM (
            SELECT DISTINCT a.kind, a.actor_id, g.grain, g.period, s.scope, c.category
              FROM unnest(ak, ai, ad, ac, acat) a(kind, actor_id, day, county_code, category)
              JOIN report_scope_counties s ON s.county_code = a.county_code
              CROSS JOIN LATERAL (VALUES (a.category), ('*')) c(category)
              CROSS JOIN LATERAL report_grains(a.day) g
             WHERE g.grain <> 'd'
          ) f
         WHERE f.kind = 'o' OR NOT EXISTS (
                 SELECT 1 FROM report_actor_days m JOIN report_scope_counties s2 ON s2.county_code = m.county_code AND s2.scope = f.scope
                  WHERE m.kind = f.kind AND m.actor_id = f.actor_id AND m.year = extract(year FROM f.period)::smallint
                    AND (f.category = '*' OR m.category = f.category)
                    AND report_active_in(m.days, f.grain, f.period))
        HAVING count(*) > 0;

        -- The day bits, of all the activity (an id active earlier in the month still gets today's
        -- bit); a bit already set is not written again, so a farmer's second sale of the day locks no row.
        INSERT INTO report_actor_days AS m (kind, actor_id, year, county_code, category, days)
        SELECT a.kind, a.actor_id, extract(year FROM a.day), a.county_code, a.category, bit_or(report_day_bit(a.day))
          FROM report_order_activity(p_orders) a
         WHERE a.kind <> 'o' AND NOT EXISTS (
                 SELECT 1 FROM report_actor_days x
                  WHERE x.kind = a.kind AND x.actor_id = a.actor_id AND x.year = extract(year FROM a.day)::smallint
                    AND x.county_code = a.county_code AND x.category = a.category
                    AND bit_count(x.days & report_day_bit(a.day)) > 0)
         GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (kind, actor_id, year, county_code, category) DO UPDATE SET days = m.days | EXCLUDED.days
          WHERE m.days | EXCLUDED.days <> m.days;

        -- Refunds recorded before the payment (events out of order) count from now on.
        PERFORM report_apply_refunds(array_agg(f.order_id ORDER BY f.order_id), array_agg(f.amount_cents ORDER BY f.order_id),
                                     array_agg(f.created_at ORDER BY f.order_id), 1)
           FROM refunds f WHERE f.order_id = ANY(p_orders) AND f.status = 'succeeded' HAVING count(*) > 0;

        -- Last, the sums rows, which every payment to the same county and category shares: held from
        -- here to commit only.
        PERFORM report_apply_sale(p_orders, 1);
      END $$`);
    await q.query(`
      CREATE FUNCTION report_orders_became_paid() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        paid uuid[];
      BEGIN
        SELECT array_agg(n.id ORDER BY n.id) INTO paid
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE o.paid_at IS NULL AND n.paid_at IS NOT NULL;
        IF paid IS NOT NULL THEN
          PERFORM report_add_paid_orders(paid);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_orders_became_paid AFTER UPDATE ON orders
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION report_orders_became_paid()`);

    // Folds the shards into shard 0, so that a report reads one row per counter (the API runs it every
    // minute). Locks the shard rows in key order first, then upserts shard 0 in key order: payments
    // lock one shard's rows in key order, so neither can wait for the other in a cycle.
    await q.query(`
      CREATE FUNCTION report_compact_counters() RETURNS bigint LANGUAGE plpgsql AS $$
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
      END $$`);

    // ---- the rare path: a paid order's paid_at moved or cleared ----
    await q.query(`
      CREATE FUNCTION report_orders_paid_at_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_day date := report_local_day(OLD.paid_at);
        new_day date := report_local_day(NEW.paid_at);
        zone text := (SELECT time_zone FROM report_settings);
        k "char"[];
        i uuid[];
        y smallint[];
      BEGIN
        -- Sums: out of the old day, into the new one (report_apply_sale reads the order as it is now).
        INSERT INTO report_sales AS d (grain, period, county_code, category, poverty, gross_cents, units, weight_grams)
        SELECT g.grain, g.period, l.producer_county_code, l.category, l.producer_poverty_registered,
               -sum(l.line_total_cents), -sum(l.quantity), -sum(l.quantity::bigint * l.net_weight_grams)
          FROM order_lines l CROSS JOIN LATERAL report_grains(old_day) g
         WHERE l.order_id = OLD.id
         GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (grain, period, county_code, category, poverty) DO UPDATE
          SET gross_cents = d.gross_cents + EXCLUDED.gross_cents, units = d.units + EXCLUDED.units,
              weight_grams = d.weight_grams + EXCLUDED.weight_grams;
        IF NEW.paid_at IS NOT NULL THEN
          PERFORM report_apply_sale(ARRAY[NEW.id], 1);
        ELSE
          -- No longer paid: its refunds stop counting.
          PERFORM report_apply_refunds(array_agg(f.order_id), array_agg(f.amount_cents), array_agg(f.created_at), -1)
             FROM refunds f WHERE f.order_id = NEW.id AND f.status = 'succeeded' HAVING count(*) > 0;
        END IF;

        -- Distinct counts: the ids of this order, in the old day's and the new day's year.
        SELECT array_agg(x.kind), array_agg(x.id), array_agg(x.year) INTO k, i, y
          FROM (SELECT DISTINCT a.kind, a.id, yr.year::smallint AS year
                  FROM order_lines l
                  CROSS JOIN LATERAL (VALUES ('b'::"char", NEW.buyer_id), ('s'::"char", NEW.seller_id), ('p'::"char", l.producer_id),
                                             ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) a(kind, id)
                  CROSS JOIN LATERAL (VALUES (extract(year FROM old_day)), (extract(year FROM new_day))) yr(year)
                 WHERE l.order_id = NEW.id AND a.id IS NOT NULL AND yr.year IS NOT NULL) x;
        PERFORM report_lock_actors(k, i);

        PERFORM report_add_counts(array_agg(b.grain), array_agg(b.period), array_agg(b.scope), array_agg(b.category), array_agg(b.kind), array_agg(-1::bigint))
           FROM report_actor_keys(k, i, y) b HAVING count(*) > 0;

        -- The old day's bit stays only where another paid order still makes the id active that day.
        UPDATE report_actor_days m SET days = m.days & ~report_day_bit(old_day)
          FROM (SELECT DISTINCT a.kind, a.id, l.producer_county_code AS county_code, l.category
                  FROM order_lines l
                  CROSS JOIN LATERAL (VALUES ('b'::"char", NEW.buyer_id), ('s'::"char", NEW.seller_id), ('p'::"char", l.producer_id),
                                             ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) a(kind, id)
                 WHERE l.order_id = NEW.id AND a.id IS NOT NULL) x
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
        IF NEW.paid_at IS NOT NULL THEN
          INSERT INTO report_actor_days AS m (kind, actor_id, year, county_code, category, days)
          SELECT a.kind, a.actor_id, extract(year FROM a.day), a.county_code, a.category, bit_or(report_day_bit(a.day))
            FROM report_order_activity(ARRAY[NEW.id]) a WHERE a.kind <> 'o'
           GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
          ON CONFLICT (kind, actor_id, year, county_code, category) DO UPDATE SET days = m.days | EXCLUDED.days;
        END IF;

        PERFORM report_add_counts(array_agg(b.grain), array_agg(b.period), array_agg(b.scope), array_agg(b.category), array_agg(b.kind), array_agg(1::bigint))
           FROM report_actor_keys(k, i, y) b HAVING count(*) > 0;

        -- The order itself: counted once in its old period, now in its new one (if any).
        PERFORM report_add_counts(array_agg(o.grain), array_agg(o.period), array_agg(o.scope), array_agg(o.category), array_agg('o'::"char"), array_agg(o.n))
           FROM (SELECT DISTINCT g.grain, g.period, s.scope, c.category, d.n
                   FROM order_lines l
                   CROSS JOIN LATERAL (VALUES (old_day, -1::bigint), (new_day, 1::bigint)) d(day, n)
                   JOIN report_scope_counties s ON s.county_code = l.producer_county_code
                   CROSS JOIN LATERAL (VALUES (l.category), ('*')) c(category)
                   CROSS JOIN LATERAL report_grains(d.day) g
                  WHERE l.order_id = NEW.id AND d.day IS NOT NULL AND g.grain <> 'd') o
          HAVING count(*) > 0;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_orders_paid_at AFTER UPDATE OF paid_at ON orders
        FOR EACH ROW WHEN (OLD.paid_at IS NOT NULL AND OLD.paid_at IS DISTINCT FROM NEW.paid_at)
        EXECUTE FUNCTION report_orders_paid_at_changed()`);

    // ---- counters recomputed for some scopes (NULL = all) from the day bits and the orders ----
    await q.query(`
      CREATE FUNCTION report_recount_scopes(p_scopes text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        zone text := (SELECT time_zone FROM report_settings);
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
                 ARRAY[${Array.from({ length: 12 }, (_, i) => `count(*) FILTER (WHERE months & ${1 << i} <> 0)`).join(', ')}] AS by_month
            FROM r WHERE months <> 0 GROUP BY 1, 2, 3, 4
        )
        INSERT INTO report_distinct_counts (grain, period, scope, category, kind, shard, n)
        SELECT 'y', make_date(year, 1, 1), scope, category, kind, 0, n FROM t
        UNION ALL
        SELECT 'm', make_date(t.year, i, 1), t.scope, t.category, t.kind, 0, t.by_month[i] FROM t CROSS JOIN generate_series(1, 12) i WHERE t.by_month[i] > 0;

        -- Orders: each is paid on one day, so count it per month; a year is the sum of its months.
        WITH x AS (
          SELECT DISTINCT o.id, date_trunc('month', o.paid_at AT TIME ZONE zone)::date AS month, l.producer_county_code AS county_code, l.category
            FROM orders o JOIN order_lines l ON l.order_id = o.id
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
      END $$`);

    // ---- programmes: their counties are a scope ----
    await q.query(`
      CREATE FUNCTION report_programme_counties_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
        -- Payments wait (they write report_actor_days) while the counters are recounted from a settled state.
        LOCK TABLE report_actor_days IN SHARE MODE;
        DELETE FROM report_scope_counties WHERE scope = ANY(ids);
        INSERT INTO report_scope_counties (scope, county_code)
        SELECT programme_id::text, county_code FROM programme_counties WHERE programme_id::text = ANY(ids);
        PERFORM report_recount_scopes(ids);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_programme_counties_insert AFTER INSERT ON programme_counties
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_programme_counties_changed()`);
    await q.query(`
      CREATE TRIGGER report_programme_counties_update AFTER UPDATE ON programme_counties
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_programme_counties_changed()`);
    await q.query(`
      CREATE TRIGGER report_programme_counties_delete AFTER DELETE ON programme_counties
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_programme_counties_changed()`);

    // ---- everything again from the raw tables ----
    await q.query(`
      CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        zone text := (SELECT time_zone FROM report_settings);
      BEGIN
        PERFORM set_config('work_mem', '256MB', true);
        LOCK TABLE report_sales, report_actor_days, report_distinct_counts, report_scope_counties IN ACCESS EXCLUSIVE MODE;
        PERFORM report_refresh_county_map();
        PERFORM report_refresh_scopes();
        TRUNCATE report_sales, report_actor_days, report_distinct_counts;

        INSERT INTO report_sales (grain, period, county_code, category, poverty, gross_cents, units, weight_grams)
        SELECT 'd', (o.paid_at AT TIME ZONE zone)::date, l.producer_county_code, l.category, l.producer_poverty_registered,
               sum(l.line_total_cents), sum(l.quantity), sum(l.quantity::bigint * l.net_weight_grams)
          FROM orders o JOIN order_lines l ON l.order_id = o.id
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
          FROM (SELECT DISTINCT a.kind, a.actor_id, (o.paid_at AT TIME ZONE zone)::date AS day, l.producer_county_code AS county_code, l.category
                  FROM orders o
                  JOIN order_lines l ON l.order_id = o.id
                  CROSS JOIN LATERAL (VALUES ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                                             ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) AS a(kind, actor_id)
                 WHERE o.paid_at IS NOT NULL AND a.actor_id IS NOT NULL) x
         GROUP BY 1, 2, 3, 4, 5;

        PERFORM report_recount_scopes(NULL);
        ANALYZE report_sales;
        ANALYZE report_actor_days;
        ANALYZE report_distinct_counts;
        ANALYZE report_scope_counties;
      END $$`);

    await q.query(`SELECT report_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to 050 + 051: drop every report object (functions with their triggers), re-run those two, rebuild.
    await q.query(`
      DO $$
      DECLARE
        f regprocedure;
      BEGIN
        FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = current_schema() AND p.proname LIKE 'report\\_%' LOOP
          EXECUTE 'DROP FUNCTION ' || f || ' CASCADE';
        END LOOP;
      END $$`);
    await q.query(`DROP TABLE report_distinct_counts, report_actor_days, report_scope_counties, report_sales, report_county_map, report_settings`);
    await q.query(`DROP INDEX orders_paid_at_idx`);
    await new Reports1780000000050().up(q);
    await new ReportRollupsStatementTrigger1780000000051().up(q);
    await q.query(`SELECT report_rebuild()`);
  }
}
