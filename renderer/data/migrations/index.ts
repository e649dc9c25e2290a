/**
 * Every schema version the vault database has ever had, oldest first. Versions are kept
 * forever so any older vault can be opened; a change is a new numbered file, never an edit.
 */
import { migration001 } from './001-initial';
import { migration002 } from './002-self-inspection';
import { migration003 } from './003-registers';
import { migration004 } from './004-integrity';
import { migration005 } from './005-signoff';
import { migration006 } from './006-team';
import { migration007 } from './007-engagement-policy';

export interface Migration {
  version: number;
  stores: Readonly<Record<string, string | null>>;
}

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];
