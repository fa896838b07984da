export const ROLES = ['buyer', 'farmer', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** Roles a person may pick when registering themselves. */
export const SELF_SERVICE_ROLES = ['buyer', 'farmer'] as const;
/** Roles only an admin may create. */
export const STAFF_ROLES = ['officer', 'admin'] as const;
