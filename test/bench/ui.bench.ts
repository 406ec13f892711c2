import type { Figure } from './stats';

export async function uiBenchmarks(_work: string): Promise<Figure[]> {
  return [];
}
