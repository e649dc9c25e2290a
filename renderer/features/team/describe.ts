import type { TFunction } from 'i18next';
import i18next from 'i18next';
import type { Bilingual } from '../../../shared/domain/inspection/text';
import { describeError } from '../../app/describe-error';

/** Team errors carry their reason in both languages; others are described as everywhere. */
export function describeTeamError(error: unknown, t: TFunction): string {
  const text = (error as { text?: { 'zh-TW'?: unknown; en?: unknown } } | null)?.text;
  if (
    error instanceof Error &&
    typeof text?.['zh-TW'] === 'string' &&
    typeof text.en === 'string'
  ) {
    return i18next.language.startsWith('zh') ? text['zh-TW'] : text.en;
  }
  return describeError(error, t);
}

/** The reason in both languages where the error has them (a `PackageError`…), else as described. */
export function bilingualReason(error: unknown, t: TFunction): Bilingual {
  const text = (error as { text?: { 'zh-TW'?: unknown; en?: unknown } } | null)?.text;
  if (typeof text?.['zh-TW'] === 'string' && typeof text.en === 'string') {
    return { 'zh-TW': text['zh-TW'], en: text.en };
  }
  const described = describeTeamError(error, t);
  return { 'zh-TW': described, en: described };
}
