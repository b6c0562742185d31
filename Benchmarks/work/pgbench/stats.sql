-- The public statistics as the gateway reads them for GET /api/v1/stats and /statistik without filters
-- (the last twelve weeks, every area and category): the areas for the filter, the figures per agency,
-- per category and in total, and the weekly trend (Sources/HubStore/StatisticsStore.swift's statements,
-- with the filters null). :from and :to are the period's first and last local days.
select code, kind, name from regions where kind in ('kecamatan', 'desa', 'kelurahan') order by code;
with selected as (
    select * from complaint_stats_daily
     where day between :from::date and :to::date
       and (null::text is null or kecamatan_code = null::text)
       and (null::text is null or kelurahan_code = null::text)
       and (null::text is null or category_code = null::text))
            ,
sums as (
    select case when grouping(agency_code) = 0 then 'agency' when grouping(category_code) = 0 then 'category' else 'total' end as kind,
           coalesce(agency_code, category_code, '') as code,
           sum(received)::int as received, sum(resolved)::int as resolved, sum(within_deadline)::int as within_deadline,
           sum(confidential)::int as confidential, sum(rated)::int as rated, sum(rating_sum)::int as rating_sum
      from selected group by grouping sets ((agency_code), (category_code), ())),
verify as (
    select case when grouping(agency_code) = 0 then 'agency' when grouping(category_code) = 0 then 'category' else 'total' end as kind,
           coalesce(agency_code, category_code, '') as code, percentile_cont(0.5) within group (order by s) as median
      from selected, unnest(verify_seconds) s group by grouping sets ((agency_code), (category_code), ())),
resolve as (
    select case when grouping(agency_code) = 0 then 'agency' when grouping(category_code) = 0 then 'category' else 'total' end as kind,
           coalesce(agency_code, category_code, '') as code, percentile_cont(0.5) within group (order by s) as median
      from selected, unnest(resolve_seconds) s group by grouping sets ((agency_code), (category_code), ())),
listed as (
    select 'category' as kind, c.code, c.name_id, c.name_en, c.position as ord from categories c
     where null::text is null or c.code = null::text
    union all
    select 'agency', a.code, a.name_id, a.name_en, 0 from agencies a
     where a.code in (select agency_code from category_routes where null::text is null or category_code = null::text)
        or a.code in (select code from sums where kind = 'agency')
    union all
    select 'total', '', '', '', 0)
select l.kind, l.code, l.name_id, l.name_en,
       coalesce(s.received, 0) as received, coalesce(s.resolved, 0) as resolved,
       coalesce(s.within_deadline, 0) as within_deadline, coalesce(s.confidential, 0) as confidential,
       coalesce(s.rated, 0) as rated, coalesce(s.rating_sum, 0) as rating_sum,
       v.median as median_verify, r.median as median_resolve
  from listed l
  left join sums s on s.kind = l.kind and s.code = l.code
  left join verify v on v.kind = l.kind and v.code = l.code
  left join resolve r on r.kind = l.kind and r.code = l.code
 order by l.kind, l.ord, l.name_id;
with selected as (
    select * from complaint_stats_daily
     where day between :from::date and :to::date
       and (null::text is null or kecamatan_code = null::text)
       and (null::text is null or kelurahan_code = null::text)
       and (null::text is null or category_code = null::text))

select date_trunc('week', day)::date::text as week, sum(received)::int as received, sum(resolved)::int as resolved
  from selected group by 1 order by 1;
