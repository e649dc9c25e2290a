/** Small builders for the item data. */
import type { Applicability } from '../schema';
import { bi } from '../../domain/inspection/text';

/** Re-exported: callers of this module build their texts with it. */
export { bi };

/** Any mobile app the company builds or develops (art. 8 of the rules): consumer or agent. */
export const ANY_APP: Applicability = { any: ['hasMobileApp', 'hasAgentApp'] };
