/**
 * 僅接受受信任簽章者簽署的繳回: why a return is refused when the engagement accepts only
 * returns signed by a trusted signer, naming the file and the reason, in both languages. The
 * same rule for the app's merge screen and the CLI's `merge`.
 */
import type { Bilingual } from '../domain/inspection/text';
import type { PackageSignerInfo, SignerTrust } from './signature';

const RULE = {
  'zh-TW': '本案件設定僅接受受信任簽章者簽署的繳回',
  en: 'this engagement accepts only returns signed by a trusted signer',
};

/** The refusal of `fileName` under the setting, or null when its signer is trusted. */
export function untrustedReturn(
  fileName: string,
  signer: PackageSignerInfo | null,
  trust: SignerTrust,
): Bilingual | null {
  if (trust.status === 'trusted') return null;
  if (trust.status === 'unsigned' || signer === null) {
    return {
      'zh-TW': `「${fileName}」未簽署；${RULE['zh-TW']}`,
      en: `${fileName} is not signed; ${RULE.en}`,
    };
  }
  const who = `${signer.name}（${signer.fingerprint}）`;
  const whoEn = `${signer.name} (${signer.fingerprint})`;
  if (trust.status === 'retired') {
    return {
      'zh-TW': `「${fileName}」的簽章者 ${who}的金鑰在繳回製作時已停用；${RULE['zh-TW']}`,
      en: `${fileName} is signed by ${whoEn}, whose key was retired when the return was made; ${RULE.en}`,
    };
  }
  return {
    'zh-TW': `「${fileName}」的簽章者 ${who}不是本案件的受信任簽章者；${RULE['zh-TW']}`,
    en: `${fileName} is signed by ${whoEn}, who is not a trusted signer of this engagement; ${RULE.en}`,
  };
}
