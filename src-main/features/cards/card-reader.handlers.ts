import type { cardReaderContract } from '@shared/contract/card-reader';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { CardReaderService } from './card-reader.service';

/** Card-reader channels → the card-reader service. */
export function cardReaderHandlers(cardReader: CardReaderService): HandlersOf<typeof cardReaderContract> {
  return {
    'cardReader.settings.get': () => cardReader.settings(),
    'cardReader.settings.save': (i, ctx) => cardReader.save(i, actor(ctx)),
    'cardReader.status': () => cardReader.status(),
    'cardReader.lastRead': (i) => cardReader.lastRead(i.afterSeq),
    'cardReader.diagnose': () => cardReader.diagnose(),
    'cardReader.record': (i) => cardReader.record(i.action),
  };
}
