import type { Generated } from 'kysely';

/** Kysely row types: the service log (报修/投诉/建议/咨询) and the shift handover (0006, 0007). */

export type RequestKind = 'repair' | 'complaint' | 'suggestion' | 'enquiry';
export type RequestSource = 'call' | 'visit';
export type RequestUrgency = 'normal' | 'urgent';
export type RequestStatus = 'logged' | 'dispatched' | 'in_progress' | 'done' | 'called_back';
export type RequestAction = 'log' | 'dispatch' | 'start' | 'done' | 'callback';

export interface ServiceRequestsTable {
  id: Generated<number>;
  kind: RequestKind;
  source: RequestSource;
  room_id: number | null;
  room_code: string | null;
  caller: string;
  phone_last4: string | null;
  category: string;
  description: string;
  urgency: RequestUrgency;
  department: string | null;
  status: RequestStatus;
  /** the dispatch target for the request's kind, as it was when the request was logged */
  target_minutes: number;
  request_id: string | null;
  created_at: string;
  created_by: number;
  dispatched_at: string | null;
  dispatched_by: number | null;
  started_at: string | null;
  done_at: string | null;
  done_note: string | null;
  called_back_at: string | null;
  satisfaction: number | null;
  callback_note: string | null;
  updated_at: string;
}

/** Append-only: who did which step of a request, and when. */
export interface ServiceEventsTable {
  id: Generated<number>;
  request_id: number;
  at: string;
  operator_id: number;
  action: RequestAction;
  note: string;
}

export interface HandoversTable {
  id: Generated<number>;
  from_operator_id: number;
  created_at: string;
  /** the generated summary as JSON, frozen as it was at the handover */
  summary: string;
  notes: string;
  request_id: string | null;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
}

export type HandoverItemKind = 'carry' | 'note';
export type HandoverPriority = 'low' | 'normal' | 'high';
export type HandoverItemStatus = 'open' | 'accepted' | 'queried' | 'done';

export interface HandoverItemsTable {
  id: Generated<number>;
  handover_id: number;
  kind: HandoverItemKind;
  text: string;
  room_id: number | null;
  room_code: string | null;
  owner_operator_id: number | null;
  due_at: string | null;
  priority: HandoverPriority;
  status: HandoverItemStatus;
  done_at: string | null;
  response: string | null;
  responded_at: string | null;
  responded_by: number | null;
}
