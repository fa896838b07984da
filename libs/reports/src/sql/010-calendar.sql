-- Calendar and geography helpers of the sales rollups (see ../../DESIGN.md).
-- Loaded by migration 1780000000064 (and every later migration that changes a
-- file here) with CREATE OR REPLACE: edit here, then add a migration that
-- calls loadReportSql().

-- county -> prefecture -> province, for grouping. A county with no prefecture above it stands for
-- its prefecture; one with no parent at all (e.g. Kenya's counties, imported as the only level)
-- for its province too.
CREATE OR REPLACE FUNCTION report_refresh_county_map() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_county_map;
  INSERT INTO report_county_map (county_code, prefecture_code, province_code)
  SELECT c.code,
         CASE WHEN p.level = 'prefecture' THEN p.code ELSE c.code END,
         CASE WHEN p.level = 'prefecture' THEN p.parent_code ELSE coalesce(p.code, c.code) END
    FROM regions c LEFT JOIN regions p ON p.code = c.parent_code
   WHERE c.level = 'county';
$$;

-- Regions change only by an import (npm run regions:import): the map and the scopes follow, in the
-- importing transaction.
CREATE OR REPLACE FUNCTION report_regions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_county_map();
  PERFORM report_refresh_scopes();
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER report_regions_changed AFTER INSERT OR UPDATE OF level, parent_code ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION report_regions_changed();

-- The zone of each county's report dates: its market's (markets.time_zone); the default market cn's
-- is REPORT_TIME_ZONE, stored in report_settings. A sale counts on the local date of its county's
-- market, so each market's reports are on its own dates. (A set-returning SQL function, not a view:
-- it is inlined into the statements that join it, and its body is checked only when called.)
CREATE OR REPLACE FUNCTION report_county_zones() RETURNS TABLE (county_code text, tz text) LANGUAGE sql STABLE AS $$
  SELECT r.code, CASE WHEN r.market_code = 'cn' THEN s.time_zone ELSE mk.time_zone END
    FROM regions r JOIN markets mk ON mk.code = r.market_code CROSS JOIN report_settings s
$$;

-- The zone of one order's report dates (its county's market's).
CREATE OR REPLACE FUNCTION report_order_zone(p_order uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT z.tz FROM orders o JOIN report_county_zones() z ON z.county_code = o.county_code WHERE o.id = p_order
$$;

-- The local date in the default market's zone (REPORT_TIME_ZONE, stored in report_settings) of an instant.
CREATE OR REPLACE FUNCTION report_local_day(ts timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (ts AT TIME ZONE (SELECT time_zone FROM report_settings))::date
$$;

-- The three sums rows a day feeds: its day, its month, its year.
CREATE OR REPLACE FUNCTION report_grains(day date) RETURNS TABLE (grain "char", period date) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('d'::"char", day), ('m', date_trunc('month', day)::date), ('y', date_trunc('year', day)::date)
$$;

-- The bit of a day in its year's bit(366).
CREATE OR REPLACE FUNCTION report_day_bit(day date) RETURNS bit(366) LANGUAGE sql IMMUTABLE AS $$
  SELECT B'1'::bit(366) >> (extract(doy FROM day)::int - 1)
$$;

-- The calendar periods (year, and each month) in which a year's day bits have any day.
CREATE OR REPLACE FUNCTION report_active_periods(year int, days bit(366)) RETURNS TABLE (grain "char", period date) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'y'::"char", make_date(year, 1, 1) WHERE bit_count(days) > 0
  UNION ALL
  SELECT 'm'::"char", m.first
    FROM (SELECT make_date(year, i, 1) AS first FROM generate_series(1, 12) i) m
   WHERE bit_count(substring(days FROM extract(doy FROM m.first)::int
                                  FOR extract(day FROM m.first + interval '1 month' - interval '1 day')::int)) > 0
$$;

-- Whether day bits have any day within one calendar period (of their year).
CREATE OR REPLACE FUNCTION report_active_in(days bit(366), grain "char", period date) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN grain = 'y' THEN bit_count(days) > 0
              ELSE bit_count(substring(days FROM extract(doy FROM period)::int
                                            FOR extract(day FROM period + interval '1 month' - interval '1 day')::int)) > 0 END
$$;

-- The months (bit i-1 = month i) in which a year's day bits have any day: one expression, no row expansion.
CREATE OR REPLACE FUNCTION report_month_bits(days bit(366), year int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN make_date(year, 3, 1) - make_date(year, 2, 1) = 29 THEN
           ((CASE WHEN bit_count(substring(days FROM 1 FOR 31)) > 0 THEN 1 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 32 FOR 29)) > 0 THEN 2 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 61 FOR 31)) > 0 THEN 4 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 92 FOR 30)) > 0 THEN 8 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 122 FOR 31)) > 0 THEN 16 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 153 FOR 30)) > 0 THEN 32 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 183 FOR 31)) > 0 THEN 64 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 214 FOR 31)) > 0 THEN 128 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 245 FOR 30)) > 0 THEN 256 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 275 FOR 31)) > 0 THEN 512 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 306 FOR 30)) > 0 THEN 1024 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 336 FOR 31)) > 0 THEN 2048 ELSE 0 END))
         ELSE
           ((CASE WHEN bit_count(substring(days FROM 1 FOR 31)) > 0 THEN 1 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 32 FOR 28)) > 0 THEN 2 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 60 FOR 31)) > 0 THEN 4 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 91 FOR 30)) > 0 THEN 8 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 121 FOR 31)) > 0 THEN 16 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 152 FOR 30)) > 0 THEN 32 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 182 FOR 31)) > 0 THEN 64 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 213 FOR 31)) > 0 THEN 128 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 244 FOR 30)) > 0 THEN 256 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 274 FOR 31)) > 0 THEN 512 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 305 FOR 30)) > 0 THEN 1024 ELSE 0 END)
             + (CASE WHEN bit_count(substring(days FROM 335 FOR 31)) > 0 THEN 2048 ELSE 0 END))
         END
$$;

-- Which counties make up each scope: a county, its prefecture, its province, a whole market ('*' for
-- the default market cn, '*' || code for another, e.g. '*ke': a market's figures never mix with
-- another's), and each programme.
CREATE OR REPLACE FUNCTION report_refresh_scopes() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_scope_counties;
  INSERT INTO report_scope_counties (scope, county_code)
  SELECT DISTINCT s.scope, m.county_code
    FROM report_county_map m JOIN regions r ON r.code = m.county_code
    CROSS JOIN LATERAL (VALUES (m.county_code::text), (m.prefecture_code::text), (m.province_code::text),
                               (CASE WHEN r.market_code = 'cn' THEN '*' ELSE '*' || r.market_code END)) s(scope)
  UNION
  SELECT programme_id::text, county_code FROM programme_counties;
$$;
