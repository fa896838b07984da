/**
 * A farmer's poverty registration (建档立卡贫困户). A farmer *claims* it; an officer
 * whose jurisdiction holds the farmer's county (or an admin) *verifies* or
 * *rejects* the claim. Only `verified` makes sales count as income reaching a
 * registered poor household in the reports.
 */
export const POVERTY_STATUSES = ['none', 'claimed', 'verified', 'rejected'] as const;
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];

/** The statuses a claim row can have (`none` means no claim). */
export const POVERTY_CLAIM_STATUSES = ['claimed', 'verified', 'rejected'] as const;
export type PovertyClaimStatus = (typeof POVERTY_CLAIM_STATUSES)[number];

/** What an officer may decide. */
export const POVERTY_DECISIONS = ['verified', 'rejected'] as const;
export type PovertyDecision = (typeof POVERTY_DECISIONS)[number];
