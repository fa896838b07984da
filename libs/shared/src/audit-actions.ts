/** The actions the audit trail records (libs/audit); the web app names each one. Add a new action here. */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.suspend',
  'user.reinstate',
  'listing.takedown',
  'programme.create',
  'programme.counties',
  'programme.update',
  'programme.delete',
  'order.refund',
  'report.export',
  'order.export',
  'poverty.verify',
  'poverty.reject',
] as const;
export type KnownAuditAction = (typeof AUDIT_ACTIONS)[number];
