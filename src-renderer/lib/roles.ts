import type { OperatorView } from '@shared/contract';

export type Role = OperatorView['role'];

const RANK: Record<Role, number> = { guard: 0, receptionist: 1, supervisor: 2, admin: 3 };

export function roleAtLeast(have: Role | undefined, need: Role): boolean {
  return have !== undefined && RANK[have] >= RANK[need];
}
