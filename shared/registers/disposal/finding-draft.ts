/**
 * Draft findings from disposal-log flags: the flags of one kind on one checklist item become
 * one finding listing the asset tags, with a suggested severity and the reason for it (graded
 * by SEVERITY_CRITERIA in shared/domain/inspection/findings.ts), ready for `findingSchema`. The
 * auditor edits the draft before saving; nothing here writes.
 */
import { getItem } from '../../catalog/library';
import type { Bilingual } from '../../catalog/schema';
import type { DisplayLanguage, IsoDate } from '../../domain/dates';
import type { Finding, FindingCategory, Severity } from '../../domain/inspection/findings';
import {
  DEVICE_TYPE_LABELS,
  DISPOSAL_FIELD_LABELS,
  effectiveMedia,
  isHighClassification,
  leavesControl,
  MEDIA_TYPE_LABELS,
  SANITISATION_METHOD_INFO,
  type DisposalRecordLike,
} from './disposal';
import {
  DISPOSAL_FLAG_KINDS,
  techniqueText,
  type DisposalFlag,
  type DisposalFlagKind,
  type DisposalItemId,
} from './flags';
import { bi } from '../../domain/inspection/text';

export interface DisposalFindingDraft {
  /** Passes `findingSchema`; owner and due date are left for the auditor. */
  finding: Finding;
  /** Why the suggested severity, in the chosen language. */
  severityReason: string;
  kind: DisposalFlagKind;
  assetTags: string[];
  recordIds: string[];
}

/** Asset tags listed in a deficiency before it says "and n more". */
export const MAX_LISTED_ASSETS = 100;

const CRITERION = bi(
  '依自律規範第四條第六款，設備（含行動裝置）報廢前應將機密性、敏感性資料及授權軟體予以移除、實施安全性覆寫或實體破壞，應確保報廢之電腦硬碟及儲存媒體儲存之資料不可還原，並留存報廢紀錄，若委託第三者銷毀時，應簽訂保密合約。',
  'Self-regulation rules art. 4(6): before equipment (including mobile devices) is disposed of, confidential and sensitive data and licensed software must be removed, securely overwritten or physically destroyed; data on disposed hard disks and storage media must be unrecoverable; a disposal record must be kept; and a third party entrusted with destruction must sign a confidentiality contract.',
);

interface KindText {
  title: Bilingual;
  condition: Bilingual;
  risk: Bilingual;
  recommendation: Bilingual;
}

const TEXT: Readonly<Record<DisposalFlagKind, KindText>> = {
  'method-unsuitable': {
    title: bi(
      '報廢設備之資料清除方式不適用於其儲存媒體',
      'Disposal sanitisation unsuitable for the media',
    ),
    condition: bi(
      '下列已報廢設備所採之資料清除方式，依 NIST SP 800-88 Rev. 1 不足以使該類媒體之資料不可還原：',
      'The sanitisation used on these disposed devices cannot, per NIST SP 800-88 Rev. 1, make data on that kind of media unrecoverable:',
    ),
    risk: bi(
      '報廢設備之儲存媒體資料可能仍可還原，設備離開公司後，客戶個人資料或機密資料有外洩之虞。',
      'Data on the disposed media may still be recoverable; once the devices leave the company, customer personal data or confidential data could leak.',
    ),
    recommendation: bi(
      '依媒體類型訂定清除方式對照表（固態硬碟及快閃媒體以區塊抹除、加密抹除或實體破壞，不得以消磁；光碟僅能破壞；機密等級為密以上且離開公司管控之設備至少清洗），納入設備報廢作業程序；尚未離開公司之設備重新清除，已交付者評估外洩風險。',
      'Set a table of methods by media type in the disposal procedure (SSDs and flash by block erase, cryptographic erase or destruction, never degaussing; optical discs destroyed only; Confidential or higher devices leaving the company at least purged); re-sanitise devices still on site and assess the exposure of those already handed over.',
    ),
  },
  'vendor-without-nda': {
    title: bi(
      '委託第三者銷毀未簽訂保密合約',
      'Third-party destruction without a confidentiality contract',
    ),
    condition: bi(
      '下列報廢設備委託廠商銷毀，惟該廠商於銷毀時未與公司簽訂有效之保密合約：',
      'These devices were given to a vendor for destruction that had no confidentiality contract with the company in force at the time:',
    ),
    risk: bi(
      '儲存媒體所載資料交付未受保密義務拘束之第三者，如遭不當處理或轉售，客戶個人資料可能外洩，公司亦難以追究責任。',
      'Media and their data were handed to a third party bound by no confidentiality duty; if mishandled or resold, customer personal data could leak and the company would have little recourse.',
    ),
    recommendation: bi(
      '與受託銷毀廠商簽訂保密合約（涵蓋儲存媒體所載資料、交接清單、銷毀證明、稽核權及違約責任），並於設備交付前確認合約有效；委外報廢作業程序應將此列為交付前檢核項目。',
      'Sign a confidentiality contract with each destruction vendor (covering the data on the media, hand-over lists, certificates of destruction, audit rights and liability) and check it is in force before handing over devices; make this a pre-hand-over check in the disposal procedure.',
    ),
  },
  'vendor-nda-expired': {
    title: bi('受託銷毀廠商之保密合約逾期', 'Destruction vendor’s confidentiality contract lapsed'),
    condition: bi(
      '下列報廢設備委託廠商銷毀時，該廠商之保密合約已到期或尚未生效：',
      'When these devices were given to the vendor, its confidentiality contract had expired or had not yet started:',
    ),
    risk: bi(
      '合約空窗期間交付之媒體不受保密條款保障，資料外洩時公司求償及追究責任之依據不足。',
      'Media handed over outside the contract period are not covered by its confidentiality terms, weakening the company’s recourse if data leaks.',
    ),
    recommendation: bi(
      '建立保密合約到期追蹤（到期前提醒續約），並於每次交付前確認合約有效；就空窗期間交付之媒體，取得廠商之補充保密承諾及銷毀證明。',
      'Track contract expiry (with reminders before renewal) and check the contract is in force before every hand-over; for media handed over in the gap, obtain a supplementary confidentiality undertaking and certificates of destruction.',
    ),
  },
  'missing-certificate': {
    title: bi('報廢設備未留存銷毀證明', 'No certificate of destruction kept'),
    condition: bi(
      '下列報廢設備未附銷毀證明（委外銷毀者為廠商出具之銷毀證明，自行破壞者為破壞紀錄或照片）：',
      'These disposed devices have no certificate of destruction (the vendor’s certificate for vendor destruction, a destruction record or photographs for in-house destruction):',
    ),
    risk: bi(
      '無法證明媒體確已銷毀，亦無法以序號核對交接清單，媒體可能未經銷毀即流出。',
      'There is no proof the media were destroyed and no way to match serial numbers with the hand-over list; media could have left undestroyed.',
    ),
    recommendation: bi(
      '向受託廠商取得載明媒體序號之銷毀證明並與交接清單核對；自行破壞者留存破壞紀錄及照片，由覆核人簽認；報廢程序應將銷毀證明列為結案要件。',
      'Obtain from the vendor certificates listing the media serial numbers and match them with the hand-over list; for in-house destruction keep a record and photographs signed by the verifier; make the certificate a condition for closing a disposal.',
    ),
  },
  'no-verification': {
    title: bi('設備報廢之資料清除未經獨立覆核', 'Disposal sanitisation not independently verified'),
    condition: bi(
      '下列已報廢設備之資料清除未經覆核，或覆核人與執行人為同一人：',
      'Sanitisation of these disposed devices was not verified, or was verified by the person who did it:',
    ),
    risk: bi(
      '資料清除是否確實完成無人獨立確認，清除不完整或未執行時無從發現，有違分工牽制原則。',
      'Nobody independent confirmed the sanitisation was done; an incomplete or skipped wipe would go unnoticed, against the principle of segregation of duties.',
    ),
    recommendation: bi(
      '報廢程序明定資料清除由執行人以外之人員覆核（檢視清除工具報告或於現場監銷），並於報廢紀錄記載覆核人及覆核日期。',
      'Have the disposal procedure require verification by someone other than the person who did the work (checking the wiping tool’s report or witnessing the destruction), with the verifier and date in the record.',
    ),
  },
  'software-not-removed': {
    title: bi('報廢設備之授權軟體未移除', 'Licensed software not removed before disposal'),
    condition: bi(
      '下列報廢設備之紀錄載明授權軟體未移除：',
      'The records of these disposed devices say licensed software was not removed:',
    ),
    risk: bi(
      '授權軟體隨設備流出可能違反授權條款，且授權清冊與實際不符；軟體中之設定或帳號資料亦可能外洩。',
      'Licensed software leaving with the devices may breach the licence terms and leaves the licence register wrong; settings or account data in the software could also leak.',
    ),
    recommendation: bi(
      '報廢前移除授權軟體並自軟體授權清冊註銷，報廢紀錄記載移除情形；已流出者評估授權影響。',
      'Remove licensed software before disposal and release it in the licence register, recording this in the disposal record; assess the licence impact of devices already gone.',
    ),
  },
  incomplete: {
    title: bi('報廢紀錄欄位不全', 'Incomplete disposal records'),
    condition: bi(
      '下列已報廢設備之報廢紀錄缺少必要欄位：',
      'These disposal records lack required fields:',
    ),
    risk: bi(
      '報廢紀錄不全，無法證明設備之資料已依規定清除，亦無法與財產除帳紀錄核對。',
      'Incomplete records cannot show that data was removed as required, nor be reconciled with the fixed-asset write-offs.',
    ),
    recommendation: bi(
      '補正報廢紀錄，並於報廢表單將序號、機密等級、清除方式及技術、執行人、日期及授權軟體移除情形設為必填。',
      'Complete the records, and make the serial number, classification, method and technique, performer, date and software removal mandatory on the disposal form.',
    ),
  },
};

/** The fields whose absence leaves the sanitisation itself unproven. */
const SANITISATION_FIELDS = ['method', 'technique', 'performedBy', 'performedOn'] as const;

function suggestSeverity(
  kind: DisposalFlagKind,
  flags: readonly DisposalFlag[],
  records: readonly (DisposalRecordLike | undefined)[],
): { severity: Severity; reason: Bilingual } {
  const anyHigh = records.some((r) => r !== undefined && isHighClassification(r.classification));
  const allGeneral = records.every((r) => r !== undefined && r.classification === '普通');
  const anyLeft = records.some((r) => r !== undefined && leavesControl(r) === true);
  switch (kind) {
    case 'method-unsuitable':
      if (allGeneral) {
        return {
          severity: 'medium',
          reason: bi(
            '清除方式不足，惟所涉設備機密等級均為普通，對個人資料影響有限（中：控制措施有明顯缺口）。',
            'The method falls short, but every device concerned is classified General, so the impact on personal data is limited (medium: a clear gap in a control).',
          ),
        };
      }
      return {
        severity: 'high',
        reason: bi(
          `資料可能可還原${anyLeft ? '且設備已離開公司' : ''}，個人資料可能外洩，且違反自律規範第四條第六款「資料不可還原」之要求（高）。`,
          `Data may be recoverable${anyLeft ? ' from devices that have left the company' : ''}; personal data could leak, and art. 4(6) requires the data to be unrecoverable (high).`,
        ),
      };
    case 'vendor-without-nda':
      return {
        severity: 'high',
        reason: bi(
          '違反自律規範第四條第六款明文規定且無補償性控制，資料交付未受保密義務拘束之第三者（高；第十二條得處罰款）。',
          'Breaches an express requirement of art. 4(6) with no compensating control; data went to a third party under no confidentiality duty (high; art. 12 allows fines).',
        ),
      };
    case 'vendor-nda-expired':
      return anyHigh
        ? {
            severity: 'high',
            reason: bi(
              '合約空窗期間交付之媒體含密或極機密資料（高）。',
              'Media handed over outside the contract period held Confidential or Secret data (high).',
            ),
          }
        : {
            severity: 'medium',
            reason: bi(
              '保密合約曾簽訂但未持續有效，屬控制措施未確實執行（中）；如媒體含密以上資料應提高為高。',
              'A contract existed but lapsed: a control not carried out consistently (medium); raise to high if the media held Confidential or higher data.',
            ),
          };
    case 'missing-certificate':
      return {
        severity: 'medium',
        reason: bi(
          '銷毀可能已執行但無法證明，屬控制措施執行不完整（中）；如查無銷毀事實應提高為高。',
          'The destruction may have happened but cannot be shown: a control carried out incompletely (medium); raise to high if it cannot be confirmed at all.',
        ),
      };
    case 'no-verification':
      return {
        severity: 'medium',
        reason: bi(
          '缺乏獨立覆核，違反分工牽制原則（主管機關曾就分工牽制缺失裁罰），惟清除本身可能已執行（中）。',
          'No independent verification, against segregation of duties (the regulator has fined breaches of that principle), though the sanitisation itself may have been done (medium).',
        ),
      };
    case 'software-not-removed':
      return {
        severity: 'medium',
        reason: bi(
          '違反自律規範第四條第六款之程序要求，主要影響軟體授權遵循，未直接涉及個人資料（中）。',
          'Breaches a procedural requirement of art. 4(6), mainly affecting licence compliance rather than personal data (medium).',
        ),
      };
    case 'incomplete': {
      const core = flags.some(
        (f) =>
          f.kind === 'incomplete' &&
          f.fields.some((field) => (SANITISATION_FIELDS as readonly string[]).includes(field)),
      );
      return core
        ? {
            severity: 'medium',
            reason: bi(
              '紀錄缺少清除方式、執行人或日期，無法證明資料已清除（中）。',
              'Records lack the method, performer or date, so the sanitisation cannot be shown (medium).',
            ),
          }
        : {
            severity: 'low',
            reason: bi(
              '清除紀錄大致完整，僅缺少序號、機密等級等文件欄位（低）。',
              'The sanitisation is recorded; only documentary fields such as serial number or classification are missing (low).',
            ),
          };
    }
  }
}

function detailOf(flag: DisposalFlag, record: DisposalRecordLike | undefined): Bilingual | null {
  switch (flag.kind) {
    case 'incomplete':
      return bi(
        `缺${flag.fields.map((f) => DISPOSAL_FIELD_LABELS[f]['zh-TW']).join('、')}`,
        `lacks ${flag.fields.map((f) => DISPOSAL_FIELD_LABELS[f].en.toLowerCase()).join(', ')}`,
      );
    case 'no-verification':
      return flag.reason === 'same-person'
        ? bi('覆核人與執行人相同', 'verified by the performer')
        : bi('未載明覆核人', 'no verifier');
    case 'missing-certificate':
      return flag.reason === 'vendor'
        ? bi('委外銷毀', 'vendor destruction')
        : bi('自行破壞', 'in-house destruction');
    case 'method-unsuitable': {
      if (record === undefined) return null;
      const media = effectiveMedia(record);
      const technique = techniqueText(record);
      const parts = [
        DEVICE_TYPE_LABELS[record.deviceType],
        ...(media === null ? [] : [MEDIA_TYPE_LABELS[media]]),
        ...(record.method === null ? [] : [SANITISATION_METHOD_INFO[record.method].label]),
        ...(technique === null ? [] : [technique]),
      ];
      return bi(parts.map((p) => p['zh-TW']).join('；'), parts.map((p) => p.en).join('; '));
    }
    case 'vendor-without-nda':
    case 'vendor-nda-expired':
      return record !== undefined && record.performedOn !== null
        ? bi(`銷毀日 ${record.performedOn}`, `destroyed ${record.performedOn}`)
        : bi('未記載銷毀日', 'no disposal date');
    case 'software-not-removed':
      return record === undefined ? null : DEVICE_TYPE_LABELS[record.deviceType];
  }
}

function findRecord(
  flag: DisposalFlag,
  records: readonly DisposalRecordLike[],
): DisposalRecordLike | undefined {
  if (flag.recordId !== null) {
    const byId = records.find((r) => r.id === flag.recordId);
    if (byId !== undefined) return byId;
  }
  return records.find((r) => r.assetTag === flag.assetTag);
}

/** Flags grouped by kind and checklist item, in the order of `DISPOSAL_FLAG_KINDS`. */
export function groupDisposalFlags(flags: readonly DisposalFlag[]): DisposalFlag[][] {
  const groups = new Map<string, DisposalFlag[]>();
  for (const kind of DISPOSAL_FLAG_KINDS) {
    for (const flag of flags) {
      if (flag.kind !== kind) continue;
      const key = `${flag.kind}|${flag.itemId}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [flag]);
      else group.push(flag);
    }
  }
  return [...groups.values()];
}

/**
 * One finding from flags of one kind on one checklist item (see `groupDisposalFlags`). Throws a
 * RangeError for an empty list or mixed kinds or items.
 */
export function draftFindingFromFlags(
  flags: readonly DisposalFlag[],
  records: readonly DisposalRecordLike[],
  lang: DisplayLanguage,
  today: IsoDate,
): DisposalFindingDraft {
  const first = flags[0];
  if (first === undefined) throw new RangeError('draftFindingFromFlags: no flags');
  if (flags.some((f) => f.kind !== first.kind || f.itemId !== first.itemId)) {
    throw new RangeError('draftFindingFromFlags: flags of one kind and one item only');
  }
  const kind = first.kind;
  const itemId: DisposalItemId = first.itemId;
  const text = TEXT[kind];
  const matched = flags.map((flag) => findRecord(flag, records));

  const lines = flags.slice(0, MAX_LISTED_ASSETS).map((flag, i) => {
    const detail = detailOf(flag, matched[i]);
    if (lang === 'zh-TW')
      return `・${flag.assetTag}${detail === null ? '' : `（${detail['zh-TW']}）`}`;
    return `- ${flag.assetTag}${detail === null ? '' : ` (${detail.en})`}`;
  });
  const more = flags.length - lines.length;
  if (more > 0)
    lines.push(
      lang === 'zh-TW'
        ? `・其餘 ${more} 筆（詳報廢清冊）`
        : `- and ${more} more (see the disposal log)`,
    );

  // For unsuitable methods, which rule each breaks and where the rule comes from.
  const rules = new Map<string, string>();
  for (const flag of flags) {
    if (flag.kind !== 'method-unsuitable') continue;
    for (const w of flag.warnings) {
      rules.set(
        w.rule,
        `${w.text[lang]}${lang === 'zh-TW' ? `（${w.source}）` : ` (${w.source})`}`,
      );
    }
  }
  const basis =
    rules.size === 0 ? [] : ['', lang === 'zh-TW' ? '判斷依據：' : 'Basis:', ...rules.values()];
  const deficiency = [text.condition[lang], ...lines, ...basis, '', CRITERION[lang]].join('\n');

  const { severity, reason } = suggestSeverity(kind, flags, matched);
  const category: FindingCategory = getItem(itemId)?.category ?? 'management';
  const finding: Finding = {
    itemId,
    title: text.title[lang],
    deficiency,
    category,
    severity,
    risk: text.risk[lang],
    recommendation: text.recommendation[lang],
    owner: '',
    raisedOn: today,
    dueDate: null,
    managementResponse: '',
    status: 'open',
    closedOn: null,
    closingEvidenceIds: [],
  };
  return {
    finding,
    severityReason: reason[lang],
    kind,
    assetTags: flags.map((f) => f.assetTag),
    recordIds: flags.flatMap((f) => (f.recordId === null ? [] : [f.recordId])),
  };
}

/** One draft per group of `groupDisposalFlags`. */
export function draftFindingsFromFlags(
  flags: readonly DisposalFlag[],
  records: readonly DisposalRecordLike[],
  lang: DisplayLanguage,
  today: IsoDate,
): DisposalFindingDraft[] {
  return groupDisposalFlags(flags).map((group) =>
    draftFindingFromFlags(group, records, lang, today),
  );
}
