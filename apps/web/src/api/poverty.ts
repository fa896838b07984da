/**
 * Poverty registration (contract v1.1, Trust): a farmer claims, an officer of the
 * farmer's county (or an admin) verifies or rejects. Kept apart from types.ts.
 */
import type { PovertyClaimStatus, PovertyDecision, PovertyStatus } from '@farmlink/shared';
import { request } from './client';
import type { Id, Page, RegisterBody, User } from './types';

export type { PovertyClaimStatus, PovertyDecision, PovertyStatus };

/** `GET /api/me` for a farmer also says where their poverty claim stands. */
export type UserWithPoverty = User & { povertyStatus?: PovertyStatus };

export type RegisterWithPovertyBody = RegisterBody & { povertyRegistrationNo?: string };

export interface PovertyClaim {
  farmerId: Id;
  displayName: string;
  countyCode: string;
  countyName?: string;
  registrationNo: string | null;
  status: PovertyClaimStatus;
  claimedAt: string;
  decidedAt: string | null;
  decidedBy: Id | null;
  decidedByName?: string | null;
  note: string | null;
}

export interface PovertyDecisionResult {
  farmerId: Id;
  status: PovertyDecision;
  decidedAt: string;
  decidedBy: Id;
}

export const poverty = {
  /** The signed-in user, fresh (their status changes when an officer decides). */
  me: () => request<UserWithPoverty>('GET', '/me'),
  claim: (registrationNo?: string) => request<PovertyClaim>('POST', '/me/poverty-claim', { body: registrationNo ? { registrationNo } : {} }),
  list: (query: { status?: PovertyClaimStatus; countyCode?: string; page?: number; pageSize?: number } = {}) =>
    request<Page<PovertyClaim>>('GET', '/poverty-claims', { query }),
  decide: (farmerId: Id, decision: PovertyDecision, note?: string) =>
    request<PovertyDecisionResult>('POST', `/farmers/${farmerId}/poverty-verification`, { body: note ? { decision, note } : { decision } }),
};
