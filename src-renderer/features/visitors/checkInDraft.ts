import type { AppointmentView, DocType, VisitConsent, VisitPurpose } from '@shared/contract';
import type { Payer } from '../fees/room';

/** What the 来访登记 form holds while it is being filled in. */
export interface Draft {
  name: string;
  phone: string;
  docType: DocType;
  docLast4: string;
  docNumber: string;
  party: string;
  plate: string;
  purpose: VisitPurpose;
  purposeNote: string;
  place: Payer | null;
  commonReason: string;
  consent: VisitConsent;
  consentPhone: string;
}

export const EMPTY: Draft = {
  name: '',
  phone: '',
  docType: 'id_card',
  docLast4: '',
  docNumber: '',
  party: '1',
  plate: '',
  purpose: 'friend',
  purposeNote: '',
  place: null,
  commonReason: '',
  consent: 'phone',
  consentPhone: '',
};

/** A check-in from an appointment: the core fills the visitor's name and phone itself (the screen sees them masked). */
export function fromAppointment(a: AppointmentView): Draft {
  return {
    ...EMPTY,
    party: String(a.partySize),
    purpose: a.purpose,
    place: { kind: 'room', roomId: a.roomId, roomCode: a.roomCode, name: '' },
    consent: 'appointment',
  };
}
