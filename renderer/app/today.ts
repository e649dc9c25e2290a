import { type IsoDate, localDateOf, toIsoInstant } from '../../shared/domain/dates';

/** Today's date in Taipei, as due dates and ages are counted. */
export function today(): IsoDate {
  return localDateOf(toIsoInstant(new Date()));
}
