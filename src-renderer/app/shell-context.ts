import { createContext, useContext } from 'react';
import type { OperatorView } from '@shared/contract';
import type { AreaId } from './areas';

export interface ShellValue {
  operator: OperatorView;
  /** The shell is visible and unlocked (false behind the lock or login screen). */
  active: boolean;
  go: (area: AreaId) => void;
  /** Opens the roster and puts the cursor in its search box (optionally with text already typed). */
  focusSearch: (q?: string) => void;
  lock: () => void;
  /** Opens 房屋档案 with this room's file (from any room search: the roster, 收费's room picker). */
  openRoom: (roomId: number) => void;
}

export const ShellContext = createContext<ShellValue | null>(null);

export function useShell(): ShellValue {
  const v = useContext(ShellContext);
  if (!v) throw new Error('useShell outside the shell');
  return v;
}
