import { areasFor } from './areas';
import { useShell } from './shell-context';

/** Opens a room's file in 房屋档案, or null for a role that does not work there (the guard): no button is shown then. */
export function useOpenRoom(): ((roomId: number) => void) | null {
  const { operator, openRoom } = useShell();
  return areasFor(operator.role).some((a) => a.id === 'rooms') ? openRoom : null;
}
