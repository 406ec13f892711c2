/** Who pays: a room (its id for per-area prices and the receipt) or a walk-in (散客). */
export type Payer = { kind: 'room'; roomId: number; roomCode: string; name: string } | { kind: 'walkin' };
