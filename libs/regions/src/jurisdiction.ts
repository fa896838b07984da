/**
 * An officer's jurisdiction (`users.jurisdiction_code`: a province, prefecture
 * or county) limits every read of theirs — orders, cooperative members,
 * poverty claims and reports. This is the one SQL test for it: is the county
 * `countyExpr` inside the jurisdiction of the user whose id is `callerParam`?
 * True for a user without one (a national officer, an admin). GB/T 2260 has
 * three levels, so the county, its prefecture and its province are all the
 * regions that can hold it.
 */
export function inCallerJurisdictionSql(countyExpr: string, callerParam = '$1'): string {
  return `EXISTS (SELECT 1 FROM users me
                    LEFT JOIN regions jc ON jc.code = ${countyExpr}
                    LEFT JOIN regions jp ON jp.code = jc.parent_code
                   WHERE me.id = ${callerParam}
                     AND (me.jurisdiction_code IS NULL OR me.jurisdiction_code IN (jc.code, jc.parent_code, jp.parent_code)))`;
}
